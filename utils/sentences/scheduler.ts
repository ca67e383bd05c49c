/**
 * Runs long work in small slices at idle time so the page never sees a long task. Work is a
 * generator: each `yield` is a point where the slice may end. Every slice is timed, so callers
 * can report how much main-thread time the extension took and its longest uninterrupted stretch.
 */
import { currentPhase, measure } from '../perf/marks';

export interface SliceStats {
  /** Total main-thread time spent in slices, ms. */
  workMs: number;
  /** The longest single slice, ms. */
  longestSliceMs: number;
  slices: number;
  /**
   * The longest single step (one `next()` of the work, between two yields), ms, and in test
   * builds the phase it ran in (utils/perf/marks `phase`): a slice longer than its budget is that
   * step, or the slice's `afterSlice`, overrunning.
   */
  longestStepMs: number;
  longestStepPhase: string;
  /** The longest `afterSlice`, ms. */
  longestAfterMs: number;
}

export interface SliceOptions {
  signal?: AbortSignal;
  /** Target length of one slice, ms. Well under the 50 ms long-task line. */
  budgetMs?: number;
  /** Stats object to accumulate into (shared across several runs of one page). */
  stats?: SliceStats;
  /** Runs at the end of every slice, inside its timing (e.g. to show a slice's marks at once). */
  afterSlice?: () => void;
}

export const newStats = (): SliceStats => ({
  workMs: 0,
  longestSliceMs: 0,
  slices: 0,
  longestStepMs: 0,
  longestStepPhase: '',
  longestAfterMs: 0,
});

type IdleDeadline = { timeRemaining(): number; didTimeout: boolean };
type IdleApi = (cb: (d: IdleDeadline) => void, opts?: { timeout: number }) => number;

/**
 * Wait for an idle period, or at most `timeout` ms, falling back to a macrotask. The timeout is
 * short because some pages never leave the browser idle (headless Chromium drawing a page of
 * thousands of highlights was seen at about one frame a second): work then still moves, one
 * slice of a few ms per `timeout`, a small share of the main thread.
 */
export function nextIdle(timeout = 50): Promise<void> {
  const ric = (globalThis as { requestIdleCallback?: IdleApi }).requestIdleCallback;
  return new Promise((resolve) => {
    if (ric) ric(() => resolve(), { timeout });
    else setTimeout(resolve, 0);
  });
}

const now = () => performance.now();

/**
 * Drive `work` to completion in idle-time slices. Resolves with the generator's return value;
 * rejects with an AbortError when `signal` aborts between slices.
 */
export async function runInSlices<T>(
  work: Generator<unknown, T, void>,
  opts: SliceOptions = {},
): Promise<T> {
  const budget = opts.budgetMs ?? 8;
  const stats = opts.stats ?? newStats();
  for (;;) {
    await nextIdle();
    if (opts.signal?.aborted) {
      work.return(undefined as T);
      throw new DOMException('Aborted', 'AbortError');
    }
    const start = now();
    let result: IteratorResult<unknown, T>;
    let before = start;
    let after: number;
    do {
      result = work.next();
      after = now();
      if (after - before > stats.longestStepMs) {
        stats.longestStepMs = after - before;
        stats.longestStepPhase = currentPhase();
      }
      before = after;
    } while (!result.done && after - start < budget);
    opts.afterSlice?.();
    const end = now();
    if (end - after > stats.longestAfterMs) stats.longestAfterMs = end - after;
    const spent = end - start;
    measure('slice', start, end);
    stats.workMs += spent;
    stats.slices += 1;
    if (spent > stats.longestSliceMs) stats.longestSliceMs = spent;
    if (result.done) return result.value;
  }
}

/** Run resumable steps to the end at once (tests, and callers that do not slice). */
export function drain<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Time one synchronous piece of work into `stats` (for work too small to slice). */
export function timed<T>(stats: SliceStats, fn: () => T): T {
  const start = now();
  try {
    return fn();
  } finally {
    const spent = now() - start;
    stats.workMs += spent;
    stats.slices += 1;
    if (spent > stats.longestSliceMs) stats.longestSliceMs = spent;
  }
}
