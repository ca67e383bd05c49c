/**
 * `npm run bench` — how fast and light Sourcelight is on the reader's machine (issue 8), in real
 * Chromium with the built TEST extension (the only build that writes `sourcelight:*` user-timing
 * entries, see utils/perf/marks.ts), against the real Readability corpus pages and the demo site,
 * all on 127.0.0.1. Prints one table of measured figures next to the project's goals and writes
 * bench-results.json. Figures, not assertions: it fails only when something crashes.
 *
 *   npm run bench [-- --quick] [--pages DIR] [--wice FILE] [--out FILE] [--build]
 *
 * --quick: 2 pages, 1 demo article, fewer hovers and queries (well under a minute; .ci/run).
 * --build: rebuild the test and production builds first (otherwise only missing or stale ones,
 *   older than their sources, are built).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startDemoServers } from '../scripts/demo-server.mjs';
import { isStale } from '../scripts/test-build.mjs';
import { launchChromium, REPO_ROOT, TEST_BUILD_DIRS } from '../tests/e2e/harness/index.ts';
import { highlightTexts, hoverSentence, waitForCard } from '../tests/e2e/support/sourcelight.ts';
import {
  launchBare,
  pageHeap,
  PROBE,
  readCost,
  readLoad,
  serviceWorkerFigures,
  type PageCost,
} from './lib/bench-browser.ts';
import { FINAL, STATUS_LISTENER } from './lib/browser.mjs';
import { listPages } from './lib/corpus.mjs';
import { timeExtraction } from './lib/extract-timing.ts';
import { servePages } from './lib/serve.mjs';
import { summary } from './lib/stats.ts';
import { rankingThroughput } from './lib/throughput.ts';
import { pagePassages, queryOf, readItems } from './lib/wice.ts';

const started = Date.now();
const { values: opt } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    pages: { type: 'string', default: '../shared/corpora/readability-test-pages/test-pages' },
    wice: { type: 'string', default: '../shared/corpora/wice-claim-evidence/dev.jsonl' },
    out: { type: 'string', default: 'bench-results.json' },
    build: { type: 'boolean', default: false },
  },
});
const quick = opt.quick!;
const pagesDir = resolve(REPO_ROOT, opt.pages!);
const wicePath = resolve(REPO_ROOT, opt.wice!);
const PROD_DIRS = {
  chrome: join(REPO_ROOT, '.output/chrome-mv3'),
  firefox: join(REPO_ROOT, '.output/firefox-mv2'),
};
const log = (s: string) => console.log(`[bench] ${s}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const elapsed = () => ((Date.now() - started) / 1000).toFixed(0);

// ------------------------------------------------------------------------------------- builds

function ensureBuild(script: string, dirs: string[]): void {
  // A build older than its sources would measure (and size) code that is no longer there.
  if (!opt.build && !isStale(dirs, REPO_ROOT)) return;
  log(`npm run ${script} …`);
  const r = spawnSync('npm', ['run', '--silent', script], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`npm run ${script} failed`);
}
ensureBuild('build:test', [TEST_BUILD_DIRS.chrome]);
ensureBuild('build', [PROD_DIRS.chrome, PROD_DIRS.firefox]);
const contentScript = join(TEST_BUILD_DIRS.chrome, 'content-scripts/content.js');
if (!readFileSync(contentScript, 'utf8').includes('sourcelight:')) {
  throw new Error(`${contentScript} writes no sourcelight:* marks: rebuild with --build`);
}
const builtAt = (d: string) => statSync(join(d, 'manifest.json')).mtime.toISOString();

// -------------------------------------------------------------------------------------- pages

if (!existsSync(pagesDir)) throw new Error(`no corpus at ${pagesDir} (--pages DIR)`);
const sizeOf = (p: { dir: string }) => statSync(join(p.dir, 'source.html')).size;
const real = listPages(pagesDir).filter((p) => p.group === 'real');
const bySize = [...real].sort((a, b) => sizeOf(a) - sizeOf(b));
// Quick: two pages from the lower half by size (small, quartile), so it stays fast.
const pages = quick ? [0.05, 0.25].map((q) => bySize[Math.floor(q * (bySize.length - 1))]!) : real;
const largest = [...pages].sort((a, b) => sizeOf(b) - sizeOf(a))[0]!;
const demoArticles = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'demo-site/expectations.json'), 'utf8')) as {
    articles: { path: string; title: string }[];
  }
).articles.slice(0, quick ? 1 : undefined);

const corpus = await servePages(
  pagesDir,
  pages.map((p) => p.name),
);
const demo = await startDemoServers();
const urlOf = (name: string) => `${corpus.origin}/${encodeURIComponent(name)}/`;

const withExt = await launchChromium({ extensionDir: TEST_BUILD_DIRS.chrome });
const bare = await launchBare();
for (const ctx of [withExt.context, bare.context]) {
  await ctx.addInitScript(STATUS_LISTENER);
  await ctx.addInitScript(PROBE);
}

const DONE_TIMEOUT = 25_000;
async function waitFinal(page: Page): Promise<string | null> {
  await page
    .waitForFunction(
      (final) =>
        final.includes(
          (window as unknown as { __sourcelightStatus?: { state: string } }).__sourcelightStatus
            ?.state ?? '',
        ),
      FINAL,
      { timeout: DONE_TIMEOUT, polling: 100 },
    )
    .catch(() => undefined);
  return page.evaluate(
    () =>
      (window as unknown as { __sourcelightStatus?: { state: string } }).__sourcelightStatus
        ?.state ?? null,
  );
}

async function open(ctx: typeof bare.context, url: string): Promise<Page> {
  const page = await ctx.newPage();
  // A page whose load never ends still has a DOM: go on after a while.
  await page.goto(url, { waitUntil: 'load', timeout: 15_000 }).catch(() => undefined);
  await sleep(500); // let LCP settle the same way on both sides
  return page;
}

interface PageRow {
  name: string;
  kb: number;
  state: string | null;
  bare: { loadMs: number | null; lcpMs: number | null };
  ext: { loadMs: number | null; lcpMs: number | null };
  cost: PageCost | null;
}

let articlesProcessed = 0;
const rows: PageRow[] = [];
log(`${pages.length} real pages, with and without the extension, paired`);
for (const [i, p] of pages.entries()) {
  const url = urlOf(p.name);
  const row: PageRow = {
    name: p.name,
    kb: Math.round(sizeOf(p) / 1024),
    state: null,
    bare: { loadMs: null, lcpMs: null },
    ext: { loadMs: null, lcpMs: null },
    cost: null,
  };
  const runBare = async () => {
    const page = await open(bare.context, url);
    row.bare = await readLoad(page);
    await page.close();
  };
  const runExt = async () => {
    const page = await open(withExt.context, url);
    row.ext = await readLoad(page);
    row.state = await waitFinal(page);
    await sleep(200); // a last answer's measure
    row.cost = await readCost(page);
    articlesProcessed++;
    await page.close();
  };
  // Alternate who goes first so drift in machine load does not favour one side.
  if (i % 2) {
    await runExt();
    await runBare();
  } else {
    await runBare();
    await runExt();
  }
  rows.push(row);
  if ((i + 1) % 10 === 0) log(`${i + 1}/${pages.length} pages (${elapsed()} s)`);
}

// --------------------------------------------------------------------- memory in the page

log(`page heap on the largest page (${largest.name}, ${Math.round(sizeOf(largest) / 1024)} KB)`);
const heapReps = quick ? 1 : 3;
const heapWith: number[] = [];
const heapWithout: number[] = [];
for (let k = 0; k < heapReps; k++) {
  const a = await open(withExt.context, urlOf(largest.name));
  await waitFinal(a);
  heapWith.push(await pageHeap(withExt.context, a));
  await a.close();
  const b = await open(bare.context, urlOf(largest.name));
  heapWithout.push(await pageHeap(bare.context, b));
  await b.close();
}
const heapAdded = summary(heapWith).median - summary(heapWithout).median;

// -------------------------------------------- service worker after 100 articles, its cache

// The demo articles too, then repeats of the corpus (a reader revisits) until 100 articles.
const topUp = [
  ...demoArticles.map((a) => `${demo.sites.news}${a.path}`),
  ...pages.map((p) => urlOf(p.name)),
];
const target = quick ? articlesProcessed + demoArticles.length : 100;
for (let k = 0; articlesProcessed < target; k++) {
  const page = await open(withExt.context, topUp[k % topUp.length]!);
  await waitFinal(page);
  articlesProcessed++;
  await page.close();
}
log(`service worker heap after ${articlesProcessed} articles`);
const sw = await serviceWorkerFigures(withExt);

await bare.close();
await withExt.close();

// ------------------------------------------------ time to first source (cold) and hover

interface ArticleRow {
  path: string;
  firstSourceMs: number | null;
  contentScriptAt: number | null;
  /** The content script's first request for sources (test-build mark `ask`). */
  askAt: number | null;
  /** The answer that brought the first source: the last `answered` mark before `sourced`. */
  answeredAt: number | null;
  state: string | null;
  hoverMs: number[];
  /** The card's warm-up in idle time: its slices' total and longest, ms. */
  warmMs: number | null;
  warmLongestMs: number | null;
}
const articles: ArticleRow[] = [];
const HOVERS = quick ? 3 : 10;
for (const a of demoArticles) {
  // A fresh profile per article: cold cache, as a reader's first visit.
  const session = await launchChromium({ extensionDir: TEST_BUILD_DIRS.chrome });
  const row: ArticleRow = {
    path: a.path,
    firstSourceMs: null,
    contentScriptAt: null,
    askAt: null,
    answeredAt: null,
    state: null,
    hoverMs: [],
    warmMs: null,
    warmLongestMs: null,
  };
  try {
    await session.context.addInitScript(STATUS_LISTENER);
    const page = await session.newPage();
    await page.goto(`${demo.sites.news}${a.path}`, { waitUntil: 'commit' });
    const first = await page
      .waitForFunction(
        () => performance.getEntriesByName('sourcelight:sourced')[0]?.startTime ?? null,
        null,
        { timeout: 30_000, polling: 50 },
      )
      .then((h) => h.jsonValue())
      .catch(() => null);
    row.firstSourceMs = first;
    row.contentScriptAt = await page.evaluate(
      () => performance.getEntriesByName('sourcelight:main')[0]?.startTime ?? null,
    );
    row.askAt = await page.evaluate(
      () => performance.getEntriesByName('sourcelight:ask')[0]?.startTime ?? null,
    );
    row.answeredAt = await page.evaluate((sourced) => {
      const before = performance
        .getEntriesByName('sourcelight:answered')
        .map((e) => e.startTime)
        .filter((t) => sourced !== null && t <= sourced);
      return before.length ? Math.max(...before) : null;
    }, first);
    row.state = await waitFinal(page);
    const sourced = [
      ...(await highlightTexts(page, 'sourcelight-sourced')),
      ...(await highlightTexts(page, 'sourcelight-numbers-differ')),
    ];
    // The card's warm-up runs in idle time once a sentence is sourced (entrypoints/content.ts).
    // Its cost: the content script's slices between the `warm` and `warmed` marks.
    const warm = await page
      .waitForFunction(
        () => {
          const from = performance.getEntriesByName('sourcelight:warm')[0]?.startTime;
          const to = performance.getEntriesByName('sourcelight:warmed')[0]?.startTime;
          if (from === undefined || to === undefined) return null;
          const slices = performance
            .getEntriesByName('sourcelight:slice')
            .filter((e) => e.startTime >= from && e.startTime + e.duration <= to);
          return {
            workMs: slices.reduce((a, e) => a + e.duration, 0),
            longestMs: slices.reduce((a, e) => Math.max(a, e.duration), 0),
          };
        },
        null,
        { timeout: 5_000, polling: 50 },
      )
      .then((h) => h.jsonValue())
      .catch(() => null);
    row.warmMs = warm?.workMs ?? null;
    row.warmLongestMs = warm?.longestMs ?? null;
    for (const sentence of sourced.slice(0, HOVERS)) {
      const before = await page.evaluate(
        () => performance.getEntriesByName('sourcelight:hover-card').length,
      );
      await page.mouse.move(1, 1);
      await sleep(400); // past the grace period: the last card is closed
      await hoverSentence(page, sentence);
      const shown = await waitForCard(page, 'tooltip', 5000).catch(() => null);
      if (!shown) continue;
      const ms = await page
        .waitForFunction(
          (n) => {
            const all = performance.getEntriesByName('sourcelight:hover-card');
            return all.length > n ? all[all.length - 1]!.duration : null;
          },
          before,
          { timeout: 2000, polling: 20 },
        )
        .then((h) => h.jsonValue())
        .catch(() => null);
      if (ms !== null) row.hoverMs.push(ms);
    }
  } finally {
    await session.close();
  }
  articles.push(row);
}
await demo.close();
await corpus.close();
log(`browsers done (${elapsed()} s); background figures`);

