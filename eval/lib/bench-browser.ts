/**
 * Browser plumbing for the bench (eval/bench.ts): a Chromium WITHOUT the extension that is
 * otherwise launched exactly like the e2e harness's (same flags, refusal proxy, viewport), the
 * in-page probes (long tasks, LCP, the content script's user-timing entries, a bare
 * Intl.Segmenter pass), and CDP reads of JS heap in a page and in the extension's service worker.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import {
  chromiumArgs,
  startBlockingProxy,
  CHROMIUM_PATH,
  type ChromiumSession,
} from '../../tests/e2e/harness/index.ts';

/** A Chromium like launchChromium's, minus the extension: the "without" side of each pair. */
export async function launchBare(): Promise<{
  context: BrowserContext;
  close: () => Promise<void>;
}> {
  const proxy = await startBlockingProxy();
  const userDataDir = mkdtempSync(join(tmpdir(), 'sourcelight-bench-bare-'));
  const args = chromiumArgs('-', proxy.port, true).filter((a) => !/extension/.test(a));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: false,
      args,
      viewport: { width: 1280, height: 800 },
    });
  } catch (error) {
    await proxy.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      await proxy.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

interface BenchWindow {
  __bench?: { longTasks: { start: number; duration: number }[]; lcp: number };
}

/**
 * Init script (runs before the page's scripts; self-contained, no named inner functions):
 * records `longtask` entries and the latest Largest Contentful Paint candidate.
 */
export const PROBE = () => {
  const w = window as unknown as BenchWindow;
  const state = { longTasks: [] as { start: number; duration: number }[], lcp: 0 };
  w.__bench = state;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        state.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // Not supported: no long-task figures.
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch {
    // Not supported: no LCP figures.
  }
};

/** `load` event start and the LCP so far, ms since navigation start. */
export async function readLoad(
  page: Page,
): Promise<{ loadMs: number | null; lcpMs: number | null }> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    const lcp = (window as unknown as BenchWindow).__bench?.lcp ?? 0;
    return {
      loadMs: nav && nav.loadEventStart > 0 ? nav.loadEventStart : null,
      lcpMs: lcp > 0 ? lcp : null,
    };
  });
}

/** What the extension cost one page, read from the page after the content script finished. */
export interface PageCost {
  /** Sum of the content script's `sourcelight:slice` and `sourcelight:answers` measures, ms. */
  workMs: number;
  /** The longest of those measures, ms. */
  longestMs: number;
  measures: number;
  /** Every long task the page had (its own included). */
  longTasks: number;
  /** Long tasks overlapping a content-script measure or containing its `sourcelight:main` mark. */
  extensionLongTasks: number;
  extensionLongestTaskMs: number;
  /** One bare Intl.Segmenter sentence pass over body.innerText (median of 3), ms. */
  segmenterMs: number;
  textChars: number;
  /** `sourcelight:main` (content script start), ms since navigation start. */
  mainAt: number | null;
}

export async function readCost(page: Page): Promise<PageCost> {
  return page.evaluate(() => {
    const measures = performance
      .getEntriesByType('measure')
      .filter((e) => e.name === 'sourcelight:slice' || e.name === 'sourcelight:answers');
    const spans = measures.map((e) => [e.startTime, e.startTime + e.duration] as const);
    const mainAt = performance.getEntriesByName('sourcelight:main')[0]?.startTime ?? null;
    const lts = (window as unknown as BenchWindow).__bench?.longTasks ?? [];
    const ours = lts.filter(
      (t) =>
        spans.some(([a, b]) => a < t.start + t.duration && b > t.start) ||
        (mainAt !== null && mainAt >= t.start && mainAt <= t.start + t.duration),
    );
    const text = document.body ? document.body.innerText : '';
    const lang = document.documentElement.lang || undefined;
    let seg: Intl.Segmenter;
    try {
      seg = new Intl.Segmenter(lang, { granularity: 'sentence' });
    } catch {
      seg = new Intl.Segmenter(undefined, { granularity: 'sentence' });
    }
    let count = 0;
    for (const s of seg.segment('Warm up. Then go.')) count += s.segment.length;
    const runs: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      for (const s of seg.segment(text)) count += s.index & 1;
      runs.push(performance.now() - t0);
    }
    runs.sort((a, b) => a - b);
    return {
      workMs: measures.reduce((a, e) => a + e.duration, 0),
      longestMs: measures.reduce((a, e) => Math.max(a, e.duration), 0),
      measures: measures.length + (count < 0 ? 1 : 0),
      longTasks: lts.length,
      extensionLongTasks: ours.length,
      extensionLongestTaskMs: ours.reduce((a, t) => Math.max(a, t.duration), 0),
      segmenterMs: runs[1]!,
      textChars: text.length,
      mainAt,
    };
  });
}

/** JS heap of the page's renderer isolate (both worlds) after two forced collections, bytes. */
export async function pageHeap(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Runtime.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Send one CDP command to another target through a (non-flat) Target session. */
function targetCall(
  cdp: CDPSession,
  sessionId: string,
  id: number,
  method: string,
): Promise<Record<string, unknown>> {
  return new Promise((resolveCall, reject) => {
    const timer = setTimeout(() => reject(new Error(`${method}: no answer`)), 15_000);
    const onMessage = (e: { sessionId: string; message: string }) => {
      if (e.sessionId !== sessionId) return;
      const msg = JSON.parse(e.message) as {
        id?: number;
        result?: Record<string, unknown>;
        error?: { message: string };
      };
      if (msg.id !== id) return;
      clearTimeout(timer);
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      if (msg.error) reject(new Error(`${method}: ${msg.error.message}`));
      else resolveCall(msg.result ?? {});
    };
    cdp.on('Target.receivedMessageFromTarget', onMessage);
    cdp
      .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) })
      .catch(reject);
  });
}

/**
 * The extension service worker's JS heap after a forced collection (CDP on the worker target:
 * HeapProfiler.collectGarbage, then Runtime.getHeapUsage), and what its storage holds.
 */
export async function serviceWorkerFigures(session: ChromiumSession): Promise<{
  heapBytes: number;
  storage: { usage: number; indexedDB: number | null };
}> {
  const worker = await session.worker();
  const estimate = await worker.evaluate(async () => {
    const e = (await navigator.storage.estimate()) as StorageEstimate & {
      usageDetails?: Record<string, number>;
    };
    return { usage: e.usage ?? 0, indexedDB: e.usageDetails?.indexedDB ?? null };
  });
  const page = await session.newPage();
  const cdp = await session.context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(session.extensionBaseUrl),
    );
    if (!target) throw new Error('no extension service worker target');
    const { sessionId } = await cdp.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    await targetCall(cdp, sessionId, 1, 'HeapProfiler.collectGarbage');
    const usage = await targetCall(cdp, sessionId, 2, 'Runtime.getHeapUsage');
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return { heapBytes: Number(usage.usedSize), storage: estimate };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close().catch(() => undefined);
  }
}
