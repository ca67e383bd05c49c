// Features of each candidate passage for a query: lexical overlap (BM25, IDF-weighted coverage),
// the same over a two-sentence window, phrase order (bigrams), agreement on figures and names,
// names borrowed from the text before the query, and where the passage sits. A small linear model
// (model.ts) turns them into a score; the eval learns its weights with cross-validation.

import { analyse, type NumberMention } from './analyse';
import { attributionSpan } from './attribution';
import { contextTerms, titleTerms } from './context';
import { idfOf, type Corpus } from './corpus';

/** What the caller knows about the sentence to back. */
export interface RankQuery {
  text: string;
  /** The text just before the sentence; lends names to "he", "it", "the agency". */
  prevText?: string;
  /** The title of the article the sentence is in: its subject, when the sentence omits it. */
  title?: string;
  lang?: string;
  /** ISO date of the page, reserved for date-aware ranking. */
  pageDate?: string;
}

/** Names of the features, in vector order. */
export const FEATURE_NAMES = [
  'cov',
  'bm25',
  'covWin',
  'winGain',
  'neighbor',
  'bigram',
  'numMatch',
  'numConflict',
  'nameCov',
  'ctxCov',
  'ctxDoc',
  'docCov',
  'logLen',
  'short',
  'lead',
  'covSq',
  'heading',
  'precision',
  'docBm25',
  'first',
  'docNameCov',
  'docNumCov',
  'prefixCov',
  'titleDoc',
] as const;

/** One feature's name. */
export type FeatureName = (typeof FEATURE_NAMES)[number];
const F = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, i])) as Record<FeatureName, number>;

/** Switches for the ablation study. */
export interface FeatureOptions {
  /** Borrow names from `prevText` (default on). */
  context?: boolean;
  /** Match the article's title as well (default on). */
  title?: boolean;
}

/** One candidate passage with its features. */
export interface Candidate {
  ord: number;
  /** Neighbour that completes the best two-sentence window, or -1. */
  partner: number;
  /**
   * What the partner adds to the quote: the IDF-weighted share of the query's terms it matches
   * and the candidate does not, not counting the attribution's ("the ministry said"). A
   * neighbour that only names the speaker makes a window that ranks, not a quote to show.
   */
  quoteGain: number;
  /** Feature vector, ordered as FEATURE_NAMES. */
  f: Float64Array;
}

interface QueryTerm {
  term: string;
  id: number | undefined;
  idf: number;
  name: boolean;
  /** A short form (`^who`): counts when found, never missed. */
  extra: boolean;
  /** A figure (`#1200`). */
  num: boolean;
}

/** The analysed query: terms with weights, bigrams, figures and borrowed names. */
export interface QueryModel {
  terms: QueryTerm[];
  lookup: Map<number, number>;
  denom: number;
  nameDenom: number;
  bigrams: [number, number][];
  numbers: NumberMention[];
  numberTerms: Set<string>;
  ctx: { id: number | undefined; idf: number }[];
  ctxLookup: Map<number, number>;
  ctxDenom: number;
  /** Terms of the article's title that the query lacks, with IDF. */
  ttl: { id: number | undefined; idf: number }[];
  ttlDenom: number;
  /** Query terms by their first PREFIX letters (words of at least that length), for morphology. */
  prefixes: Map<string, number>;
  /** Memo: term id → query term sharing its prefix (-1: none). */
  prefixOfId: Map<number, number>;
  /** 1 for terms found only in the sentence's attribution clause ("…, the ministry said"). */
  attr: Uint8Array;
}

/** Letters two words must share to count as the same word in another form ("marries"/"married"). */
const PREFIX = 6;

const K1 = 1.2;
const B = 0.75;