// -------------------------------------------------------------------------- background

const items = readItems(wicePath);
const tp = rankingThroughput(
  items.map(pagePassages),
  items.slice(0, quick ? 20 : 100).map((it) => queryOf(it)),
);
const html = pages.map((p) => readFileSync(join(p.dir, 'source.html'), 'utf8'));
timeExtraction(html[0]!); // JIT warm-up, untimed
const extraction = html.map((h) => timeExtraction(h));

// -------------------------------------------------------------------------------- size

function entrySizes(dir: string): { file: string; raw: number; gzip: number }[] {
  const out: { file: string; raw: number; gzip: number }[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(js|css|html)$/.test(e.name)) {
        const buf = readFileSync(full);
        out.push({
          file: relative(dir, full),
          raw: buf.length,
          gzip: gzipSync(buf, { level: 9 }).length,
        });
      }
    }
  };
  walk(dir);
  return out.sort((a, b) => a.file.localeCompare(b.file));
}
const sizes = { chrome: entrySizes(PROD_DIRS.chrome), firefox: entrySizes(PROD_DIRS.firefox) };

// ------------------------------------------------------------------------------- report

const costRows = rows.filter((r) => r.cost && r.cost.measures > 0);
const work = summary(costRows.map((r) => r.cost!.workMs));
const longest = summary(costRows.map((r) => r.cost!.longestMs));
const ratioSeg = summary(costRows.map((r) => r.cost!.workMs / Math.max(r.cost!.segmenterMs, 0.01)));
const segMs = summary(costRows.map((r) => r.cost!.segmenterMs));
const extLongTasks = rows.reduce((a, r) => a + (r.cost?.extensionLongTasks ?? 0), 0);
const extLongestTask = Math.max(0, ...rows.map((r) => r.cost?.extensionLongestTaskMs ?? 0));
const pageLongTasks = rows.reduce((a, r) => a + (r.cost?.longTasks ?? 0), 0);
const ratio = (a: number | null, b: number | null) =>
  a !== null && b !== null && b > 0 ? a / b : null;
