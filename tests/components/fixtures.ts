/** Hand-written source results for the component tests. */
import type { SentenceSources, SourceResult } from '../../utils/messaging/types.ts';

export function source(overrides: Partial<SourceResult> = {}): SourceResult {
  return {
    url: 'https://www.bls.gov/news.release/empsit.nr0.htm',
    fragmentUrl: 'https://www.bls.gov/news.release/empsit.nr0.htm#:~:text=unemployment%20rate',
    title: 'The Employment Situation — March 2024',
    siteName: 'Bureau of Labor Statistics',
    publishedAt: '2024-04-05',
    passage: 'The unemployment rate edged down to 3.8 percent in March.',
    matchedTerms: ['unemployment', 'rate', 'March'],
    score: 0.82,
    level: 'supports',
    via: 'inline',
    ...overrides,
  };
}

/** `n` sources from distinct sites named Site 1…Site n. */
export function sourced(n: number): SentenceSources {
  return {
    id: 's1',
    status: 'sourced',
    sources: Array.from({ length: n }, (_, i) =>
      source({
        url: `https://site${i + 1}.example/a`,
        fragmentUrl: `https://site${i + 1}.example/a#:~:text=x`,
        siteName: `Site ${i + 1}`,
        title: `Title ${i + 1}`,
      }),
    ),
  };
}
