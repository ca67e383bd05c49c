/**
 * eval:match — measures the passage ranker (utils/ranking) on WiCE claim → cited-page data, next
 * to a plain BM25 baseline and minisearch, in one run.
 *
 *   npx tsx eval/match.ts --data FILE.jsonl [--seed N] [--json OUT] [--floors FILE]
 *                         [--folds K] [--no-cv] [--ablation] [--fit]
 *
 * Tasks (see the report printed at the end for the exact definitions):
 * - passage: rank the cited page's sentences for the claim (items with a supporting sentence);
 * - among50: find the claim's page among its own and 49 other items' pages (seeded choice);
 * - amongArticle: find it among the pages cited by the same Wikipedia article's other claims;
 * - support: ROC AUC of the top passage's score, `supported` vs `not_supported`;
 * - throughput: sentences ranked per second against 10,000 passages, ours vs minisearch.
 * Page text: the `(meta data) TITLE:` line is kept as a passage (prefix removed) because a page's
 * title is real, quotable text the extension also has; the other meta lines (author, publisher,
 * date, copyright) are dropped because they are not text of the page a quote could point to.
 * Supporting indices on dropped lines stay in the truth, so items backed only by them count as
 * misses for every ranker.
 * Each claim is asked with the sentence before it (`claim_context`) and the title of its Wikipedia
 * article (`claim_title`), as the extension asks with the sentence before and the page's title.
 */
import fs from 'node:fs';
import { readItems, pagePassages, queryOf, type Item } from './lib/wice';
import { rankingThroughput, type Throughput } from './lib/throughput';
import {
  buildIndex,
  docFeatures,
  rankDocuments,
  rankPassages,
  scoreCandidates,
  SHOW_THRESHOLD,
  type RankOptions,
  type ScoredCandidate,
} from '../utils/ranking';
import { Bm25 } from '../utils/ranking/bm25-baseline';
import { FEATURE_NAMES, type FeatureName } from '../utils/ranking/features';
import { fitListwise, fitLogistic, type Group } from '../utils/ranking/fit';
import {
  DOC_FEATURE_NAMES,
  DOC_MODEL,
  linear,
  PASSAGE_MODEL,
  sigmoid,
  type LinearModel,
} from '../utils/ranking/model';
import { setAnalysisMemoSize, type IndexOptions } from '../utils/ranking/corpus';

// ---------------------------------------------------------------- arguments

const argv = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const flag = (name: string): boolean => argv.includes(name);
const dataPath = arg('--data');
if (!dataPath) {
  console.error(
    'usage: tsx eval/match.ts --data FILE.jsonl [--seed N] [--json OUT] [--floors FILE] [--ablation] [--fit]',
  );
  process.exit(2);
}
const seed = Number(arg('--seed') ?? 1);
const folds = Number(arg('--folds') ?? 5);
const TOP = 20;

// ---------------------------------------------------------------- data

const items: Item[] = readItems(dataPath);
const pages = items.map(pagePassages);
const pageText = pages.map((ps) => ps.map((p) => p.text).join(' '));
const support = items.map((it) => new Set(it.supporting_sentences.flat()));

