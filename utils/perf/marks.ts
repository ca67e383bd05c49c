/**
 * User-timing marks for `npm run bench` (eval/bench.ts), written by TEST builds only.
 *
 * The page's performance timeline is shared with the content script's isolated world: a mark or
 * measure made here is visible to the page's own scripts, and real-user-monitoring scripts read
 * and upload every user-timing entry. So production builds (SOURCELIGHT_TEST_PORTS is '') write
 * nothing, and the bundler drops the calls; test builds name every entry `sourcelight:<name>`.
 */
export const PERF_MARKS = Boolean(import.meta.env?.SOURCELIGHT_TEST_PORTS);

/** A point in time, e.g. `mark('sourced')` when a sentence first shows as sourced. */
export function mark(name: string): void {
  if (PERF_MARKS) performance.mark(`sourcelight:${name}`);
}

/** A stretch of main-thread work from `start` (a `performance.now()` reading) to `end`. */
export function measure(name: string, start: number, end = performance.now()): void {
  if (PERF_MARKS) performance.measure(`sourcelight:${name}`, { start, end });
}

/** The phase of work now running (test builds): see {@link phase}. */
let running = '';

/**
 * Name the phase of sliced work that starts here (`phase('scan')`), so that the scheduler can
 * say where its longest step ran. Test builds only; production builds drop the calls.
 */
export function phase(name: string): void {
  if (PERF_MARKS) running = name;
}

export function currentPhase(): string {
  return running;
}
