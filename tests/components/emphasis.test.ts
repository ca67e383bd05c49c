// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { splitByTerms } from '../../components/emphasis.ts';

const marked = (text: string, terms: string[]) =>
  splitByTerms(text, terms)
    .filter((p) => p.match)
    .map((p) => p.text);

describe('splitByTerms', () => {
  it('round-trips the text exactly', () => {
    const text = 'The rate fell; rates rose (again) at 3.8%.';
    expect(
      splitByTerms(text, ['rate', 'rates', '3.8'])
        .map((p) => p.text)
        .join(''),
    ).toBe(text);
  });

  it('matches whole words case-insensitively, longest first', () => {
    expect(marked('Rates and the rate, not separate.', ['rate', 'rates'])).toEqual([
      'Rates',
      'rate',
    ]);
  });

  it('treats regex metacharacters literally', () => {
    expect(marked('Costs rose 3.8% (a lot) vs 398%.', ['3.8', '.*'])).toEqual(['3.8']);
    expect(marked('Costs rose 398%.', ['3.8'])).toEqual([]);
  });

  it('joins matches separated only by spaces into one phrase', () => {
    expect(marked('The unemployment rate fell, rate', ['unemployment', 'rate', 'fell'])).toEqual([
      'unemployment rate fell',
      'rate',
    ]);
  });

  it('handles non-Latin scripts and accents', () => {
    expect(marked('Le taux de chômage a baissé.', ['chômage'])).toEqual(['chômage']);
    expect(marked('Безработица снизилась до 3,8%.', ['снизилась'])).toEqual(['снизилась']);
  });

  it('returns one plain piece without terms and nothing for empty text', () => {
    expect(splitByTerms('abc', [])).toEqual([{ text: 'abc', match: false }]);
    expect(splitByTerms('', ['a'])).toEqual([]);
    expect(splitByTerms('abc', ['', '  '])).toEqual([{ text: 'abc', match: false }]);
  });
});