function rng(s: number): () => number {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const passageItems = items.map((_, i) => i).filter((i) => support[i]!.size > 0);
const rand = rng(seed);
const among50Pools = items.map((_, i) => {
  const others = items.map((_, j) => j).filter((j) => j !== i);
  for (let k = others.length - 1; k > 0; k--) {
    const r = Math.floor(rand() * (k + 1));
    [others[k], others[r]] = [others[r]!, others[k]!];
  }
  return [i, ...others.slice(0, 49)];
});
const byTitle = new Map<string, number[]>();
items.forEach((it, i) => {
  const g = byTitle.get(it.meta.claim_title) ?? [];
  g.push(i);
  byTitle.set(it.meta.claim_title, g);
});
/** Pools of distinct pages (identical page text counted once) with the item's own first. */
const articlePools = items.map((it, i) => {
  const seen = new Set([pageText[i]]);
  const pool = [i];
  for (const j of byTitle.get(it.meta.claim_title)!) {
    if (j === i || seen.has(pageText[j])) continue;
    seen.add(pageText[j]);
    pool.push(j);
  }
  return pool;
});
const articleItems = items.map((_, i) => i).filter((i) => articlePools[i]!.length >= 2);

// ---------------------------------------------------------------- metrics

function auc(pos: number[], neg: number[]): number {
  if (!pos.length || !neg.length) return NaN;
  let s = 0;
  for (const p of pos) for (const n of neg) s += p > n ? 1 : p === n ? 0.5 : 0;
  return s / (pos.length * neg.length);
}

interface PassageFigures {
  r1: number;
  r3: number;
  mrr: number;
  n: number;
}
function passageFigures(ranks: number[]): PassageFigures {
  const n = ranks.length;
  return {
    r1: ranks.filter((r) => r <= 1).length / n,
    r3: ranks.filter((r) => r <= 3).length / n,
    mrr: ranks.reduce((s, r) => s + (r <= TOP ? 1 / r : 0), 0) / n,
    n,
  };
}

interface Figures {
  passage: PassageFigures;
  among50: { r1: number; n: number };
  amongArticle: { r1: number; n: number };
  supportAuc: number;
  sentencesPerSec?: number;
}

// ---------------------------------------------------------------- feature extraction (cached)

interface ItemCands {
  cands: ScoredCandidate[];
}
interface PoolCands {
  /** For each page of the pool (pool order): its candidates with features. */
  perDoc: ScoredCandidate[][];
  /** Whether the public rankDocuments put the item's own page first (shipped weights). */
  apiHit: boolean;
}

function extractPassage(opts: IndexOptions & RankOptions): ItemCands[] {
  return items.map((it, i) => {
    const index = buildIndex(pages[i]!, { lang: 'en', ...opts });
    return { cands: scoreCandidates(index, queryOf(it, opts.context !== false), opts) };
  });
}

function extractPool(
  pools: number[][],
  which: number[],
  opts: IndexOptions & RankOptions,
): Map<number, PoolCands> {
  const out = new Map<number, PoolCands>();
  for (const i of which) {
    const pool = pools[i]!;
    const passages = pool.flatMap((j) => pages[j]!.map((p) => ({ ...p, docId: String(j) })));
    const index = buildIndex(passages, { lang: 'en', ...opts });
    const cands = scoreCandidates(index, queryOf(items[i]!, opts.context !== false), opts);
    const perDoc = pool.map(() => [] as ScoredCandidate[]);
    const pos = new Map(pool.map((j, k) => [String(j), k]));
    for (const c of cands) perDoc[pos.get(c.docId)!]!.push(c);
    const apiHit =
      rankDocuments(index, queryOf(items[i]!, opts.context !== false), 1, opts)[0]?.docId ===
      String(i);
    out.set(i, { perDoc, apiHit });
  }
  return out;
}

/** Rank (1-based) of the first candidate whose quote contains a supporting sentence. */
function firstHit(cands: ScoredCandidate[], model: LinearModel, truth: Set<number>): number {
  const scored = cands.map((c) => ({ c, s: linear(model, c.features) }));
  scored.sort((a, b) => b.s - a.s || a.c.index - b.c.index);
  for (let r = 0; r < Math.min(TOP, scored.length); r++) {
    const c = scored[r]!.c;
    if (truth.has(c.index) || (c.partnerIndex >= 0 && truth.has(c.partnerIndex))) return r + 1;
  }
  return Infinity;
}

function topScore(cands: ScoredCandidate[], model: LinearModel): number {
  let best = -Infinity;
  for (const c of cands) best = Math.max(best, linear(model, c.features));
  return best === -Infinity ? 0 : sigmoid(best);
}

function docRows(p: PoolCands, model: LinearModel): (number[] | null)[] {
  return p.perDoc.map((cs) => {
    if (!cs.length) return null;
    const logits = cs.map((c) => linear(model, c.features));
    let b = 0;
    for (let k = 1; k < logits.length; k++) if (logits[k]! > logits[b]!) b = k;
    return docFeatures(logits, cs[b]!.features);
  });
}

function poolHit(p: PoolCands, model: LinearModel, docModel: LinearModel): boolean {
  const rows = docRows(p, model);
  let best = -1;
  let bestS = -Infinity;
  rows.forEach((r, k) => {
    if (!r) return;
    const s = linear(docModel, r);
    if (s > bestS) {
      bestS = s;
      best = k;
    }
  });
  return best === 0;
}

// ---------------------------------------------------------------- fitting

interface Extracted {
  passage: ItemCands[];
  among50?: Map<number, PoolCands>;
  article: Map<number, PoolCands>;
}

const LAMBDA = Number(arg('--lambda') ?? 1);
const LISTWISE = flag('--listwise');

/** Features the listwise stage cannot see (equal for all of a page's sentences), for calibration. */
const QUERY_LEVEL: FeatureName[] = ['docCov', 'ctxDoc'];

/**
 * Page-level features are left to the document model: inside one page they are constant, so the
 * passage model could only use them to shift whole pages, which would skew rankDocuments.
 */
const DOC_LEVEL: FeatureName[] = [
  'docCov',
  'ctxDoc',
  'docBm25',
  'docNameCov',
  'docNumCov',
  'titleDoc',
];

function fitPassage(ex: Extracted, train: number[], ablationMask?: boolean[]): LinearModel {
  const mask = FEATURE_NAMES.map((n, j) => !DOC_LEVEL.includes(n) && (ablationMask?.[j] ?? true));
  const x: Float64Array[] = [];
  const y: number[] = [];
  const w: number[] = [];
  const groups: Group[] = [];
  for (const i of train) {
    if (!support[i]!.size) continue;
    const cs = ex.passage[i]!.cands;
    // Every claim weighs the same, however many candidate sentences its page has.
    const rw = 20 / Math.max(20, cs.length);
    const g: Group = { x: [], y: [] };
    for (const c of cs) {
      const label = support[i]!.has(c.index) ? 1 : 0;
      x.push(c.features);
      y.push(label);
      w.push(rw);
      g.x.push(c.features);
      g.y.push(label);
    }
    groups.push(g);
  }
  if (!LISTWISE) return fitLogistic(x, y, { lambda: LAMBDA, rowWeights: w, mask });
  // Listwise order, then a pointwise calibration of [order score, query-level features].
  const order = fitListwise(groups, { lambda: LAMBDA, mask });
  const ql = QUERY_LEVEL.map((n) => FEATURE_NAMES.indexOf(n)).filter(
    (j) => ablationMask?.[j] ?? true,
  );
  const cx = x.map((row) => [linear(order, row), ...ql.map((j) => row[j]!)]);
  const cal = fitLogistic(cx, y, { lambda: LAMBDA, rowWeights: w });
  const weights = order.weights.map((v) => v * cal.weights[0]!);
  ql.forEach((j, k) => (weights[j]! += cal.weights[k + 1]!));
  return { bias: cal.bias, weights };
}

/**
 * Document model, learned on the among-50 pools and the article pools together (the article pools
 * alone when among-50 is skipped). Before the title feature (titleDoc), learning on both pool kinds
 * cost among-50 more than it gained among the article's sources (CV 0.928 and 0.970, against 0.960
 * and 0.939 from the among-50 pools alone); with it, both rise (0.983 and 0.955).
 */
function fitDoc(ex: Extracted, train: number[], model: LinearModel): LinearModel {
  const x: number[][] = [];
  const y: number[] = [];
  for (const pools of ex.among50 ? [ex.among50, ex.article] : [ex.article]) {
    for (const i of train) {
      const p = pools.get(i);
      if (!p) continue;
      docRows(p, model).forEach((r, k) => {
        if (!r) return;
        x.push(r);
        y.push(k === 0 ? 1 : 0);
      });
    }
  }
  if (!x.length) return DOC_MODEL;
  return fitLogistic(x, y, { lambda: LAMBDA });
}

function evaluate(ex: Extracted, test: number[], model: LinearModel, docModel: LinearModel) {
  const ranks: number[] = [];
  const pos: number[] = [];
  const neg: number[] = [];
  let a50 = 0;
  let n50 = 0;
  let aArt = 0;
  let nArt = 0;
  for (const i of test) {
    const cs = ex.passage[i]!.cands;
    if (support[i]!.size) ranks.push(firstHit(cs, model, support[i]!));
    const lab = items[i]!.label;
    if (lab === 'supported') pos.push(topScore(cs, model));
    if (lab === 'not_supported') neg.push(topScore(cs, model));
    const p50 = ex.among50?.get(i);
    if (p50) {
      n50++;
      if (poolHit(p50, model, docModel)) a50++;
    }
    const pa = ex.article.get(i);
    if (pa) {
      nArt++;
      if (poolHit(pa, model, docModel)) aArt++;
    }
  }
  return { ranks, pos, neg, a50, n50, aArt, nArt };
}

function folded(n: number, k: number, s: number): number[][] {
  const order = [...Array(n).keys()];
  const r = rng(s * 7919 + 13);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const out: number[][] = Array.from({ length: k }, () => []);
  order.forEach((v, i) => out[i % k]!.push(v));
  return out;
}

/** K-fold cross-validated figures: weights learned on K-1 folds, measured on the held-out one. */
function crossValidate(ex: Extracted, mask?: boolean[], docFit = true): Figures {
  const parts = folded(items.length, folds, seed);
  const ranks: number[] = [];
  const pos: number[] = [];
  const neg: number[] = [];
  let a50 = 0;
  let n50 = 0;
  let aArt = 0;
  let nArt = 0;
  for (let f = 0; f < folds; f++) {
    const test = parts[f]!;
    const train = parts.filter((_, g) => g !== f).flat();
    const model = fitPassage(ex, train, mask);
    const docModel = docFit ? fitDoc(ex, train, model) : DOC_MODEL;
    const r = evaluate(ex, test, model, docModel);
    ranks.push(...r.ranks);
    pos.push(...r.pos);
    neg.push(...r.neg);
    a50 += r.a50;
    n50 += r.n50;
    aArt += r.aArt;
    nArt += r.nArt;
  }
  return {
    passage: passageFigures(ranks),
    among50: { r1: n50 ? a50 / n50 : NaN, n: n50 },
    amongArticle: { r1: nArt ? aArt / nArt : NaN, n: nArt },
    supportAuc: auc(pos, neg),
  };
}

// ---------------------------------------------------------------- baselines

function bm25Figures(): Figures {
  const ranks: number[] = [];
  const pos: number[] = [];
  const neg: number[] = [];
  items.forEach((it, i) => {
    const ps = pages[i]!;
    const bm = new Bm25(ps.map((p) => p.text));
    const s = bm.scores(it.claim);
    if (support[i]!.size) {
      const order = bm.rank(it.claim);
      const r = order.slice(0, TOP).findIndex((k) => support[i]!.has(ps[k]!.index));
      ranks.push(r < 0 ? Infinity : r + 1);
    }
    const top = s.length ? Math.max(...s) : 0;
    if (it.label === 'supported') pos.push(top);
    if (it.label === 'not_supported') neg.push(top);
  });
  const poolR1 = (pools: number[][], which: number[]): number => {
    let hit = 0;
    for (const i of which) {
      const bm = new Bm25(pools[i]!.map((j) => pageText[j]!));
      if (bm.rank(items[i]!.claim)[0] === 0) hit++;
    }
    return hit / which.length;
  };
  const all = items.map((_, i) => i);
  return {
    passage: passageFigures(ranks),
    among50: { r1: poolR1(among50Pools, all), n: all.length },
    amongArticle: { r1: poolR1(articlePools, articleItems), n: articleItems.length },
    supportAuc: auc(pos, neg),
  };
}

/** Top passage's level (or 'hidden' under SHOW_THRESHOLD) per WiCE label, shipped weights. */
const levelTally = new Map<string, number>();

/** The shipped ranker through its public API, exactly as the extension calls it. */
function oursFigures(ex: Extracted): Figures {
  const ranks: number[] = [];
  const pos: number[] = [];
  const neg: number[] = [];
  items.forEach((it, i) => {
    const index = buildIndex(pages[i]!, { lang: 'en' });
    const ranked = rankPassages(index, queryOf(it), TOP);
    if (support[i]!.size) {
      const order = pages[i]!.map((p) => p.index);
      const r = ranked.findIndex((rp) => {
        const at = order.indexOf(rp.index);
        return order.slice(at, at + rp.span).some((k) => support[i]!.has(k));
      });
      ranks.push(r < 0 ? Infinity : r + 1);
    }
    const top = ranked[0]?.score ?? 0;
    const lv = ranked[0] && ranked[0].score >= SHOW_THRESHOLD ? ranked[0].level : 'hidden';
    levelTally.set(`${it.label}|${lv}`, (levelTally.get(`${it.label}|${lv}`) ?? 0) + 1);
    if (it.label === 'supported') pos.push(top);
    if (it.label === 'not_supported') neg.push(top);
  });
  const poolR1 = (pools: Map<number, PoolCands>): number => {
    let hit = 0;
    for (const p of pools.values()) if (p.apiHit) hit++;
    return hit / pools.size;
  };
  return {
    passage: passageFigures(ranks),
    among50: ex.among50 ? { r1: poolR1(ex.among50), n: ex.among50.size } : { r1: NaN, n: 0 },
    amongArticle: { r1: poolR1(ex.article), n: ex.article.size },
    supportAuc: auc(pos, neg),
  };
}

// ---------------------------------------------------------------- throughput

function throughput(): Throughput {
  return rankingThroughput(
    pages,
    items.slice(0, 100).map((it) => queryOf(it)),
  );
}

// ---------------------------------------------------------------- report

const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : String(x));
function row(name: string, f: Figures): string {
  return [
    name.padEnd(34),
    fmt(f.passage.r1),
    fmt(f.passage.r3),
    fmt(f.passage.mrr),
    fmt(f.among50.r1),
    fmt(f.amongArticle.r1),
    fmt(f.supportAuc),
  ].join('  ');
}
const HEADER = `${'ranker'.padEnd(34)}  P@R1   P@R3   MRR    50@R1  art@R1 AUC`;

