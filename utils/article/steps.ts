/**
 * Resumable work: a generator whose every `yield` is a point where a slice of main-thread time
 * may end (see runInSlices in utils/sentences/scheduler). Callers that do not slice drain it.
 */
export type Steps<T> = Generator<void, T, void>;

/** Run resumable steps to the end at once (tests, and callers that do not slice). */
export function drain<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
