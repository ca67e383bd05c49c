/** Types for serve.mjs, so TypeScript (the bench) can import it under `strict`. */

/** Serves each named page folder's source.html at `/<name>/` on 127.0.0.1, a random port. */
export function servePages(
  dir: string,
  names: string[],
): Promise<{ origin: string; close: () => Promise<void> }>;
