// @vitest-environment node
/**
 * Issue 7, case 12 (Chromium): huge and restless pages. Each page is built here and served on
 * 127.0.0.1:8617. Main-thread time is the content script's own account of its work (every scan,
 * prune and measuring step runs in idle-time slices that it times and announces as
 * `longestSliceMs`): no slice may reach 50 ms. (A DevTools trace, harness/trace.ts, was tried
 * first: on this shared machine, loaded 20× over, tracing these pages took longer than the test
 * budget, and wall-time long tasks said more about the load than about us.) Memory is the
 * renderer's JS heap (page and content-script worlds share one isolate) after a forced garbage
 * collection. "Nothing marked twice": the ranges of the all-sentences highlight (shown to the
 * test for one task through the test build's probe, utils/page/marks-probe.ts) are non-empty,
 * do not overlap, and there is exactly one, with its own text, per paragraph of the page.
 *
 * What the script's own account cannot see is rendering work its changes cause. A trace of the
 * 20,000-paragraph page (Chromium 156, quiet machine) found two such costs, both fixed: adopting
 * the highlight stylesheet into the built page (a 71 ms style recalculation; now adopted at
 * document_start, utils/sentences/highlight-sheet.ts), and 87-207 ms of pre-paint on every frame
 * while 20,000 ranges were registered with the page (now only the painted highlights are).
 *
 * The huge pages are judged on marking (every paragraph marked once within a generous budget),
 * not on every answer coming back: 20,000 sentences take the background minutes to answer, and
 * answers are not what this case is about. Each test prints its figures: longest slice, slices
 * of 50 ms or more, time to mark everything, heap.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  evaluateIn,
  launchChromium,
  startFixtureServer,
  TEST_BUILD_DIRS,
  type ChromiumSession,
  type FixtureServer,
} from './harness/index.ts';
import { recordStatus, waitForState, type AnnouncedStatus } from './support/sourcelight.ts';

/** One unique, plain sentence per index (no abbreviations, long enough to be asked about). */
const sentence = (i: number) =>
  `Report ${i} says the morning ferry left the harbour on time and reached the island.`;

