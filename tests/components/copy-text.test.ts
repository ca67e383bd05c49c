import { describe, expect, it } from 'vitest';
import { formatSentenceWithSources } from '../../components/copy-text.ts';
import { source } from './fixtures.ts';

const SENTENCE = 'Unemployment fell to 3.8%\nin March.';

describe('formatSentenceWithSources', () => {
  it('plain text: the sentence, then each source with its link and quote', () => {
    const text = formatSentenceWithSources(SENTENCE, [source()], 'text');
    expect(text).toBe(
      [
        '“Unemployment fell to 3.8% in March.”',
        '',
        'Sources:',
        '1. The Employment Situation — March 2024: Bureau of Labor Statistics, Supports',
        '   https://www.bls.gov/news.release/empsit.nr0.htm#:~:text=unemployment%20rate',
        '   “The unemployment rate edged down to 3.8 percent in March.”',
      ].join('\n'),
    );
  });

  it('Markdown: a quote, linked titles, escaped syntax, safe URLs', () => {
    const md = formatSentenceWithSources(
      'Costs rose *sharply* [1].',
      [
        source({
          title: 'Report [draft]',
          fragmentUrl: 'https://a.example/x_(y)#:~:text=a b',
          url: 'https://a.example/x_(y)',
          passage: 'Costs rose sharply.',
        }),
      ],
      'markdown',
    );
    expect(md.split('\n')).toEqual([
      '> Costs rose \\*sharply\\* \\[1\\].',
      '',
      'Sources:',
      '1. [Report \\[draft\\]](https://a.example/x_%28y%29#:~:text=a%20b): Bureau of Labor Statistics, Supports',
      '   > Costs rose sharply.',
    ]);
  });

  it('leaves out sources the reader marked wrong, and unsafe links', () => {
    const text = formatSentenceWithSources(
      SENTENCE,
      [
        source({ flagged: true, title: 'Wrong one' }),
        source({ title: 'Script', url: 'javascript:alert(1)', fragmentUrl: 'javascript:alert(1)' }),
      ],
      'text',
    );
    expect(text).not.toContain('Wrong one');
    expect(text).not.toContain('javascript:');
    expect(text).toContain('1. Script');
  });

  it('says so when every source was marked wrong', () => {
    const text = formatSentenceWithSources(SENTENCE, [source({ flagged: true })], 'markdown');
    expect(text).toContain('No source found for this sentence');
  });
});
