/**
 * extract-bench — how fast extractDocument is on saved real pages, and a sanity check that its
 * text still matches the corpus's expected article text (token F1), so regressions show.
 * Usage: npx tsx eval/extract-bench.ts --pages DIR [--limit N] [--only a,b] [--worst N]
 * DIR holds one folder per page with source.html and expected.html (readability test pages).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { blocksOf } from '../utils/extract/blocks';
import { PAGE_URL, timeExtraction } from './lib/extract-timing';
import { quantile } from './lib/stats';

const { values: opt } = parseArgs({
  options: {
    pages: { type: 'string' },
    limit: { type: 'string' },
    only: { type: 'string' },
    worst: { type: 'string', default: '5' },
  },
});
if (!opt.pages) {
  console.error('usage: tsx eval/extract-bench.ts --pages DIR [--limit N] [--only a,b]');
  process.exit(2);
}

const tokens = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Bag-of-words F1 between two texts. */
function tokenF1(ours: string, expected: string): number {
  const want = new Map<string, number>();
  for (const t of tokens(expected)) want.set(t, (want.get(t) ?? 0) + 1);
  const got = tokens(ours);
  const wantTotal = [...want.values()].reduce((a, b) => a + b, 0);
  if (!got.length || !wantTotal) return got.length === wantTotal ? 1 : 0;
  let common = 0;
  for (const t of got) {
    const n = want.get(t) ?? 0;
    if (n > 0) {
      common++;
      want.set(t, n - 1);
    }
  }
  const p = common / got.length;
  const r = common / wantTotal;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

let names = readdirSync(opt.pages)
  .filter((n) => existsSync(join(opt.pages!, n, 'source.html')))
  .sort();
if (opt.only) names = names.filter((n) => opt.only!.split(',').includes(n));
if (opt.limit) names = names.slice(0, Number(opt.limit));

// One untimed run so the first page does not pay for the JIT warming up.
if (names[0]) timeExtraction(readFileSync(join(opt.pages, names[0], 'source.html'), 'utf8'));

interface Row {
  name: string;
  kb: number;
  ms: number;
  cpuMs: number;
  f1: number;
  /** Agreement with expected-metadata.json, when it states the field (undefined otherwise). */
  titleOk?: boolean;
  dateOk?: boolean;
}
const rows: Row[] = [];
for (const name of names) {
  const html = readFileSync(join(opt.pages, name, 'source.html'), 'utf8');
  const { doc, ms, cpuMs } = timeExtraction(html, PAGE_URL);
  const expectedPath = join(opt.pages, name, 'expected.html');
  const expected = existsSync(expectedPath)
    ? blocksOf(
        parseHTML(`<!doctype html><html><body>${readFileSync(expectedPath, 'utf8')}</body></html>`)
          .document.body as unknown as Node,
      ).join(' ')
    : '';
  const metaPath = join(opt.pages, name, 'expected-metadata.json');
  const want = existsSync(metaPath)
    ? (JSON.parse(readFileSync(metaPath, 'utf8')) as { title?: string; publishedTime?: string })
    : {};
  const same = (a: string, b: string) =>
    a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
  rows.push({
    titleOk: want.title ? same(doc.title, want.title) : undefined,
    dateOk: want.publishedTime
      ? doc.publishedAt === new Date(want.publishedTime).toISOString()
      : undefined,
    name,
    kb: Buffer.byteLength(html) / 1024,
    ms,
    cpuMs,
    f1: tokenF1(doc.text, expected),
  });
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const fmt = (n: number) => n.toFixed(1);
const totalKb = rows.reduce((a, r) => a + r.kb, 0);
console.log(`pages: ${rows.length}, ${fmt(totalKb / 1024)} MB of HTML`);
// Wall time suffers when other processes share the cores; CPU time of this process much less so.
for (const [label, pick] of [
  ['wall', (r: Row) => r.ms],
  ['cpu', (r: Row) => r.cpuMs],
] as const) {
  const ms = sorted(rows.map(pick));
  const per100 = sorted(rows.map((r) => (pick(r) / Math.max(r.kb, 1)) * 100));
  const total = rows.reduce((a, r) => a + pick(r), 0);
  console.log(
    `${label} ms per page: median ${fmt(quantile(ms, 0.5))}, p95 ${fmt(quantile(ms, 0.95))}, max ${fmt(ms[ms.length - 1] ?? NaN)}; ` +
      `ms per 100 KB: overall ${fmt((total / totalKb) * 100)}, median page ${fmt(quantile(per100, 0.5))}`,
  );
}
const f1 = sorted(rows.map((r) => r.f1));
console.log(
  `token F1 vs expected.html: mean ${(f1.reduce((a, b) => a + b, 0) / f1.length).toFixed(3)}, median ${quantile(f1, 0.5).toFixed(3)}, below 0.8: ${f1.filter((x) => x < 0.8).length}`,
);
const agreement = (pick: (r: Row) => boolean | undefined) => {
  const stated = rows.map(pick).filter((x) => x !== undefined);
  return `${stated.filter(Boolean).length}/${stated.length}`;
};
console.log(
  `metadata vs expected-metadata.json: title ${agreement((r) => r.titleOk)}, publishedAt ${agreement((r) => r.dateOk)}`,
);
const worst = Number(opt.worst);
const list = (rs: Row[], show: (r: Row) => string) => rs.slice(0, worst).map(show).join(', ');
console.log(
  `slowest (cpu): ${list(
    [...rows].sort((a, b) => b.cpuMs - a.cpuMs),
    (r) => `${r.name} ${fmt(r.cpuMs)} ms/${fmt(r.kb)} KB`,
  )}`,
);
console.log(
  `lowest F1: ${list(
    [...rows].sort((a, b) => a.f1 - b.f1),
    (r) => `${r.name} ${r.f1.toFixed(2)}`,
  )}`,
);