function printModel(name: string, m: LinearModel, names: readonly string[]): void {
  console.log(`export const ${name}: LinearModel = {`);
  console.log(`  bias: ${m.bias.toFixed(4)},`);
  console.log(`  weights: [${m.weights.map((w) => w.toFixed(4)).join(', ')}],`);
  console.log(`  // ${names.join(', ')}`);
  console.log('};');
}

// Every page is indexed again in 50 pools: keep all of the corpus' analyses.
setAnalysisMemoSize(100_000);
const startAll = performance.now();
console.log(
  `eval:match  data=${dataPath}  items=${items.length}  passage n=${passageItems.length}  ` +
    `among50 n=${items.length}  amongArticle n=${articleItems.length}  seed=${seed}`,
);

const all = items.map((_, i) => i);
// --quick (for iterating): no among-50 task, no baseline, no timing.
const quick = flag('--quick');
const ex: Extracted = {
  passage: extractPassage({}),
  ...(quick ? {} : { among50: extractPool(among50Pools, all, {}) }),
  article: extractPool(articlePools, articleItems, {}),
};
const NONE: Figures = {
  passage: { r1: NaN, r3: NaN, mrr: NaN, n: 0 },
  among50: { r1: NaN, n: 0 },
  amongArticle: { r1: NaN, n: 0 },
  supportAuc: NaN,
};
const bm25 = quick ? NONE : bm25Figures();
const ours = oursFigures(ex);
console.log('\nShipped weights (utils/ranking/model.ts), public API; BM25 baseline:');
console.log(HEADER);
console.log(row('ours (shipped weights, in-sample)', ours));
console.log(row('bm25 baseline', bm25));