/** Analyses the query against the corpus' vocabulary. */
export function queryModel(c: Corpus, q: RankQuery, opts: FeatureOptions = {}): QueryModel {
  const lang = c.lang;
  const a = analyse(q.text, lang, c.opts);
  const terms: QueryTerm[] = [];
  const byTerm = new Map<string, number>();
  const order: number[] = [];
  const said = attributionSpan(q.text);
  const outside = new Set<number>();
  for (const t of a.tokens) {
    let qi = byTerm.get(t.term);
    if (qi === undefined) {
      const id = c.vocab.get(t.term);
      qi = terms.length;
      byTerm.set(t.term, qi);
      terms.push({
        term: t.term,
        id,
        idf: idfOf(c, id),
        name: t.name,
        extra: false,
        num: t.term.startsWith('#'),
      });
    } else if (t.name) terms[qi]!.name = true;
    order.push(qi);
    if (!said || t.start < said[0] || t.start >= said[1]) outside.add(qi);
  }
  const attr = new Uint8Array(terms.length);
  if (said) for (let i = 0; i < terms.length; i++) if (!outside.has(i)) attr[i] = 1;
  for (const e of a.extra) {
    if (byTerm.has(e)) continue;
    const id = c.vocab.get(e);
    byTerm.set(e, terms.length);
    terms.push({ term: e, id, idf: idfOf(c, id), name: false, extra: true, num: false });
  }
  const lookup = new Map<number, number>();
  terms.forEach((t, i) => {
    if (t.id !== undefined) lookup.set(t.id, i);
  });
  let denom = 0;
  let nameDenom = 0;
  for (const t of terms) {
    if (t.extra) continue;
    denom += t.idf;
    if (t.name) nameDenom += t.idf;
  }
  const bigrams: [number, number][] = [];
  for (let i = 1; i < order.length; i++) {
    if (order[i - 1] !== order[i]) bigrams.push([order[i - 1]!, order[i]!]);
  }
  const ctx: { id: number | undefined; idf: number }[] = [];
  const ctxLookup = new Map<number, number>();
  let ctxDenom = 0;
  if (opts.context !== false) {
    for (const term of contextTerms(q.text, q.prevText, lang, c.opts)) {
      const id = c.vocab.get(term);
      const idf = idfOf(c, id);
      if (id !== undefined) ctxLookup.set(id, ctx.length);
      ctx.push({ id, idf });
      ctxDenom += idf;
    }
  }
  const ttl: { id: number | undefined; idf: number }[] = [];
  let ttlDenom = 0;
  if (opts.title !== false) {
    for (const term of titleTerms(byTerm, q.title, lang, c.opts)) {
      const id = c.vocab.get(term);
      const idf = idfOf(c, id);
      ttl.push({ id, idf });
      ttlDenom += idf;
    }
  }
  const prefixes = new Map<string, number>();
  terms.forEach((t, i) => {
    if (t.extra || t.num || t.term.length < PREFIX || /^[#@^]/.test(t.term)) return;
    prefixes.set(t.term.slice(0, PREFIX), i);
  });
  return {
    terms,
    lookup,
    prefixes,
    prefixOfId: new Map(),
    attr,
    denom: denom || 1,
    nameDenom,
    bigrams,
    numbers: a.numbers,
    numberTerms: new Set(a.numbers.map((n) => n.term)),
    ctx,
    ctxLookup,
    ctxDenom,
    ttl,
    ttlDenom,
  };
}

interface Match {
  /** Term frequency per query term. */
  tf: Uint16Array;
  /** 1 where a query term has no exact match but a word of the same prefix. */
  pre: Uint8Array;
  ctx: Uint8Array;
  len: number;
}

function matchEntry(c: Corpus, qm: QueryModel, ord: number): Match {
  const e = c.entries[ord]!;
  const tf = new Uint16Array(qm.terms.length);
  const pre = new Uint8Array(qm.terms.length);
  const ctx = new Uint8Array(qm.ctx.length);
  for (const id of e.ids) {
    const qi = qm.lookup.get(id);
    if (qi !== undefined) tf[qi]!++;
    else if (qm.prefixes.size) {
      let pi = qm.prefixOfId.get(id);
      if (pi === undefined) {
        const term = c.terms[id]!;
        pi = term.length >= PREFIX ? (qm.prefixes.get(term.slice(0, PREFIX)) ?? -1) : -1;
        qm.prefixOfId.set(id, pi);
      }
      if (pi >= 0) pre[pi] = 1;
    }
    const ci = qm.ctxLookup.get(id);
    if (ci !== undefined) ctx[ci] = 1;
  }
  for (const id of e.extraIds) {
    const qi = qm.lookup.get(id);
    if (qi !== undefined && tf[qi] === 0) tf[qi] = 1;
  }
  return { tf, pre, ctx, len: e.ids.length };
}

/** IDF-weighted share of the query covered by one or two passages' matches. */
function coverage(qm: QueryModel, a: Match, b?: Match): number {
  let s = 0;
  for (let i = 0; i < qm.terms.length; i++) {
    if (a.tf[i]! > 0 || (b !== undefined && b.tf[i]! > 0)) s += qm.terms[i]!.idf;
  }
  return Math.min(1, s / qm.denom);
}

/** Coverage counting words that share a query term's prefix as matches (morphology). */
function prefixCoverage(qm: QueryModel, a: Match): number {
  let s = 0;
  for (let i = 0; i < qm.terms.length; i++) {
    if (qm.terms[i]!.extra) continue;
    if (a.tf[i]! > 0 || a.pre[i]) s += qm.terms[i]!.idf;
  }
  return Math.min(1, s / qm.denom);
}

function ctxCoverage(qm: QueryModel, a: Match, b?: Match): number {
  if (!qm.ctxDenom) return 0;
  let s = 0;
  for (let i = 0; i < qm.ctx.length; i++) {
    if (a.ctx[i] || (b !== undefined && b.ctx[i])) s += qm.ctx[i]!.idf;
  }
  return s / qm.ctxDenom;
}

function bm25(c: Corpus, qm: QueryModel, m: Match): number {
  const norm = K1 * (1 - B + (B * m.len) / c.avgLen);
  let s = 0;
  for (let i = 0; i < qm.terms.length; i++) {
    const tf = m.tf[i]!;
    if (tf > 0) s += (qm.terms[i]!.idf * tf * (K1 + 1)) / (tf + norm);
  }
  return s / qm.denom;
}

/** Share of the query's adjacent term pairs that occur in the same order, at most 2 apart. */
function bigramShare(c: Corpus, qm: QueryModel, ord: number): number {
  if (!qm.bigrams.length) return 0;
  const e = c.entries[ord]!;
  const pos = new Map<number, number[]>();
  e.ids.forEach((id, p) => {
    const qi = qm.lookup.get(id);
    if (qi === undefined) return;
    let list = pos.get(qi);
    if (!list) pos.set(qi, (list = []));
    list.push(p);
  });
  let hits = 0;
  for (const [a, b] of qm.bigrams) {
    const pa = pos.get(a);
    const pb = pos.get(b);
    if (!pa || !pb) continue;
    if (pa.some((x) => pb.some((y) => y - x >= 1 && y - x <= 2))) hits++;
  }
  return hits / qm.bigrams.length;
}

/**
 * True when a passage states a different figure for what the query counts: a figure of the query
 * is missing, and the passage has another figure sharing one of its context words or units.
 */
export function numbersConflict(qm: QueryModel, passageNumbers: readonly NumberMention[]): boolean {
  const present = new Set(passageNumbers.map((n) => n.term));
  for (const qn of qm.numbers) {
    if (present.has(qn.term)) continue;
    for (const pn of passageNumbers) {
      if (qm.numberTerms.has(pn.term)) continue;
      if (qn.yearLike !== pn.yearLike) continue;
      if (qn.keys.some((k) => pn.keys.includes(k))) return true;
    }
  }
  return false;
}

function numberShare(qm: QueryModel, a: Match, b?: Match): number {
  let hit = 0;
  let all = 0;
  for (let i = 0; i < qm.terms.length; i++) {
    if (!qm.terms[i]!.num) continue;
    all++;
    if (a.tf[i]! > 0 || (b !== undefined && b.tf[i]! > 0)) hit++;
  }
  return all ? hit / all : 0;
}

/**
 * Scores every passage that shares a term (or a borrowed name) with the query. Passages sharing
 * nothing are never candidates: their score would be the model's floor anyway.
 */
export function extractFeatures(
  c: Corpus,
  q: RankQuery,
  opts: FeatureOptions = {},
): { query: QueryModel; candidates: Candidate[] } {
  const qm = queryModel(c, q, opts);
  const cand = new Set<number>();
  for (const t of qm.terms) if (t.id !== undefined) for (const o of c.postings[t.id]!) cand.add(o);
  for (const t of qm.ctx) if (t.id !== undefined) for (const o of c.postings[t.id]!) cand.add(o);
  const matches = new Map<number, Match>();
  const matchOf = (ord: number): Match | undefined => {
    if (!cand.has(ord)) return undefined;
    let m = matches.get(ord);
    if (!m) matches.set(ord, (m = matchEntry(c, qm, ord)));
    return m;
  };
  // Whole-document coverage: the page as a whole says more than its best sentence.
  const docCov = new Map<number, number>();
  const docTf = new Map<number, Uint32Array>();
  const docCtx = new Map<number, Uint8Array>();
  for (const ord of cand) {
    const m = matchOf(ord)!;
    const d = c.entries[ord]!.docOrd;
    let tf = docTf.get(d);
    let cx = docCtx.get(d);
    if (!tf || !cx) {
      docTf.set(d, (tf = new Uint32Array(qm.terms.length)));
      docCtx.set(d, (cx = new Uint8Array(qm.ctx.length)));
    }
    for (let i = 0; i < tf.length; i++) tf[i]! += m.tf[i]!;
    for (let i = 0; i < cx.length; i++) if (m.ctx[i]) cx[i] = 1;
  }
  // The title's terms anywhere on the page (from the postings: a page need not be a candidate
  // through them, but a candidate's page may name the article's subject elsewhere).
  const docTtl = new Map<number, number>();
  for (const t of qm.ttl) {
    if (t.id !== undefined)
      for (const d of docsWith(c, t.id)) docTtl.set(d, (docTtl.get(d) ?? 0) + t.idf);
  }
  // BM25 of the whole document (page-level IDF): how much the page as a whole is about the query.
  const docBm25 = new Map<number, number>();
  // Names and figures of the claim found anywhere on the page: a page naming the claim's people
  // and stating its figures is about the claim even when no one sentence says it all.
  const docNameCov = new Map<number, number>();
  const docNumCov = new Map<number, number>();
  const nDocs = c.docs.length;
  const docIdf = qm.terms.map((t) => {
    let df = 0;
    if (t.id !== undefined) for (const _ of docsWith(c, t.id)) df++;
    return Math.log(1 + (nDocs - df + 0.5) / (df + 0.5));
  });
  let docIdfSum = 0;
  qm.terms.forEach((t, i) => {
    if (!t.extra) docIdfSum += docIdf[i]!;
  });
  for (const [d, tf] of docTf) {
    let s = 0;
    let b = 0;
    const norm = K1 * (1 - B + (B * c.docs[d]!.len) / c.avgDocLen);
    for (let i = 0; i < tf.length; i++) {
      if (!tf[i]) continue;
      s += qm.terms[i]!.idf;
      b += (docIdf[i]! * tf[i]! * (K1 + 1)) / (tf[i]! + norm);
    }
    docCov.set(d, Math.min(1, s / qm.denom));
    docBm25.set(d, docIdfSum ? b / docIdfSum : 0);
    docNameCov.set(d, nameShareOf(qm, tf));
    docNumCov.set(d, numberShareOf(qm, tf));
  }
  const out: Candidate[] = [];
  for (const ord of cand) {
    const e = c.entries[ord]!;
    const doc = c.docs[e.docOrd]!;
    const m = matchOf(ord)!;
    const prev = ord > doc.first ? matchOf(ord - 1) : undefined;
    const next = ord + 1 < doc.end ? matchOf(ord + 1) : undefined;
    const cov = coverage(qm, m);
    const covPrev = prev ? coverage(qm, m, prev) : cov;
    const covNext = next ? coverage(qm, m, next) : cov;
    const covWin = Math.max(cov, covPrev, covNext);
    const partner = covWin <= cov ? -1 : covNext >= covPrev ? ord + 1 : ord - 1;
    const pm = partner >= 0 ? matchOf(partner) : undefined;
    let quoteGain = 0;
    if (pm) {
      for (let i = 0; i < qm.terms.length; i++)
        if (!qm.attr[i] && m.tf[i] === 0 && pm.tf[i]! > 0) quoteGain += qm.terms[i]!.idf;
      quoteGain = Math.min(1, quoteGain / qm.denom);
    }
    let nameCov = 0;
    if (qm.nameDenom) {
      let s = 0;
      qm.terms.forEach((t, i) => {
        if (t.name && (m.tf[i]! > 0 || (pm && pm.tf[i]! > 0))) s += t.idf;
      });
      nameCov = s / qm.nameDenom;
    }
    const f = new Float64Array(FEATURE_NAMES.length);
    f[F.cov] = cov;
    f[F.prefixCov] = prefixCoverage(qm, m);
    f[F.bm25] = bm25(c, qm, m);
    f[F.covWin] = covWin;
    f[F.winGain] = covWin - cov;
    f[F.neighbor] = Math.max(prev ? coverage(qm, prev) : 0, next ? coverage(qm, next) : 0);
    f[F.bigram] = bigramShare(c, qm, ord);
    f[F.numMatch] = numberShare(qm, m, pm);
    f[F.numConflict] = qm.numbers.length && numbersConflict(qm, e.numbers) ? 1 : 0;
    f[F.nameCov] = nameCov;
    f[F.ctxCov] = ctxCoverage(qm, m, pm);
    f[F.ctxDoc] = ctxDoc(qm, docCtx.get(e.docOrd));
    f[F.titleDoc] = qm.ttlDenom ? (docTtl.get(e.docOrd) ?? 0) / qm.ttlDenom : 0;
    f[F.docCov] = docCov.get(e.docOrd) ?? 0;
    f[F.docBm25] = docBm25.get(e.docOrd) ?? 0;
    f[F.docNameCov] = docNameCov.get(e.docOrd) ?? 0;
    f[F.docNumCov] = docNumCov.get(e.docOrd) ?? 0;
    // The page's first passage (a title, a standfirst) names the topic, not necessarily the claim.
    f[F.first] = ord === doc.first ? 1 : 0;
    f[F.logLen] = Math.log(1 + m.len);
    f[F.short] = m.len < 5 ? 1 : 0;
    f[F.covSq] = cov * cov;
    // Headings, captions and page chrome lack a sentence end; they match names densely but
    // rarely state the claim.
    f[F.heading] = /[.!?…"”')\]]\s*$/.test(e.text) ? 0 : 1;
    // News puts the facts first; a heading at the top is the title, not the lead.
    f[F.lead] = f[F.heading] ? 0 : 1 / Math.sqrt(1 + ord - doc.first);
    let hits = 0;
    for (let i = 0; i < m.tf.length; i++) hits += m.tf[i]!;
    f[F.precision] = m.len ? Math.min(1, hits / m.len) : 0;
    out.push({ ord, partner, quoteGain, f });
  }
  return { query: qm, candidates: out };
}

/** The documents with a passage holding term `id`, each once (postings are in passage order). */
function* docsWith(c: Corpus, id: number): Generator<number> {
  let last = -1;
  for (const o of c.postings[id]!) {
    const d = c.entries[o]!.docOrd;
    if (d === last) continue;
    last = d;
    yield d;
  }
}

/** IDF-weighted share of the query's name terms with a match in `tf` (page-level). */
function nameShareOf(qm: QueryModel, tf: ArrayLike<number>): number {
  if (!qm.nameDenom) return 0;
  let s = 0;
  qm.terms.forEach((t, i) => {
    if (t.name && tf[i]! > 0) s += t.idf;
  });
  return s / qm.nameDenom;
}

/** Share of the query's figures with a match in `tf` (page-level). */
function numberShareOf(qm: QueryModel, tf: ArrayLike<number>): number {
  let hit = 0;
  let all = 0;
  qm.terms.forEach((t, i) => {
    if (!t.num) return;
    all++;
    if (tf[i]! > 0) hit++;
  });
  return all ? hit / all : 0;
}

function ctxDoc(qm: QueryModel, cx: Uint8Array | undefined): number {
  if (!cx || !qm.ctxDenom) return 0;
  let s = 0;
  for (let i = 0; i < cx.length; i++) if (cx[i]) s += qm.ctx[i]!.idf;
  return s / qm.ctxDenom;
}