const loadRatio = summary(rows.map((r) => ratio(r.ext.loadMs, r.bare.loadMs)));
const lcpRatio = summary(rows.map((r) => ratio(r.ext.lcpMs, r.bare.lcpMs)));
const loadBare = summary(rows.map((r) => r.bare.loadMs));
const lcpBare = summary(rows.map((r) => r.bare.lcpMs));
const hover = summary(articles.flatMap((a) => a.hoverMs));
const ttfs = summary(articles.map((a) => a.firstSourceMs));
const extract = summary(extraction.map((e) => e.ms));
const extractCpu = summary(extraction.map((e) => e.cpuMs));
const cs = (b: 'chrome' | 'firefox') =>
  sizes[b].find((s) => s.file === 'content-scripts/content.js');
const csGzipMax = Math.max(cs('chrome')?.gzip ?? NaN, cs('firefox')?.gzip ?? NaN);

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const kb = (b: number) => (b / 1024).toFixed(1);
const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
const k = (x: number) => Math.round(x).toLocaleString('en');

interface Goal {
  goal: string;
  measured: string;
  met: boolean | null;
}
const goal = (g: string, measured: string, ok: boolean | null): Goal => ({
  goal: g,
  measured,
  met: ok,
});
const goals: Goal[] = [
  goal(
    'longest slice ≤ 16 ms on every page',
    `max ${f1(longest.max)} ms over ${longest.n} pages`,
    longest.n ? longest.max <= 16 : null,
  ),
  goal(
    'no long task caused by the extension',
    `${extLongTasks} (longest ${f1(extLongestTask)} ms)`,
    costRows.length ? extLongTasks === 0 : null,
  ),
  goal(
    'page cost ≤ 2× one bare Intl.Segmenter pass (median)',
    `${f2(ratioSeg.median)}×`,
    ratioSeg.n ? ratioSeg.median <= 2 : null,
  ),
  goal(
    'load ratio ≤ 1.03 (median)',
    f3(loadRatio.median),
    loadRatio.n ? loadRatio.median <= 1.03 : null,
  ),
  goal(
    'LCP ratio ≤ 1.03 (median)',
    f3(lcpRatio.median),
    lcpRatio.n ? lcpRatio.median <= 1.03 : null,
  ),
  goal('hover p95 ≤ 16 ms', `${f1(hover.p95)} ms (n=${hover.n})`, hover.n ? hover.p95 <= 16 : null),
  goal(
    'time to first source ≤ 500 ms (median)',
    `${f1(ttfs.median)} ms (n=${ttfs.n})`,
    ttfs.n ? ttfs.median <= 500 : null,
  ),
  goal(
    'content script ≤ 40 KB gzip',
    `${kb(csGzipMax)} KB (larger of Chrome, Firefox)`,
    Number.isFinite(csGzipMax) ? csGzipMax <= 40 * 1024 : null,
  ),
  goal(
    `service-worker heap ≤ 50 MB after 100 articles`,
    `${mb(sw.heapBytes)} MB after ${articlesProcessed}`,
    articlesProcessed >= 100 ? sw.heapBytes <= 50 * 1024 * 1024 : null,
  ),
];

