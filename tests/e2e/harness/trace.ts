/**
 * Which long tasks did the extension cause? (Chromium only.)
 *
 * In-page APIs cannot tell: `longtask` attribution names only the frame, and long animation
 * frames omit extension scripts. A DevTools trace can: every script run on the renderer's main
 * thread is an `EvaluateScript` / `FunctionCall` / `v8.compile` event carrying its script URL,
 * and the content script's URL is `chrome-extension://<id>/...`. So we trace the page, take each
 * `RunTask` longer than the threshold on the thread that runs the page's frame, and add up the
 * outermost script events inside it by URL. No baseline run is needed.
 *
 * Blind spots: work with no script event of its own (promise continuations run as
 * `RunMicrotasks`, style/layout forced by the script) counts as `unattributedMs`.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** A Chrome trace event (the fields used here). */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  /** Microseconds. */
  ts: number;
  /** Microseconds, for complete ('X') events. */
  dur?: number;
  args?: { data?: { url?: string; frame?: string; [k: string]: unknown }; [k: string]: unknown };
}

/** One long task with the time each script spent in it. */
export interface AttributedLongTask {
  /** Milliseconds since the first event of the trace. */
  startMs: number;
  durationMs: number;
  /** Outermost script runs in this task, by URL (empty URL: anonymous/eval). */
  scripts: { url: string; event: string; durationMs: number }[];
  /** Time in scripts whose URL is on the extension's origin. */
  extensionMs: number;
  /** Time in other scripts with a URL (the page's own). */
  pageMs: number;
  /** Task time outside scripts with a URL (layout, GC, microtasks, eval, browser work). */
  unattributedMs: number;
  /** The largest share: 'extension', 'page' or 'unattributed'. */
  mainCause: 'extension' | 'page' | 'unattributed';
}

const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'FunctionCall',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.produceCache',
]);

/**
 * Pure part, unit-testable: finds long `RunTask`s on the threads that ran `frameId` and
 * attributes their time to script URLs.
 */
export function attributeLongTasks(
  events: readonly TraceEvent[],
  opts: { frameId: string; extensionOrigin: string; thresholdMs?: number },
): AttributedLongTask[] {
  const thresholdUs = (opts.thresholdMs ?? 50) * 1000;
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  // reduce, not Math.min(...): a long trace has more events than a call has argument slots.
  const origin0 = complete.reduce((min, e) => Math.min(min, e.ts), Infinity);
  // The page's main thread: a renderer main thread ("CrRendererMain") that ran events for the
  // frame. Other threads of the process (compositor, IO) also tag events with the frame.
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const threads = new Set(
    complete
      .filter((e) => e.args?.data?.frame === opts.frameId)
      .map((e) => `${e.pid}:${e.tid}`)
      .filter((key) => mainThreads.size === 0 || mainThreads.has(key)),
  );
  const onThread = (e: TraceEvent) => threads.has(`${e.pid}:${e.tid}`);
  const within = (outer: TraceEvent, inner: TraceEvent) =>
    inner.ts >= outer.ts && inner.ts + (inner.dur ?? 0) <= outer.ts + (outer.dur ?? 0);

  const tasks = complete
    .filter((e) => e.name === 'RunTask' && onThread(e) && (e.dur ?? 0) > thresholdUs)
    .sort((a, b) => a.ts - b.ts)
    // Nested message loops can nest RunTasks: keep the outermost.
    .filter(
      (task, i, all) =>
        !all.some(
          (other, j) =>
            j !== i && other !== task && within(other, task) && (other.dur ?? 0) > (task.dur ?? 0),
        ),
    );
  const scripts = complete
    .filter(
      (e) => SCRIPT_EVENTS.has(e.name) && onThread(e) && typeof e.args?.data?.url === 'string',
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));

  return tasks.map((task) => {
    const outermost: TraceEvent[] = [];
    for (const s of scripts) {
      if (!within(task, s) || s.pid !== task.pid || s.tid !== task.tid) continue;
      if (outermost.some((o) => within(o, s))) continue;
      outermost.push(s);
    }
    const runs = outermost.map((s) => ({
      url: s.args?.data?.url ?? '',
      event: s.name,
      durationMs: (s.dur ?? 0) / 1000,
    }));
    const sum = (keep: (url: string) => boolean) =>
      runs.filter((r) => keep(r.url)).reduce((total, r) => total + r.durationMs, 0);
    const extensionMs = sum((url) => url.startsWith(opts.extensionOrigin));
    // Scripts without a URL (eval, the driver's own injected helpers) are nobody's for sure.
    const pageMs = sum((url) => url !== '' && !url.startsWith(opts.extensionOrigin));
    const durationMs = (task.dur ?? 0) / 1000;
    const unattributedMs = Math.max(0, durationMs - extensionMs - pageMs);
    const mainCause =
      extensionMs >= pageMs && extensionMs >= unattributedMs
        ? 'extension'
        : pageMs >= unattributedMs
          ? 'page'
          : 'unattributed';
    return {
      startMs: (task.ts - origin0) / 1000,
      durationMs,
      scripts: runs,
      extensionMs,
      pageMs,
      unattributedMs,
      mainCause,
    };
  });
}

/** A running trace; `stop()` ends it and returns the attributed long tasks. */
export interface LongTaskTrace {
  stop(): Promise<{ tasks: AttributedLongTask[]; events: TraceEvent[] }>;
}

/**
 * Starts a DevTools trace of `page` (call before navigating or acting). `extensionOrigin` is
 * `chrome-extension://<id>` (`session.extensionBaseUrl` works too).
 */
export async function startLongTaskTrace(
  context: BrowserContext,
  page: Page,
  opts: { extensionOrigin: string; thresholdMs?: number },
): Promise<LongTaskTrace> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'],
      recordMode: 'recordAsMuchAsPossible',
    },
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      // The frame id is read at the end: a navigation keeps the main frame's id.
      const { frameTree } = await cdp.send('Page.getFrameTree');
      const complete = new Promise<void>((resolve) =>
        cdp.once('Tracing.tracingComplete', () => resolve()),
      );
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach().catch(() => undefined);
      const tasks = attributeLongTasks(events, {
        frameId: frameTree.frame.id,
        extensionOrigin: opts.extensionOrigin.replace(/\/$/, ''),
        thresholdMs: opts.thresholdMs,
      });
      return { tasks, events };
    },
  };
}
