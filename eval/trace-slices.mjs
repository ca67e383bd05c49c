// trace:slices — what runs inside the extension's long slices. Opens each corpus page the way
// eval:extract does (same browser flags, same server, one tab after another), records a
// Chromium trace per page until the content script has marked the article, and prints, for each
// `sourcelight:slice` measure longer than --min ms, the trace events of at least 1 ms inside it:
// the engine compiling code (V8.CompileCode, V8.BytecodeBudgetInterrupt, FlushInstructionCache),
// garbage collections, style work. A diagnostic, not an evaluation: tracing slows the page, and
// an attached DevTools session changes what V8 does at the script's start.
// Usage: npm run trace:slices -- --pages DIR [--only NAME,...] [--limit N] [--min MS]
//        [--extension DIR]   (a test build: `npm run build:test`)
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch, MARKED } from './lib/browser.mjs';
import { listPages } from './lib/corpus.mjs';
import { servePages } from './lib/serve.mjs';

const { values: opt } = parseArgs({
  options: {
    pages: { type: 'string' },
    only: { type: 'string' },
    limit: { type: 'string' },
    min: { type: 'string', default: '30' },
    extension: { type: 'string', default: '.output-test/chrome-mv3-test' },
  },
});
if (!opt.pages) {
  console.error('usage: npm run trace:slices -- --pages DIR [--only NAME,...] [--min MS]');
  process.exit(2);
}
const extensionDir = resolve(opt.extension);
if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
  console.error(`[trace:slices] no built extension at ${extensionDir}: run \`npm run build:test\``);
  process.exit(2);
}
const pagesDir = resolve(opt.pages);
let pages = listPages(pagesDir);
if (opt.only) {
  const only = new Set(opt.only.split(','));
  pages = pages.filter((p) => only.has(p.name));
}
if (opt.limit) pages = pages.slice(0, Number(opt.limit));
const minUs = Number(opt.min) * 1000;
const CATEGORIES = [
  'devtools.timeline',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.compile',
  'disabled-by-default-v8.gc',
].join(',');

const server = await servePages(
  pagesDir,
  pages.map((p) => p.name),
);
const browser = await launch({ extensionDir });
/** Time (ms) per event name, summed over the long slices of all pages. */
const totals = new Map();
let long = 0;
try {
  for (const p of pages) {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    try {
      await page.goto(`${server.origin}/${encodeURIComponent(p.name)}/`, {
        waitUntil: 'commit',
        timeout: 20000,
      });
      await page.waitForFunction(
        (states) => states.includes(/** @type {any} */ (window).__sourcelightStatus?.state),
        MARKED,
        { timeout: 20000, polling: 100 },
      );
    } catch (e) {
      console.log(`${p.name}: not marked (${String(e).split('\n')[0].slice(0, 80)})`);
    }
    const status = await page.evaluate(() => /** @type {any} */ (window).__sourcelightStatus);
    await cdp.send('Tracing.end');
    await complete;
    await page.close();
    for (const s of sliceSpans(events).filter((s) => s.dur > minUs)) {
      long++;
      const phase = status?.longestStepPhase ? ` in ${status.longestStepPhase}` : '';
      console.log(
        `${p.name}: slice ${ms(s.dur)} ms (the page's longest step ${status?.longestStepMs ?? '?'} ms${phase})`,
      );
      const inside = events
        .filter(
          (e) =>
            e.ph === 'X' &&
            e.pid === s.pid &&
            e.tid === s.tid &&
            e.ts >= s.ts &&
            e.ts + e.dur <= s.ts + s.dur &&
            e.dur >= 1000,
        )
        .sort((a, b) => b.dur - a.dur);
      for (const e of inside.slice(0, 10)) console.log(`    ${e.name} ${ms(e.dur)}`);
      for (const e of inside) totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`\n${long} slices over ${opt.min} ms on ${pages.length} pages`);
if (long) {
  console.log('time inside them by event (ms, nested events counted in each enclosing one):');
  for (const [name, t] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`  ${t.toFixed(1).padStart(8)}  ${name}`);
}

/** The `sourcelight:slice` user-timing measures (async begin/end pairs in the trace). */
function sliceSpans(events) {
  const open = new Map();
  const spans = [];
  const own = events.filter((e) => e.name === 'sourcelight:slice').sort((a, b) => a.ts - b.ts);
  for (const e of own) {
    const id = e.id2?.local ?? e.id;
    if (e.ph === 'b') open.set(id, e);
    else if (e.ph === 'e' && open.has(id)) {
      const b = open.get(id);
      spans.push({ ts: b.ts, dur: e.ts - b.ts, pid: b.pid, tid: b.tid });
    }
  }
  return spans;
}

function ms(us) {
  return (us / 1000).toFixed(1);
}