const lines: string[] = [];
const out = (s = '') => lines.push(s);
out(
  `Sourcelight bench${quick ? ' --quick' : ''} — Chromium ${withExt.context.browser()?.version() ?? ''}, test build of ${builtAt(TEST_BUILD_DIRS.chrome)}; shared, noisy machine: read medians and ratios`,
);
out();
out(
  `Page cost (${costRows.length}/${rows.length} real pages with content-script measures; states: ${[...new Set(rows.map((r) => r.state))].join(', ')})`,
);
out(
  `  extension main-thread work, ms     median ${f1(work.median)}  p95 ${f1(work.p95)}  max ${f1(work.max)}`,
);
out(
  `  longest slice, ms                  median ${f1(longest.median)}  p95 ${f1(longest.p95)}  max ${f1(longest.max)}`,
);
out(
  `  bare Intl.Segmenter pass, ms       median ${f1(segMs.median)}  p95 ${f1(segMs.p95)}  max ${f1(segMs.max)}`,
);
out(
  `  work ÷ segmenter pass              median ${f2(ratioSeg.median)}  p95 ${f2(ratioSeg.p95)}  max ${f2(ratioSeg.max)}`,
);
out(
  `  long tasks: extension ${extLongTasks} (longest ${f1(extLongestTask)} ms); all long tasks on these pages ${pageLongTasks}`,
);
out(
  `Load (paired, with ÷ without the extension; without: load median ${f1(loadBare.median)} ms, LCP median ${f1(lcpBare.median)} ms)`,
);
out(
  `  load event ratio                   median ${f3(loadRatio.median)}  p95 ${f3(loadRatio.p95)}  (n=${loadRatio.n})`,
);
out(
  `  LCP ratio                          median ${f3(lcpRatio.median)}  p95 ${f3(lcpRatio.p95)}  (n=${lcpRatio.n})`,
);
out(`Hover (intent delay end → rAF of the card's frame, cached answer)`);
out(
  `  ms                                 p50 ${f1(hover.median)}  p95 ${f1(hover.p95)}  max ${f1(hover.max)}  (n=${hover.n})`,
);
out(
  `  first hover of each article, ms    ${articles.map((a) => f1(a.hoverMs[0] ?? NaN)).join(', ')}`,
);
out(
  `  card warm-up in idle time, ms      ${articles.map((a) => `${f1(a.warmMs ?? NaN)} (longest slice ${f1(a.warmLongestMs ?? NaN)})`).join(', ')}`,
);
out(`Time to first source (demo articles, cold cache, navigation → first sourced sentence)`);
for (const a of articles)
  out(
    `  ${a.path.padEnd(44)} ${f1(a.firstSourceMs ?? NaN)} ms (content script at ${f1(a.contentScriptAt ?? NaN)} ms, first ask at ${f1(a.askAt ?? NaN)} ms, its answer at ${f1(a.answeredAt ?? NaN)} ms, ${a.state})`,
  );
