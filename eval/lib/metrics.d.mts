/** Types for metrics.mjs, so TypeScript (tests) can import it under `strict`. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Drop invisible characters, collapse runs of whitespace to one space and trim. */
export function collapse(s: string): string;

/** Multiset of 4-token shingles of `text`. */
export function shingles(text: string, n?: number): Map<string, number>;

/** Trafilatura's rule: a segment is found when it is a substring of the extracted text. */
export function segmentCounts(
  expected: { with: string[]; without: string[] },
  articleBody: string,
): Counts & { tn: number; missed: string[]; wrong: string[] };
