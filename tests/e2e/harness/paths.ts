/**
 * Where the browsers and the built extension live. Every default can be overridden by an
 * environment variable so a developer with another layout can still run the suite.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root (this file is tests/e2e/harness/paths.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Debian's Chromium; Playwright drives it over CDP. */
export const CHROMIUM_PATH = process.env.SOURCELIGHT_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's Firefox ESR; Puppeteer drives it over WebDriver BiDi. */
export const FIREFOX_PATH = process.env.SOURCELIGHT_FIREFOX ?? '/usr/bin/firefox-esr';

/**
 * The unpacked test builds. WXT appends the mode to the target folder when the mode is not
 * `production`, so `--mode test` writes `chrome-mv3-test` and `firefox-mv2-test`.
 */
export const TEST_BUILD_DIRS = {
  chrome: process.env.SOURCELIGHT_E2E_CHROME_DIR ?? join(REPO_ROOT, '.output-test/chrome-mv3-test'),
  firefox:
    process.env.SOURCELIGHT_E2E_FIREFOX_DIR ?? join(REPO_ROOT, '.output-test/firefox-mv2-test'),
} as const;

/** Throws a message that says how to get the missing build instead of a bare ENOENT later. */
export function requireBuild(dir: string): string {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(
      `No built extension in ${dir}: run \`node scripts/e2e.mjs\` (it builds first).`,
    );
  }
  return dir;
}