out(`  median ${f1(ttfs.median)} ms`);
out(`Background`);
out(
  `  ranking vs ${k(tp.passages)} passages (${tp.queries} queries): ours ${k(tp.ours)} sentences/s (index ${f1(tp.buildMs)} ms), minisearch ${k(tp.minisearch)}, bm25 ${k(tp.bm25)}; ours/minisearch ${f2(tp.ours / tp.minisearch)}`,
);
out(
  `  extraction per source page, ms     wall median ${f1(extract.median)}  p95 ${f1(extract.p95)}  max ${f1(extract.max)};  cpu median ${f1(extractCpu.median)}  p95 ${f1(extractCpu.p95)}  (n=${extract.n})`,
);
out(
  `  service worker after ${articlesProcessed} articles: JS heap ${mb(sw.heapBytes)} MB; storage ${kb(sw.storage.usage)} KB (IndexedDB ${sw.storage.indexedDB === null ? 'n/a' : kb(sw.storage.indexedDB)} KB)`,
);
out(
  `Memory in the page (${largest.name}, ${Math.round(sizeOf(largest) / 1024)} KB; renderer JS heap after GC, median of ${heapReps})`,
);
out(
  `  with ${mb(summary(heapWith).median)} MB, without ${mb(summary(heapWithout).median)} MB: the extension adds ${mb(heapAdded)} MB`,
);
out(`Size (production builds of ${builtAt(PROD_DIRS.chrome)}, KB raw / gzip)`);
for (const b of ['chrome', 'firefox'] as const)
  for (const s of sizes[b])
    out(
      `  ${b.padEnd(8)} ${s.file.padEnd(40)} ${kb(s.raw).padStart(8)} / ${kb(s.gzip).padStart(7)}`,
    );
