/** Types for corpus.mjs, so TypeScript (the bench) can import it under `strict`. */
export type Expected =
  { kind: 'html' | 'txt'; text: string } | { kind: 'json'; with: string[]; without: string[] };

export interface Page {
  name: string;
  dir: string;
  url?: string;
  expected?: Expected;
  /** 'real' or 'fixtures' (the readability corpus's `small_fixture`). */
  group?: string;
}

/** The pages under `dir` in name order. */
export function listPages(dir: string): Page[];