const LEVELS = ['supports', 'partly', 'related', 'numbers-differ', 'hidden'];
console.log(`\nTop passage level by WiCE label (own page): ${LEVELS.join(' / ')}`);
for (const lab of ['supported', 'partially_supported', 'not_supported']) {
  console.log(
    `  ${lab.padEnd(20)} ${LEVELS.map((l) => levelTally.get(`${lab}|${l}`) ?? 0).join(' / ')}`,
  );
}

const tp: Throughput = quick
  ? { ours: NaN, bm25: NaN, minisearch: NaN, buildMs: NaN, passages: 0, queries: 0 }
  : throughput();
ours.sentencesPerSec = tp.ours;
bm25.sentencesPerSec = tp.bm25;
console.log(
  `\nThroughput vs 10,000 passages (100 queries): ours ${Math.round(tp.ours).toLocaleString('en')} sentences/s ` +
    `(index build ${tp.buildMs.toFixed(0)} ms), minisearch ${Math.round(tp.minisearch).toLocaleString('en')} sentences/s, ` +
    `bm25 baseline ${Math.round(tp.bm25).toLocaleString('en')} sentences/s; ours/minisearch = ${(tp.ours / tp.minisearch).toFixed(2)}`,
);

let cvFull: Figures | undefined;
if (!flag('--no-cv') || flag('--fit') || flag('--ablation')) {
  cvFull = crossValidate(ex);
  console.log(
    `\n${folds}-fold cross-validation (weights learned on the other folds — the honest estimate):`,
  );
  console.log(HEADER);
  console.log(row('ours (CV)', cvFull));

  if (flag('--fit')) {
    const model = fitPassage(ex, all);
    const docModel = fitDoc(ex, all, model);
    console.log('\nWeights fitted on all items (paste into utils/ranking/model.ts):');
    printModel('PASSAGE_MODEL', model, FEATURE_NAMES);
    printModel('DOC_MODEL', docModel, DOC_FEATURE_NAMES);
    const shipped = evaluate(ex, all, PASSAGE_MODEL, DOC_MODEL);
    console.log(
      `(shipped model through cached features: passage R@1 ${fmt(passageFigures(shipped.ranks).r1)})`,
    );
  }

  if (flag('--ablation')) {
    console.log(
      '\nAblation (each row is CV figures; features cumulative, then one switch off from the full model):',
    );
    console.log(HEADER);
    const maskOf = (names: FeatureName[]): boolean[] => FEATURE_NAMES.map((n) => names.includes(n));
    const steps: [string, FeatureName[]][] = [
      ['bm25 (our analysis) only', ['bm25']],
      ['+ idf coverage', ['bm25', 'cov', 'covSq']],
      [
        '+ 2-sentence windows, neighbours',
        ['bm25', 'cov', 'covSq', 'covWin', 'winGain', 'neighbor'],
      ],
      ['+ bigram order', ['bm25', 'cov', 'covSq', 'covWin', 'winGain', 'neighbor', 'bigram']],
      [
        '+ numbers, names',
        [
          'bm25',
          'cov',
          'covSq',
          'covWin',
          'winGain',
          'neighbor',
          'bigram',
          'numMatch',
          'numConflict',
          'nameCov',
        ],
      ],
      [
        '+ context names (prevText)',
        [
          'bm25',
          'cov',
          'covSq',
          'covWin',
          'winGain',
          'neighbor',
          'bigram',
          'numMatch',
          'numConflict',
          'nameCov',
          'ctxCov',
          'ctxDoc',
        ],
      ],
      [
        '+ page-level, length, lead, heading, precision',
        FEATURE_NAMES.filter((n) => n !== 'prefixCov' && n !== 'first'),
      ],
      ['+ prefix matches (morphology), first passage (full)', [...FEATURE_NAMES]],
    ];
    for (const [name, names] of steps) console.log(row(name, crossValidate(ex, maskOf(names))));
    const switches: [string, IndexOptions & RankOptions][] = [
      ['full, no stemming', { stem: false }],
      ['full, no number/date normalising', { numbers: false }],
      ['full, no short forms (acronyms)', { acronyms: false }],
      ['full, no prevText context', { context: false }],
      ['full, no article title', { title: false }],
    ];
    for (const [name, o] of switches) {
      const exo: Extracted = {
        passage: extractPassage(o),
        article: extractPool(articlePools, articleItems, o),
      };
      const f = crossValidate(exo);
      f.among50 = { r1: NaN, n: 0 };
      console.log(row(name, f));
    }
    console.log(
      '(Switch rows skip among-50, too slow to re-extract, so their document model is learned on the article\n' +
        ' pools instead: their art@R1 is not comparable with the rows above. In every row the document\n' +
        ' model keeps all its page-level features; only the passage features are masked.)',
    );
  }
}

