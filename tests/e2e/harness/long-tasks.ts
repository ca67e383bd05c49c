/**
 * Main-thread jank seen from inside the page, in both browsers.
 *
 * What each browser offers (measured, Chromium 156 / Firefox ESR 153):
 * - Chromium: `longtask` entries, whose attribution only names the frame ("self", container
 *   "window"), never the script, so a content script's task looks like the page's own; and
 *   `long-animation-frame` (LoAF) entries, whose `scripts` list page scripts with their URL but
 *   leaves extension scripts out entirely (a frame blocked by the content script has
 *   `scripts: []`). To attribute a long task to the extension use trace.ts (CDP tracing).
 * - Firefox: neither `longtask` nor `long-animation-frame` is in
 *   `PerformanceObserver.supportedEntryTypes`. The only in-page measure is a heartbeat: a
 *   short timer whose late firings reveal how long the main thread was blocked. It cannot say
 *   who blocked it; compare a run with the extension against a baseline run without it.
 */
import { addInitScriptTo, evaluateIn, type AnyPage } from './pages.ts';

/** A `longtask` entry (Chromium only). */
export interface LongTaskEntry {
  startTime: number;
  duration: number;
  /** "self", "same-origin-ancestor", "cross-origin-descendant", ... */
  name: string;
  attribution: {
    name: string;
    containerType: string;
    containerSrc: string;
    containerId: string;
    containerName: string;
  }[];
}

/** A script inside a long animation frame (Chromium only; extension scripts are not listed). */
export interface LoafScript {
  sourceURL: string;
  sourceFunctionName: string;
  invoker: string;
  invokerType: string;
  duration: number;
  windowAttribution: string;
}

/** A `long-animation-frame` entry (Chromium only). */
export interface LongAnimationFrameEntry {
  startTime: number;
  duration: number;
  blockingDuration: number;
  scripts: LoafScript[];
  /** Frame time not covered by any listed script: where hidden (e.g. extension) work shows. */
  unattributedMs: number;
}

/** A stretch where the heartbeat timer fired late: the main thread was busy for ~`duration`. */
export interface HeartbeatGap {
  startTime: number;
  duration: number;
}

/** Everything recorded in the page so far. */
export interface LongTaskRecord {
  supported: { longtask: boolean; longAnimationFrame: boolean };
  longTasks: LongTaskEntry[];
  longAnimationFrames: LongAnimationFrameEntry[];
  heartbeatGaps: HeartbeatGap[];
  /** Total blocking time over 50 ms, from long tasks when supported, else from heartbeat gaps. */
  totalBlockingMs: number;
}

/** Reads what {@link observeLongTasks} recorded. */
export interface LongTaskObserver {
  read(): Promise<LongTaskRecord>;
}

interface RecorderState {
  longTasks: LongTaskEntry[];
  longAnimationFrames: LongAnimationFrameEntry[];
  heartbeatGaps: HeartbeatGap[];
  supported: { longtask: boolean; longAnimationFrame: boolean };
}

const KEY = '__sourcelightE2eLongTasks';

/** Runs in the page before its scripts; must be self-contained (it is serialised). */
function installRecorder(args: { key: string; heartbeatMs: number; minGapMs: number }): void {
  const g = globalThis as unknown as Record<string, RecorderState | undefined>;
  if (g[args.key]) return;
  const types = (PerformanceObserver.supportedEntryTypes ?? []) as readonly string[];
  const state: RecorderState = {
    longTasks: [],
    longAnimationFrames: [],
    heartbeatGaps: [],
    supported: {
      longtask: types.includes('longtask'),
      longAnimationFrame: types.includes('long-animation-frame'),
    },
  };
  g[args.key] = state;
  if (state.supported.longtask) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const plain = JSON.parse(JSON.stringify(e)) as LongTaskEntry;
        state.longTasks.push(plain);
      }
    }).observe({ type: 'longtask', buffered: true });
  }
  if (state.supported.longAnimationFrame) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const f = JSON.parse(JSON.stringify(e)) as Omit<LongAnimationFrameEntry, 'unattributedMs'>;
        const scripted = f.scripts.reduce((sum, s) => sum + s.duration, 0);
        state.longAnimationFrames.push({
          startTime: f.startTime,
          duration: f.duration,
          blockingDuration: f.blockingDuration,
          scripts: f.scripts.map((s) => ({
            sourceURL: s.sourceURL,
            sourceFunctionName: s.sourceFunctionName,
            invoker: s.invoker,
            invokerType: s.invokerType,
            duration: s.duration,
            windowAttribution: s.windowAttribution,
          })),
          unattributedMs: Math.max(0, f.duration - scripted),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  }
  // Heartbeat: cheap (one short timer), works in every browser, and catches blocking that
  // neither API reports (Firefox, microtask floods).
  let last = performance.now();
  const beat = () => {
    const now = performance.now();
    const late = now - last;
    if (late >= args.minGapMs) state.heartbeatGaps.push({ startTime: last, duration: late });
    last = now;
    setTimeout(beat, args.heartbeatMs);
  };
  setTimeout(beat, args.heartbeatMs);
}

/**
 * Installs the recorder into every document this page loads from now on (Chromium through
 * `addInitScript`, Firefox through BiDi preload scripts), so it sees tasks from the very start.
 * Call before `goto`.
 */
export async function observeLongTasks(
  page: AnyPage,
  opts: { heartbeatMs?: number; minGapMs?: number } = {},
): Promise<LongTaskObserver> {
  await addInitScriptTo(page, installRecorder, {
    key: KEY,
    heartbeatMs: opts.heartbeatMs ?? 10,
    minGapMs: opts.minGapMs ?? 60,
  });
  return {
    async read() {
      const state = await evaluateIn(
        page,
        (key: string) => (globalThis as unknown as Record<string, unknown>)[key] ?? null,
        KEY,
      );
      if (state === null) throw new Error('long-task recorder is not installed in this document');
      const s = state as RecorderState;
      const blocking = s.supported.longtask
        ? s.longTasks.map((t) => t.duration)
        : s.heartbeatGaps.map((g) => g.duration);
      return {
        ...s,
        totalBlockingMs: blocking.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
      };
    },
  };
}