const page = (title: string, body: string, script = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>
<main><article id="story"><h1>${title}</h1>
${body}
</article></main>
${script ? `<script>${script}</script>` : ''}
</body></html>`;

/** 2,000 paragraphs whose words are each wrapped in a span, and 8,000 footer links. */
const NODES_PARAGRAPHS = 2_000;
function nodesPage(): string {
  const paras: string[] = [];
  for (let i = 0; i < NODES_PARAGRAPHS; i++)
    paras.push(
      `<p>${sentence(i)
        .split(' ')
        .map((w) => `<span>${w}</span>`)
        .join(' ')}</p>`,
    );
  const links: string[] = [];
  for (let i = 0; i < 8_000; i++) links.push(`<li><a href="/topic/${i}">Topic ${i}</a></li>`);
  return page('A very large page', paras.join('\n')).replace(
    '</main>',
    `</main><footer><ul>${links.join('')}</ul></footer>`,
  );
}

const PARAGRAPHS = 20_000;
function paragraphsPage(): string {
  const paras: string[] = [];
  for (let i = 0; i < PARAGRAPHS; i++) paras.push(`<p>${sentence(i)}</p>`);
  return page('Twenty thousand paragraphs', paras.join('\n'));
}

/**
 * Infinite scroll: every 100 ms the page appends 25 paragraphs of 4 nodes each (p, text, em,
 * text) — 1,000 nodes a second — for `seconds`, then sets `window.__scrollDone`.
 */
const SCROLL_START = 20;
const SCROLL_PER_TICK = 25;
function scrollPage(seconds: number): string {
  const first: string[] = [];
  for (let i = 0; i < SCROLL_START; i++) first.push(`<p>${sentence(i)}</p>`);
  const script = `
    const story = document.getElementById('story');
    let next = ${SCROLL_START}, ticks = 0;
    const tick = setInterval(() => {
      const frag = document.createDocumentFragment();
      for (let k = 0; k < ${SCROLL_PER_TICK}; k++, next++) {
        const p = document.createElement('p');
        const em = document.createElement('em');
        em.textContent = 'Report ' + next;
        p.append(em, ' says the morning ferry left the harbour on time and reached the island.');
        frag.append(p);
      }
      story.append(frag);
      if (++ticks >= ${seconds * 10}) { clearInterval(tick); window.__scrollDone = next; }
    }, 100);`;
  return page('Endless feed', first.join('\n'), script);
}

/**
 * A framework re-rendering in a loop: every 150 ms the whole article body is rebuilt from the
 * same template (new nodes, same text), for `seconds`; after 2 s one paragraph joins the
 * template. Then `window.__rewriteDone` is set.
 */
const REWRITE_PARAGRAPHS = 150;
const ADDED = 'A late paragraph says the evening ferry was cancelled because of the storm.';
function rewritePage(seconds: number): string {
  const paras: string[] = [];
  for (let i = 0; i < REWRITE_PARAGRAPHS; i++) paras.push(`<p>${sentence(i)}</p>`);
  const script = `
    const story = document.getElementById('story');
    const template = story.innerHTML;
    let extra = '';
    const started = Date.now();
    setTimeout(() => { extra = ${JSON.stringify(`<p>${ADDED}</p>`)}; }, 2000);
    const tick = setInterval(() => {
      story.innerHTML = template + extra;
      if (Date.now() - started > ${seconds * 1000}) { clearInterval(tick); window.__rewriteDone = true; }
    }, 150);`;
  return page('Re-rendered story', paras.join('\n'), script);
}

/**
 * The issue's 60 s of infinite scroll. (Until the set of all marks stopped being registered with
 * the page, utils/sentences/marks.ts, every frame after an append rebuilt the highlight markers
 * of every marked range, so the page itself fell behind long before 60 s.)
 */
const SCROLL_SECONDS = 60;
const REWRITE_SECONDS = 20;

let session: ChromiumSession;
let site: FixtureServer;

beforeAll(async () => {
  site = await startFixtureServer(
    {
      '/favicon.ico': { status: 204, body: '' },
      '/nodes.html': nodesPage(),
      '/paragraphs.html': paragraphsPage(),
      '/scroll.html': scrollPage(SCROLL_SECONDS),
      '/rewrite.html': rewritePage(REWRITE_SECONDS),
    },
    { port: 8617 },
  );
  session = await launchChromium({ extensionDir: TEST_BUILD_DIRS.chrome });
});
/** The page under test, closed by afterEach when a test failed. */
let active: Opened | null = null;
afterEach(async () => {
  const left = active;
  active = null;
  if (!left) return;
  await left.page.close().catch(() => undefined);
});
afterAll(async () => {
  await session?.close();
  await site?.close();
});

interface Opened {
  page: Page;
  cdp: CDPSession;
  errors: string[];
}

async function open(path: string): Promise<Opened> {
  const page = await session.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /sourcelight/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await recordStatus(page);
  const cdp = await session.context.newCDPSession(page);
  await page.goto(site.url(`${path}?visit=${Date.now()}`), { timeout: 60_000 });
  active = { page, cdp, errors };
  return active;
}

/** JS heap of the renderer after a full garbage collection, MB. */
async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return Math.round((usedSize / 2 ** 20) * 10) / 10;
}

/**
 * Ranges of the all-sentences highlight that lie in the article's paragraphs (one sentence
 * each): their count, empty and overlapping ones, distinct texts; `paragraphs` is how many
 * paragraphs the page has now. (The headline is the article's title, not a marked block.)
 */
async function markAudit(page: Page) {
  return evaluateIn(
    page,
    () => {
      // The set of all marks is registered only for this task (utils/page/marks-probe.ts).
      document.dispatchEvent(new Event('sourcelight:expose-marks'));
      const set = CSS.highlights.get('sourcelight-sentence') as unknown as Set<Range> | undefined;
      const marked = [...(set ?? [])];
      document.dispatchEvent(new Event('sourcelight:hide-marks'));
      const all = marked.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      let overlaps = 0;
      for (let i = 1; i < all.length; i++)
        if (all[i]!.compareBoundaryPoints(Range.START_TO_END, all[i - 1]!) < 0) overlaps++;
      const inP = all.filter((r) => r.startContainer.parentElement?.closest('#story p'));
      const texts = inP.map((r) => r.toString().replace(/\s+/g, ' ').trim());
      return {
        paragraphs: document.querySelectorAll('#story p').length,
        ranges: inP.length,
        elsewhere: all.length - inP.length,
        empty: all.filter((r) => !r.toString().trim()).length,
        distinct: new Set(texts).size,
        overlaps,
      };
    },
    null,
  );
}

/** One mark per paragraph, nothing else marked but possibly the headline. */
function expectOncePerParagraph(m: Awaited<ReturnType<typeof markAudit>>, paragraphs: number) {
  expect(m).toEqual({
    paragraphs,
    ranges: paragraphs,
    elsewhere: m.elsewhere,
    empty: 0,
    distinct: paragraphs,
    overlaps: 0,
  });
  expect(m.elsewhere).toBeLessThanOrEqual(1);
}

const status = (page: Page) =>
  evaluateIn(
    page,
    () =>
      (
        window as Window & { __sourcelight?: { events: AnnouncedStatus[] } }
      ).__sourcelight?.events.at(-1) ?? null,
    null,
  );

async function finish(o: Opened, label: string, extra: Record<string, unknown> = {}) {
  active = null;
  const st = await status(o.page);
  // The test build also writes each slice to the page's timeline (utils/perf/marks.ts).
  const slices = await evaluateIn(
    o.page,
    () => {
      const d = performance
        .getEntriesByName('sourcelight:slice')
        .map((e) => e.duration)
        .sort((a, b) => b - a);
      return {
        count: d.length,
        atLeast50: d.filter((x) => x >= 50).length,
        top: d.slice(0, 3).map((x) => Math.round(x * 10) / 10),
        p99: Math.round((d[Math.floor(d.length / 100)] ?? 0) * 10) / 10,
      };
    },
    null,
  );
  const s = {
    contentScriptWorkMs: st?.workMs ?? NaN,
    contentScriptLongestSliceMs: st?.longestSliceMs ?? NaN,
    slices,
  };
  console.log(
    `[case 12] ${label}: ${JSON.stringify({
      ...s,
      ...extra,
    })}`,
  );
  return s;
}

/** How many ranges the all-sentences highlight holds (cheap enough to poll on a huge page). */
const markedCount = (page: Page) =>
  evaluateIn(
    page,
    () => {
      document.dispatchEvent(new Event('sourcelight:expose-marks'));
      const n =
        (CSS.highlights.get('sourcelight-sentence') as unknown as Set<Range> | undefined)?.size ??
        0;
      document.dispatchEvent(new Event('sourcelight:hide-marks'));
      return n;
    },
    null,
  );

/**
 * Wait until every paragraph (and possibly the headline) is marked, within `budgetMs` of
 * `started`; returns how long it took.
 */
async function waitAllMarked(page: Page, paragraphs: number, started: number, budgetMs: number) {
  await expect
    .poll(() => markedCount(page), { timeout: budgetMs - (Date.now() - started), interval: 1_000 })
    .toBeGreaterThanOrEqual(paragraphs);
  return Date.now() - started;
}

describe('case 12: huge and restless pages', () => {
  it('[chromium] a page of 100,000+ nodes (2,000 paragraphs of one span per word, 8,000 footer links) → every sentence marked once, no long task from the extension', async () => {
    const started = Date.now();
    const o = await open('/nodes.html');
    const nodes = await evaluateIn(
      o.page,
      () => {
        const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
        let n = 0;
        while (w.nextNode()) n++;
        return n;
      },
      null,
    );
    expect(nodes, 'the fixture is as large as it says').toBeGreaterThanOrEqual(100_000);
    await waitForState(o.page, ['matching', 'done'], 120_000);
    const markedMs = await waitAllMarked(o.page, NODES_PARAGRAPHS, started, 150_000);
    const marks = await markAudit(o.page);
    const heap = await heapMb(o.cdp);
    const s = await finish(o, 'nodes', { nodes, marks, heapMb: heap, markedAllMs: markedMs });
    expectOncePerParagraph(marks, NODES_PARAGRAPHS);
    expect(s.contentScriptLongestSliceMs).toBeLessThan(50);
    expect(o.errors).toEqual([]);
    await o.page.close();
  }, 200_000);

  it('[chromium] 20,000 paragraphs → each marked once, no long task from the extension, heap bounded', async () => {
    const started = Date.now();
    const o = await open('/paragraphs.html');
    await waitForState(o.page, ['matching', 'done'], 180_000);
    const markedMs = await waitAllMarked(o.page, PARAGRAPHS, started, 240_000);
    const marks = await markAudit(o.page);
    const heap = await heapMb(o.cdp);
    const s = await finish(o, 'paragraphs', { marks, heapMb: heap, markedAllMs: markedMs });
    expectOncePerParagraph(marks, PARAGRAPHS);
    expect(s.contentScriptLongestSliceMs).toBeLessThan(50);
    // The page's own DOM and 20,000 sentences' ranges, texts and requests: measured ~60 MB;
    // a leak per slice or per answer would be far above.
    expect(heap).toBeLessThan(200);
    expect(o.errors).toEqual([]);
    await o.page.close();
  }, 300_000);

  it(`[chromium] infinite scroll adding 1,000 nodes a second for ${SCROLL_SECONDS} s → each new paragraph marked once, no long task from the extension, heap bounded`, async () => {
    const o = await open('/scroll.html');
    await waitForState(o.page, ['done', 'matching'], 30_000);
    const heapStart = await heapMb(o.cdp);
    await o.page.waitForFunction(() => (window as { __scrollDone?: number }).__scrollDone, null, {
      // The page's own timer runs late on a loaded machine: its 600 ticks may take longer.
      timeout: SCROLL_SECONDS * 3 * 1000,
      polling: 500,
    });
    const ended = Date.now();
    const total = await evaluateIn(
      o.page,
      () => (window as { __scrollDone?: number }).__scrollDone ?? 0,
      null,
    );
    expect(total).toBe(SCROLL_START + SCROLL_SECONDS * 10 * SCROLL_PER_TICK);
    // Marking keeps up with the feed: what is left when it stops is marked soon after.
    const caughtUpMs = await waitAllMarked(o.page, total, ended, 60_000);
    const marks = await markAudit(o.page);
    const heapEnd = await heapMb(o.cdp);
    const s = await finish(o, 'scroll', {
      total,
      marks,
      caughtUpMs,
      heapStartMb: heapStart,
      heapEndMb: heapEnd,
    });
    expectOncePerParagraph(marks, total);
    expect(s.contentScriptLongestSliceMs).toBeLessThan(50);
    // 15,020 short paragraphs' sentences and ranges (the 20,000-paragraph page measures
    // 19 MB in all); a leak per slice, rescan or answer would be far above.
    expect(heapEnd - heapStart).toBeLessThan(80);
    expect(o.errors).toEqual([]);
    await o.page.close();
  }, 360_000);

  it(`[chromium] a page rebuilding its article every 150 ms for ${REWRITE_SECONDS} s → text added meanwhile is marked in the live page while the loop runs, marks stay one per sentence, heap does not grow with the rewrites`, async () => {
    const o = await open('/rewrite.html');
    const t0 = Date.now();
    // The loop keeps the page changing from the start: the first scan must finish anyway.
    await waitForState(o.page, ['done', 'matching'], 30_000);
    const heapStart = await heapMb(o.cdp);
    // The paragraph added at 2 s is marked, in the nodes the page shows, before the loop ends
    // (a rescan that waited for a quiet page would never come).
    const liveAdded = () =>
      evaluateIn(
        o.page,
        (want: string) => {
          if ((window as { __rewriteDone?: boolean }).__rewriteDone) return false;
          document.dispatchEvent(new Event('sourcelight:expose-marks'));
          const set = CSS.highlights.get('sourcelight-sentence') as unknown as Set<Range>;
          const marked = [...(set ?? [])];
          document.dispatchEvent(new Event('sourcelight:hide-marks'));
          return marked.some((r) => r.toString() === want && r.startContainer.isConnected);
        },
        ADDED,
      );
    await expect
      .poll(liveAdded, {
        timeout: Math.max(1_000, REWRITE_SECONDS * 1000 - (Date.now() - t0) - 1_000),
        interval: 100,
      })
      .toBe(true);
    const addedAfterMs = Date.now() - t0;
    await o.page.waitForFunction(
      () => (window as { __rewriteDone?: boolean }).__rewriteDone,
      null,
      { timeout: (REWRITE_SECONDS + 10) * 1000, polling: 500 },
    );
    const want = REWRITE_PARAGRAPHS + 1;
    await expect
      .poll(() => markAudit(o.page).then((m) => m.ranges), { timeout: 20_000, interval: 250 })
      .toBe(want);
    const marks = await markAudit(o.page);
    expectOncePerParagraph(marks, want);
    await waitForState(o.page, ['done'], 30_000);
    const heapEnd = await heapMb(o.cdp);
    const s = await finish(o, 'rewrite', {
      addedMarkedAfterMs: addedAfterMs,
      marks,
      heapStartMb: heapStart,
      heapEndMb: heapEnd,
    });
    expect(s.contentScriptLongestSliceMs).toBeLessThan(50);
    // ~130 rewrites × 152 sentences: kept, their detached nodes and ranges would be tens of MB.
    expect(heapEnd - heapStart).toBeLessThan(5);
    expect(o.errors).toEqual([]);
    await o.page.close();
  }, 150_000);
});
