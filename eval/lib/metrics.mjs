// Scoring of extracted article text against expected text: sentences, 4-gram shingles, and the
// trafilatura segment rule. Pure functions, so they can be unit-tested without a browser.
import { parseHTML } from 'linkedom';

/**
 * Characters that render as nothing: soft hyphens (hyphenation hints), zero-width spaces, word
 * joiners, byte-order marks. A reader never sees them, so neither side of a comparison keeps them.
 */
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;

/** Drop invisible characters, collapse runs of whitespace to one space and trim. */
export const collapse = (s) => s.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();

const BLOCK = new Set(
  'address article aside blockquote dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
const NO_TEXT = new Set(['script', 'style', 'noscript', 'template']);

/**
 * The text blocks of an HTML fragment, one per paragraph-like run of text, each with the element
 * its first words sit in (so a caller can tell a list item from a caption).
 * @returns {{ text: string, el: Element }[]}
 */
export function htmlToBlockNodes(html) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out = [];
  let cur = '';
  let first = document.body;
  const flush = () => {
    const t = collapse(cur);
    if (t) out.push({ text: t, el: first });
    cur = '';
  };
  const walk = (node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        if (!collapse(cur)) first = node;
        cur += c.data;
      } else if (c.nodeType === 1) {
        const name = c.localName;
        if (NO_TEXT.has(name)) continue;
        if (name === 'br') {
          flush();
          continue;
        }
        const block = BLOCK.has(name);
        if (block) flush();
        walk(c);
        if (block) flush();
      }
    }
  };
  walk(document.body);
  flush();
  return out;
}

/** The text blocks of an HTML fragment: one string per paragraph-like run of text. */
export function htmlToBlocks(html) {
  return htmlToBlockNodes(html).map((b) => b.text);
}

/** The text blocks of plain text: one per non-empty line. */
export function textToBlocks(text) {
  return text.split(/\n+/).map(collapse).filter(Boolean);
}

/** Word tokens: runs of Unicode letters, digits and underscore. */
export const TOKEN = /[\p{L}\p{N}_]+/gu;

/** Multiset of 4-token shingles of `text` (a shorter text gives one shingle of all its tokens). */
export function shingles(text, n = 4) {
  const toks = text.replace(INVISIBLE, '').match(TOKEN) ?? [];
  const out = new Map();
  if (toks.length === 0) return out;
  if (toks.length < n) {
    out.set(toks.join(' '), 1);
    return out;
  }
  for (let i = 0; i + n <= toks.length; i++) {
    const key = toks.slice(i, i + n).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** TP/FP/FN of two multisets. */
export function multisetCounts(expected, found) {
  let tp = 0;
  let e = 0;
  let f = 0;
  for (const [k, c] of expected) {
    e += c;
    tp += Math.min(c, found.get(k) ?? 0);
  }
  for (const c of found.values()) f += c;
  return { tp, fp: f - tp, fn: e - tp };
}

const bag = (items) => {
  const m = new Map();
  for (const s of items) {
    const k = collapse(s);
    if (k) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
};

/** Sentence TP/FP/FN: sentences compared after collapsing whitespace, as multisets. */
export function sentenceCounts(expectedSentences, foundSentences) {
  return multisetCounts(bag(expectedSentences), bag(foundSentences));
}

/** Shingle TP/FP/FN of one page, normalised to sum to 1 (all zero when both texts are empty). */
export function shingleCounts(expectedText, foundText) {
  return normalised(multisetCounts(shingles(expectedText), shingles(foundText)));
}

/** TP/FP/FN scaled to sum to 1 (all zero stay zero): one page weighs as much as another. */
export function normalised(c) {
  const sum = c.tp + c.fp + c.fn;
  return sum ? { tp: c.tp / sum, fp: c.fp / sum, fn: c.fn / sum } : c;
}

/** Trafilatura's rule: a segment is found when it is a substring of the extracted text. */
export function segmentCounts(expected, articleBody) {
  const hay = collapse(articleBody);
  const has = (s) => {
    const needle = collapse(s);
    return needle !== '' && hay.includes(needle);
  };
  const tp = expected.with.filter(has).length;
  const fp = expected.without.filter(has).length;
  return {
    tp,
    fn: expected.with.length - tp,
    fp,
    tn: expected.without.length - fp,
    missed: expected.with.filter((s) => !has(s)),
    wrong: expected.without.filter(has),
  };
}

/** Precision, recall and F1 from summed counts (0 where undefined). */
export function prf({ tp, fp, fn }) {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/**
 * Page-averaged precision and recall (pages with TP+FP = 0 left out of precision, TP+FN = 0 out
 * of recall), and F1 of the two averages.
 */
export function macroPrf(perPage) {
  const ps = perPage.filter((c) => c.tp + c.fp > 0).map((c) => c.tp / (c.tp + c.fp));
  const rs = perPage.filter((c) => c.tp + c.fn > 0).map((c) => c.tp / (c.tp + c.fn));
  const mean = (a) => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : 0);
  const p = mean(ps);
  const r = mean(rs);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Median, p95 and max of a list of numbers (nearest-rank). */
export function spread(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return { median: NaN, p95: NaN, max: NaN };
  const rank = (q) => v[Math.min(v.length - 1, Math.max(0, Math.ceil(q * v.length) - 1))];
  return { median: rank(0.5), p95: rank(0.95), max: v[v.length - 1] };
}
