// Public face of the ranker: index a batch of source passages, then find the passages (or the
// source) that best back a sentence, with a calibrated score and a support level. Pure and
// deterministic, so `eval:match` measures exactly what the extension runs.

import { buildCorpus, type Corpus, type IndexOptions, type Passage } from './corpus';
import {
  extractFeatures,
  FEATURE_NAMES,
  type Candidate,
  type FeatureOptions,
  type RankQuery,
} from './features';
import { DOC_MODEL, linear, PASSAGE_MODEL, sigmoid, type LinearModel } from './model';
import { levelFor } from './levels';

export type { Passage } from './corpus';
export type { RankQuery } from './features';
export { contentOnlyLevel, SHOW_THRESHOLD } from './levels';

/** One passage (or two-sentence window) that backs the query. */
export interface RankedPassage {
  docId: string;
  /** Index of the first passage of the (possibly two-sentence) window. */
  index: number;
  /** The quote: the passage, or the window joined by a space, at most 300 characters. */
  text: string;
  /** Calibrated 0–1: how likely this passage supports the sentence. */
  score: number;
  level: 'supports' | 'partly' | 'related' | 'numbers-differ';
  /** Words of `text` (as written there) that match the query, for emphasis. */
  matchedTerms: string[];
  /** Number of passages in the quote (1, or 2 for a window). */
  span: number;
  /** IDF-weighted share (0–1) of the sentence's terms that the quote's window covers. */
  coverage: number;
}

/** A searchable batch of passages. Opaque. */
export interface PassageIndex {
  readonly corpus: Corpus;
}

/** Overrides for evaluation and ablation; the extension never passes them. */
export interface RankOptions extends FeatureOptions {
  model?: LinearModel;
  docModel?: LinearModel;
}

/** Longest quote shown. */
export const MAX_QUOTE = 300;
/** A neighbour joins the quote when it adds at least this share of the query's weight. */
const WINDOW_MIN_GAIN = 0.1;

/** Indexes `passages` (sentences of one or more documents). */
export function buildIndex(passages: Passage[], opts?: IndexOptions): PassageIndex {
  return { corpus: buildCorpus(passages, opts) };
}

/** A candidate with its model score, for evaluation. */
export interface ScoredCandidate {
  docId: string;
  index: number;
  /** Index of the other passage of the quoted window (as `rankPassages` would show it), or -1. */
  partnerIndex: number;
  features: Float64Array;
  logit: number;
}

/** Every candidate passage with its features and log-odds (evaluation and training). */
export function scoreCandidates(
  index: PassageIndex,
  query: RankQuery,
  opts: RankOptions = {},
): ScoredCandidate[] {
  const c = index.corpus;
  const model = opts.model ?? PASSAGE_MODEL;
  const { candidates } = extractFeatures(c, query, opts);
  return candidates.map((cd) => {
    const e = c.entries[cd.ord]!;
    return {
      docId: c.docs[e.docOrd]!.docId,
      index: e.index,
      partnerIndex: (() => {
        const ords = windowOrds(c, cd);
        return ords.length > 1 ? c.entries[ords[0] === cd.ord ? ords[1]! : ords[0]!]!.index : -1;
      })(),
      features: cd.f,
      logit: linear(model, cd.f),
    };
  });
}

/** Best passages over all documents in the index, best first. */
export function rankPassages(
  index: PassageIndex,
  query: RankQuery,
  k = 5,
  opts: RankOptions = {},
): RankedPassage[] {
  const c = index.corpus;
  const model = opts.model ?? PASSAGE_MODEL;
  const { query: qm, candidates } = extractFeatures(c, query, opts);
  const scored = candidates.map((cd) => ({ cd, logit: linear(model, cd.f) }));
  scored.sort((a, b) => b.logit - a.logit || a.cd.ord - b.cd.ord);
  return scored.slice(0, k).map(({ cd, logit }) => present(c, qm.lookup, qm.ctxLookup, cd, logit));
}

/** Document-level features from a document's candidates (DOC_FEATURE_NAMES order). */
export function docFeatures(logits: number[], first: Float64Array): number[] {
  const sorted = [...logits].sort((a, b) => b - a);
  const best = sorted[0] ?? -20;
  const second = sorted[1] ?? best - 5;
  // Soft sum of the three best passages: a page that backs the claim in several places.
  let lse = 0;
  for (const l of sorted.slice(0, 3)) lse += Math.exp(l - best);
  return [
    best,
    second,
    first[FEATURE_NAMES.indexOf('docCov')]!,
    first[FEATURE_NAMES.indexOf('ctxDoc')]!,
    first[FEATURE_NAMES.indexOf('docBm25')]!,
    best + Math.log(lse),
    first[FEATURE_NAMES.indexOf('docNameCov')]!,
    first[FEATURE_NAMES.indexOf('docNumCov')]!,
    first[FEATURE_NAMES.indexOf('titleDoc')]!,
  ];
}

