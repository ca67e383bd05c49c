/**
 * Ranking throughput: sentences ranked per second against (up to) 10,000 passages — ours, a plain
 * BM25 baseline and minisearch over the same passages and queries, in one run (eval:match, bench).
 */
import MiniSearch from 'minisearch';
import { buildIndex, rankPassages, type Passage, type RankQuery } from '../../utils/ranking';
import { Bm25 } from '../../utils/ranking/bm25-baseline';
import { clearAnalysisMemo } from '../../utils/ranking/corpus';

export interface Throughput {
  /** Sentences (queries × passages) per second. */
  ours: number;
  bm25: number;
  minisearch: number;
  /** Time to index the passages, ms (ours). */
  buildMs: number;
  passages: number;
  queries: number;
}

/** Index the first `limit` passages of `pages` and time `queries` against them (after a warm-up). */
export function rankingThroughput(
  pages: Passage[][],
  queries: RankQuery[],
  limit = 10_000,
): Throughput {
  const passages: Passage[] = [];
  for (const ps of pages) {
    for (const p of ps) if (passages.length < limit) passages.push(p);
  }
  const n = passages.length;
  clearAnalysisMemo();
  const t0 = performance.now();
  const index = buildIndex(passages, { lang: 'en' });
  const buildMs = performance.now() - t0;
  const time = (fn: () => void): number => {
    fn(); // warm-up
    const s = performance.now();
    fn();
    return (performance.now() - s) / 1000;
  };
  const tOurs = time(() => {
    for (const q of queries) rankPassages(index, q, 5);
  });
  const bm = new Bm25(passages.map((p) => p.text));
  const tBm = time(() => {
    for (const q of queries) bm.scores(q.text);
  });
  const ms = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  ms.addAll(passages.map((p, id) => ({ id, text: p.text })));
  const tMs = time(() => {
    for (const q of queries) ms.search(q.text);
  });
  const rate = (t: number) => (queries.length * n) / t;
  return {
    ours: rate(tOurs),
    bm25: rate(tBm),
    minisearch: rate(tMs),
    buildMs,
    passages: n,
    queries: queries.length,
  };
}