out();
out('Goals');
for (const g of goals)
  out(
    `  ${(g.met === null ? 'n/a' : g.met ? 'met' : 'MISSED').padEnd(7)} ${g.goal.padEnd(56)} ${g.measured}`,
  );
out();
out(`bench${quick ? ' --quick' : ''} took ${elapsed()} s; wrote ${opt.out}`);

writeFileSync(
  resolve(REPO_ROOT, opt.out!),
  JSON.stringify(
    {
      quick,
      date: new Date().toISOString(),
      testBuild: builtAt(TEST_BUILD_DIRS.chrome),
      seconds: (Date.now() - started) / 1000,
      goals,
      pageCost: {
        work,
        longest,
        segmenter: segMs,
        ratio: ratioSeg,
        extLongTasks,
        extLongestTask,
        pageLongTasks,
      },
      load: { loadRatio, lcpRatio, loadBare, lcpBare },
      hover,
      timeToFirstSource: { ...ttfs, articles },
      background: {
        throughput: tp,
        extraction: { wall: extract, cpu: extractCpu },
        serviceWorker: { ...sw, articles: articlesProcessed },
      },
      pageMemory: {
        page: largest.name,
        withBytes: heapWith,
        withoutBytes: heapWithout,
        addedBytes: heapAdded,
      },
      sizes,
      pages: rows,
    },
    null,
    1,
  ),
);
console.log(lines.join('\n'));
