// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  directiveFor,
  encodePart,
  findTextDirective,
  textFragmentFor,
  textFragmentForQuote,
} from '../../../utils/ranking/fragment';

/** Decodes a produced directive back to its parts (inverse of formatDirective). */
function parse(directive: string) {
  const parts = directive.split(',');
  const d: { prefix?: string; textStart: string; textEnd?: string; suffix?: string } = {
    textStart: '',
  };
  if (parts[0]!.endsWith('-')) d.prefix = decodeURIComponent(parts.shift()!.slice(0, -1));
  if (parts.at(-1)!.startsWith('-')) d.suffix = decodeURIComponent(parts.pop()!.slice(1));
  d.textStart = decodeURIComponent(parts[0]!);
  if (parts[1]) d.textEnd = decodeURIComponent(parts[1]);
  return d;
}

/** Asserts the directive's first match is exactly [start, end) of `text`. */
function expectSelects(text: string, start: number, end: number) {
  const frag = textFragmentFor(text, start, end);
  expect(frag).not.toBe('');
  const r = findTextDirective(text, parse(frag));
  expect(r).toEqual({ start, end });
  return frag;
}

const span = (text: string, quote: string, from = 0) => {
  const start = text.indexOf(quote, from);
  return [start, start + quote.length] as const;
};

describe('text fragments', () => {
  it('quotes a short unique passage whole', () => {
    const text = 'First line here. The mayor resigned on Monday. Last line.';
    const frag = expectSelects(text, ...span(text, 'The mayor resigned on Monday.'));
    expect(frag).toBe('The%20mayor%20resigned%20on%20Monday.');
  });

  it('uses textStart,textEnd for a long passage', () => {
    const long =
      'The committee, after months of hearings and several postponed votes, finally approved the budget for the coming year with a narrow majority.';
    const text = `Intro sentence. ${long} Closing sentence.`;
    const frag = expectSelects(text, ...span(text, long));
    expect(frag.split(',')).toHaveLength(2);
  });

  it('adds a prefix or suffix when the quote occurs earlier too', () => {
    const text = 'Alice said: Prices rose. Later, Bob said: Prices rose. Nobody else spoke.';
    const [s, e] = span(text, 'Prices rose.', text.indexOf('Bob'));
    const frag = expectSelects(text, s, e);
    expect(frag.includes('-,') || frag.includes(',-')).toBe(true);
  });

  it('matches case-insensitively, across collapsed white space, at word boundaries only', () => {
    const text = 'The catalogue lists cats.\n\n  Cats   are   popular pets.';
    expect(findTextDirective(text, { textStart: 'cats are popular' })).toEqual({
      start: text.indexOf('Cats'),
      end: text.indexOf(' pets'),
    });
    // "cat" inside "catalogue" is no match
    expect(findTextDirective(text, { textStart: 'cat' })).toBeNull();
    expectSelects(text, ...span(text, 'Cats   are   popular pets.'));
  });

  it('percent-encodes dash, ampersand and comma', () => {
    expect(encodePart('AT&T, well-known')).toBe('AT%26T%2C%20well%2Dknown');
    const text = 'Intro. AT&T, the well-known firm, grew. End.';
    const frag = expectSelects(text, ...span(text, 'AT&T, the well-known firm, grew.'));
    expect(frag).not.toMatch(/[&-]/);
    expect(frag.split(',').length).toBeLessThanOrEqual(4);
  });

  it('finds a directive for every sentence of a repetitive page', () => {
    const sentences = [
      'Read more.',
      'Share this story.',
      'Read more.',
      'The vote passed 52 to 48.',
      'Read more.',
    ];
    const text = sentences.join(' ');
    let from = 0;
    for (const s of sentences) {
      const start = text.indexOf(s, from);
      from = start + s.length;
      expectSelects(text, start, start + s.length);
    }
  });

  it('locates a quote given as text, nearest to the hint', () => {
    const text = 'A. Rates fell. B. Rates fell. C.';
    const second = text.lastIndexOf('Rates fell.');
    const frag = textFragmentForQuote(text, 'Rates  fell.', second);
    expect(findTextDirective(text, parse(frag))?.start).toBe(second);
    expect(textFragmentForQuote(text, 'not there')).toBe('');
  });

  it('gives null when nothing is selected', () => {
    expect(directiveFor('abc', 1, 1)).toBeNull();
  });
});