console.log(`\ntotal ${((performance.now() - startAll) / 1000).toFixed(1)} s`);

const jsonOut = arg('--json');
const pick = (f: Figures) => ({
  passage: f.passage,
  among50: f.among50,
  amongArticle: f.amongArticle,
  supportAuc: f.supportAuc,
  sentencesPerSec: f.sentencesPerSec,
});
if (jsonOut) {
  fs.writeFileSync(
    jsonOut,
    JSON.stringify(
      {
        ours: pick(ours),
        bm25: pick(bm25),
        minisearchSentencesPerSec: tp.minisearch,
        ...(cvFull ? { oursCv: pick(cvFull) } : {}),
      },
      null,
      2,
    ),
  );
}

const floorsPath = arg('--floors');
if (floorsPath) {
  const floors = JSON.parse(fs.readFileSync(floorsPath, 'utf8')) as {
    passage?: Partial<PassageFigures>;
    among50?: { r1?: number };
    amongArticle?: { r1?: number };
    supportAuc?: number;
  };
  const fails: string[] = [];
  const check = (name: string, got: number, floor: number | undefined) => {
    if (floor !== undefined && !(got >= floor)) fails.push(`${name} ${fmt(got)} < floor ${floor}`);
  };
  check('passage R@1', ours.passage.r1, floors.passage?.r1);
  check('passage R@3', ours.passage.r3, floors.passage?.r3);
  check('passage MRR', ours.passage.mrr, floors.passage?.mrr);
  check('among50 R@1', ours.among50.r1, floors.among50?.r1);
  check('amongArticle R@1', ours.amongArticle.r1, floors.amongArticle?.r1);
  check('support AUC', ours.supportAuc, floors.supportAuc);
  if (fails.length) {
    console.error(`\nFLOORS FAILED (${floorsPath}):\n  ${fails.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`floors ok (${floorsPath})`);
}
