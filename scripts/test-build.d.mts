/** Types for scripts/test-build.mjs, so TypeScript scripts can import it under `strict`. */

/** Exits with a message naming the package to install when a browser is missing. */
export function requireBrowsers(tag?: string): void;

/**
 * Whether a build in `dirs` (folders holding a manifest.json, relative to `root` or absolute) is
 * missing or older than the sources and configuration it is built from.
 */
export function isStale(dirs: string[], root?: string): boolean;

/** Builds `.output-test/*-test` when missing or stale; exits on a failed build. */
export function ensureTestBuild(tag?: string): void;
