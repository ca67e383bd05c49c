// trace:start — what the extension's start costs a page's load, and where that cost goes. Two
// passes over the same real corpus pages, each build in its own Chromium (same flags as
// eval:extract), one page tab after another, every tab brought to the front:
// 1. load: each page is opened REPS times in every browser in turn (no extension first), and the
//    median `loadEventStart` of each page is paired with the bare browser's. Prints, per build,
//    the median load and the median and p90 of the paired ratio and difference.
// 2. trace: a Chromium trace of a few loads per build; prints, per extension script and load, the
//    time the engine spent evaluating it (`EvaluateScript`) and its compile and run parts. Tracing
//    slows the engine (source positions are collected), so these are larger than untraced.
// A diagnostic, not an evaluation: compare builds of one checkout on one quiet machine.
// Usage: npm run trace:start -- [--pages DIR] [--limit N] [--reps R] [--traced N] EXT_DIR...
//        (EXT_DIR: a built Chrome extension folder, e.g. .output-test/chrome-mv3-test)
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from './lib/browser.mjs';
import { listPages } from './lib/corpus.mjs';
import { servePages } from './lib/serve.mjs';

const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pages: { type: 'string', default: '../shared/corpora/readability-test-pages/test-pages' },
    limit: { type: 'string', default: '30' },
    reps: { type: 'string', default: '3' },
    traced: { type: 'string', default: '3' },
  },
});
const builds = positionals.map((p) => resolve(p));
if (!builds.length) {
  console.error('usage: npm run trace:start -- [--pages DIR] [--limit N] [--reps R] EXT_DIR...');
  process.exit(2);
}
for (const b of builds) {
  if (!existsSync(resolve(b, 'manifest.json'))) {
    console.error(`[trace:start] no built extension at ${b}`);
    process.exit(2);
  }
}
const pagesDir = resolve(opt.pages);
const all = listPages(pagesDir);
// The Readability corpus' real pages when it is the corpus; any other folder: all its pages.
const real = all.filter((p) => p.group === 'real');
const pages = (real.length ? real : all).slice(0, Number(opt.limit));
const reps = Number(opt.reps);
const server = await servePages(
  pagesDir,
  pages.map((p) => p.name),
);
const labels = ['no extension', ...builds.map((b) => b.replace(process.cwd() + '/', ''))];
const browsers = [];
try {
  browsers.push(await launch());
  for (const b of builds) browsers.push(await launch({ extensionDir: b }));
  const urlOf = (p) => `${server.origin}/${encodeURIComponent(p.name)}/`;

  // ---------------------------------------------------------------------------------- 1. load
  const medians = labels.map(() => []);
  for (const p of pages) {
    const runs = labels.map(() => []);
    for (let r = 0; r < reps; r++) {
      for (let i = 0; i < browsers.length; i++) {
        const page = await browsers[i].context.newPage();
        await page.bringToFront();
        await page.goto(urlOf(p), { waitUntil: 'load', timeout: 20_000 }).catch(() => {});
        const ms = await page
          .evaluate(() => performance.getEntriesByType('navigation')[0]?.loadEventStart || null)
          .catch(() => null);
        if (ms) runs[i].push(ms);
        await page.close();
      }
    }
    runs.forEach((a, i) => medians[i].push(median(a)));
  }
  console.log(`Load (${pages.length} pages × ${reps} loads per browser, paired by page)`);
  labels.forEach((label, i) => {
    const ratios = [];
    const diffs = [];
    medians[i].forEach((m, k) => {
      const bare = medians[0][k];
      if (m == null || bare == null) return;
      ratios.push(m / bare);
      diffs.push(m - bare);
    });
    const line =
      i === 0
        ? ''
        : `  ratio median ${f3(median(ratios))} p90 ${f3(quantile(ratios, 0.9))}` +
          `  difference median ${f1(median(diffs))} ms`;
    console.log(`  ${label.padEnd(34)} load median ${f1(median(medians[i]))} ms${line}`);
  });

  // --------------------------------------------------------------------------------- 2. trace
  const traced = pages.slice(0, Number(opt.traced));
  console.log(
    `\nScript evaluation per load, traced (${traced.length} pages × 3 loads; ms, larger than untraced)`,
  );
  for (let i = 1; i < browsers.length; i++) {
    const sums = new Map();
    let loads = 0;
    for (const p of traced) {
      for (let r = 0; r < 3; r++) {
        const page = await browsers[i].context.newPage();
        await page.bringToFront();
        const cdp = await browsers[i].context.newCDPSession(page);
        const events = [];
        cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
        const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
        await cdp.send('Tracing.start', {
          categories: 'devtools.timeline,v8',
          transferMode: 'ReportEvents',
        });
        await page.goto(urlOf(p), { waitUntil: 'load', timeout: 20_000 }).catch(() => {});
        await cdp.send('Tracing.end');
        await complete;
        await page.close();
        loads++;
        for (const e of events) {
          if (e.ph !== 'X' || !['EvaluateScript', 'v8.compile', 'v8.run'].includes(e.name))
            continue;
          const url = String(e.args?.data?.url ?? e.args?.fileName ?? '');
          if (!url.startsWith('chrome-extension://')) continue;
          const key = `${url.split('/').pop()} ${e.name}`;
          sums.set(key, (sums.get(key) ?? 0) + e.dur / 1000);
        }
      }
    }
    console.log(`  ${labels[i]}`);
    for (const [key, ms] of [...sums].sort((a, b) => a[0].localeCompare(b[0])))
      console.log(`    ${key.padEnd(40)} ${f1(ms / loads)}`);
  }
} finally {
  for (const b of browsers) await b.close();
  await server.close();
}

function median(a) {
  return quantile(a, 0.5);
}
function quantile(a, q) {
  const s = a.filter((x) => x != null).sort((x, y) => x - y);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))] : null;
}
function f1(x) {
  return x == null ? '–' : x.toFixed(1);
}
function f3(x) {
  return x == null ? '–' : x.toFixed(3);
}