/** Best passage per document, best document first (choosing a source among candidates). */
export function rankDocuments(
  index: PassageIndex,
  query: RankQuery,
  k = 5,
  opts: RankOptions = {},
): RankedPassage[] {
  const c = index.corpus;
  const model = opts.model ?? PASSAGE_MODEL;
  const docModel = opts.docModel ?? DOC_MODEL;
  const { query: qm, candidates } = extractFeatures(c, query, opts);
  const byDoc = new Map<number, { best: Candidate; bestLogit: number; logits: number[] }>();
  for (const cd of candidates) {
    const logit = linear(model, cd.f);
    const d = c.entries[cd.ord]!.docOrd;
    const cur = byDoc.get(d);
    if (!cur) byDoc.set(d, { best: cd, bestLogit: logit, logits: [logit] });
    else {
      cur.logits.push(logit);
      if (logit > cur.bestLogit) {
        cur.best = cd;
        cur.bestLogit = logit;
      }
    }
  }
  const docs = [...byDoc.entries()].map(([d, v]) => ({
    d,
    v,
    docLogit: linear(docModel, docFeatures(v.logits, v.best.f)),
  }));
  docs.sort((a, b) => b.docLogit - a.docLogit || a.d - b.d);
  return docs.slice(0, k).map(({ v }) => present(c, qm.lookup, qm.ctxLookup, v.best, v.bestLogit));
}

/**
 * Entries quoted for a candidate: itself, or itself and its partner when the partner adds enough
 * of the sentence (beyond who said it).
 */
function windowOrds(c: Corpus, cd: Candidate): number[] {
  if (cd.partner < 0 || cd.quoteGain < WINDOW_MIN_GAIN) return [cd.ord];
  const pair = [cd.ord, cd.partner].sort((a, b) => a - b);
  const joined = pair.map((o) => c.entries[o]!.text.trim()).join(' ');
  return joined.length <= MAX_QUOTE ? pair : [cd.ord];
}

const COV_WIN = FEATURE_NAMES.indexOf('covWin');

function present(
  c: Corpus,
  lookup: Map<number, number>,
  ctxLookup: Map<number, number>,
  cd: Candidate,
  logit: number,
): RankedPassage {
  const e = c.entries[cd.ord]!;
  const f = cd.f;
  const ords = windowOrds(c, cd);
  const matched: string[] = [];
  const seen = new Set<string>();
  for (const o of ords) {
    const en = c.entries[o]!;
    en.tokens.forEach((t, i) => {
      const id = en.ids[i]!;
      if (!lookup.has(id) && !ctxLookup.has(id)) return;
      const word = en.text.slice(t.start, t.end);
      if (!seen.has(word)) {
        seen.add(word);
        matched.push(word);
      }
    });
  }
  const text =
    ords.length > 1
      ? ords.map((o) => c.entries[o]!.text.trim()).join(' ')
      : quoteOf(e.text, matched);
  const score = sigmoid(logit);
  return {
    docId: c.docs[e.docOrd]!.docId,
    index: c.entries[ords[0]!]!.index,
    text,
    score,
    level: levelFor(score, f),
    matchedTerms: matched.filter((w) => text.includes(w)),
    span: ords.length,
    coverage: f[COV_WIN]!,
  };
}

/** At most MAX_QUOTE characters of a passage, cut at word boundaries around its first match. */
function quoteOf(text: string, matched: string[]): string {
  const t = text.trim();
  if (t.length <= MAX_QUOTE) return t;
  const firstMatch = matched.length
    ? Math.min(...matched.map((w) => t.indexOf(w)).filter((i) => i >= 0))
    : 0;
  let start = Math.max(0, Math.min(firstMatch - 40, t.length - MAX_QUOTE));
  if (start > 0) start = t.indexOf(' ', start) + 1 || start;
  let end = Math.min(t.length, start + MAX_QUOTE);
  if (end < t.length) end = t.lastIndexOf(' ', end) > start ? t.lastIndexOf(' ', end) : end;
  return t.slice(start, end);
}
