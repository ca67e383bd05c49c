// The searchable form of a set of source documents: every passage analysed once, a vocabulary of
// term ids, and postings from term to passages. Built per batch of candidate sources, so it is
// small and lives in memory only.

import {
  analyse,
  type Analysis,
  type AnalyseOptions,
  type NumberMention,
  type Token,
} from './analyse';
import { guessLanguage } from './stopwords';

/** A sentence of a source document, in order. */
export interface Passage {
  docId: string;
  index: number;
  text: string;
}

/** One analysed passage. */
export interface Entry {
  docOrd: number;
  /** Position of the passage inside its document, as given. */
  index: number;
  text: string;
  tokens: Token[];
  /** Term ids of `tokens`, in order. */
  ids: Int32Array;
  /** Term ids of the position-less extra terms (short forms). */
  extraIds: Int32Array;
  numbers: NumberMention[];
}

/** A document: a run of consecutive entries. */
export interface DocRange {
  docId: string;
  first: number;
  end: number;
  /** Content tokens in the document. */
  len: number;
}

/** Options for building and querying. */
export interface IndexOptions extends AnalyseOptions {
  lang?: string;
}

/** Opaque to callers; exported for the feature extractor. */
export interface Corpus {
  lang: string;
  opts: AnalyseOptions;
  vocab: Map<string, number>;
  /** Term of each id (the inverse of `vocab`). */
  terms: string[];
  /** Passages containing each term id. */
  postings: number[][];
  entries: Entry[];
  docs: DocRange[];
  avgLen: number;
  avgDocLen: number;
}

/**
 * Analyses are pure functions of (text, language, options), and the same source pages are indexed
 * again in other batches, so they are memoised. Bounded: cleared when full.
 */
const memo = new Map<string, Analysis>();
/** About 2 kB per analysed sentence: a few thousand keep a page's sources warm in the worker. */
let memoMax = 5_000;

/** Sets how many analyses are memoised (the evaluation raises it; 0 turns memoising off). */
export function setAnalysisMemoSize(n: number): void {
  memoMax = n;
  memo.clear();
}
function analyseMemo(text: string, lang: string, opts: AnalyseOptions): Analysis {
  const key = `${lang}|${opts.stem === false ? 0 : 1}${opts.numbers === false ? 0 : 1}${opts.acronyms === false ? 0 : 1}|${text}`;
  let a = memo.get(key);
  if (!a) {
    a = analyse(text, lang, opts);
    if (memoMax > 0) {
      if (memo.size >= memoMax) memo.clear();
      memo.set(key, a);
    }
  }
  return a;
}

/** Forgets memoised analyses (tests and cold-start timing). */
export function clearAnalysisMemo(): void {
  memo.clear();
}

function termId(c: Corpus, term: string): number {
  let id = c.vocab.get(term);
  if (id === undefined) {
    id = c.postings.length;
    c.vocab.set(term, id);
    c.terms.push(term);
    c.postings.push([]);
  }
  return id;
}

/** Builds the corpus. Passages of one document are put in `index` order. */
export function buildCorpus(passages: Passage[], opts: IndexOptions = {}): Corpus {
  const byDoc = new Map<string, Passage[]>();
  for (const p of passages) {
    let list = byDoc.get(p.docId);
    if (!list) byDoc.set(p.docId, (list = []));
    list.push(p);
  }
  const sample = passages
    .slice(0, 200)
    .map((p) => p.text)
    .join(' ');
  const lang = opts.lang ?? guessLanguage(sample);
  const analyseOpts: AnalyseOptions = {
    stem: opts.stem,
    numbers: opts.numbers,
    acronyms: opts.acronyms,
  };
  const c: Corpus = {
    lang,
    opts: analyseOpts,
    vocab: new Map(),
    terms: [],
    postings: [],
    entries: [],
    docs: [],
    avgLen: 0,
    avgDocLen: 0,
  };
  let totalLen = 0;
  for (const [docId, list] of byDoc) {
    list.sort((a, b) => a.index - b.index);
    const first = c.entries.length;
    for (const p of list) {
      const a = analyseMemo(p.text, lang, analyseOpts);
      const ids = Int32Array.from(a.tokens, (t) => termId(c, t.term));
      const extraIds = Int32Array.from(a.extra, (t) => termId(c, t));
      const ord = c.entries.length;
      const seen = new Set<number>();
      for (const id of ids) seen.add(id);
      for (const id of extraIds) seen.add(id);
      for (const id of seen) c.postings[id]!.push(ord);
      c.entries.push({
        docOrd: c.docs.length,
        index: p.index,
        text: p.text,
        tokens: a.tokens,
        ids,
        extraIds,
        numbers: a.numbers,
      });
      totalLen += ids.length;
    }
    let len = 0;
    for (let o = first; o < c.entries.length; o++) len += c.entries[o]!.ids.length;
    c.docs.push({ docId, first, end: c.entries.length, len });
  }
  c.avgLen = c.entries.length ? totalLen / c.entries.length : 1;
  c.avgDocLen = c.docs.length ? totalLen / c.docs.length || 1 : 1;
  return c;
}

/** Inverse document frequency (BM25's, never negative) of a term id; unseen terms get the maximum. */
export function idfOf(c: Corpus, id: number | undefined): number {
  const n = c.entries.length;
  const df = id === undefined ? 0 : c.postings[id]!.length;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}
