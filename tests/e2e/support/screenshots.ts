/**
 * Screenshot baselines: `expectScreenshot` compares a PNG with the committed baseline under
 * tests/e2e/screenshots/<browser>/<name>.png. SOURCELIGHT_UPDATE_SCREENSHOTS=1 rewrites the
 * baselines; on a mismatch the actual image and a diff image are written next to the baseline
 * (`*.actual.png`, `*.diff.png`, gitignored) for review.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../harness/index.ts';
import { compareImages, decodePng, encodePng, type CompareOptions } from './png.ts';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'tests/e2e/screenshots');

/** Anti-aliasing noise passes; a changed colour, shift or missing part does not. */
export const DEFAULT_TOLERANCE: CompareOptions = { threshold: 40, maxDiffShare: 0.005 };

export interface ScreenshotResult {
  name: string;
  path: string;
  /** 'updated' when the baseline was (re)written. */
  outcome: 'match' | 'updated' | 'mismatch' | 'missing';
  share: number;
  message: string;
}

/** Compares (or, when asked, records) one screenshot; never throws for a mismatch. */
export function checkScreenshot(
  browserName: 'chromium' | 'firefox',
  name: string,
  png: Uint8Array,
  tolerance: CompareOptions = DEFAULT_TOLERANCE,
): ScreenshotResult {
  const dir = join(SCREENSHOT_DIR, browserName);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  const actualPath = join(dir, `${name}.actual.png`);
  const diffPath = join(dir, `${name}.diff.png`);
  for (const p of [actualPath, diffPath]) rmSync(p, { force: true });
  const actual = decodePng(png);
  if (process.env.SOURCELIGHT_UPDATE_SCREENSHOTS === '1') {
    writeFileSync(path, encodePng(actual));
    return { name, path, outcome: 'updated', share: 0, message: `${name}: baseline written` };
  }
  if (!existsSync(path)) {
    writeFileSync(actualPath, encodePng(actual));
    return {
      name,
      path,
      outcome: 'missing',
      share: 1,
      message: `${name}: no baseline at ${path}; run with SOURCELIGHT_UPDATE_SCREENSHOTS=1 to record it`,
    };
  }
  const result = compareImages(decodePng(readFileSync(path)), actual, tolerance);
  const pct = (result.share * 100).toFixed(3);
  if (result.pass)
    return {
      name,
      path,
      outcome: 'match',
      share: result.share,
      message: `${name}: ${pct}% differ`,
    };
  writeFileSync(actualPath, encodePng(actual));
  if (result.diff) writeFileSync(diffPath, encodePng(result.diff));
  const expected = decodePng(readFileSync(path));
  return {
    name,
    path,
    outcome: 'mismatch',
    share: result.share,
    message: result.sameSize
      ? `${name}: ${pct}% of pixels differ (allowed ${(tolerance.maxDiffShare * 100).toFixed(2)}%); see ${actualPath} and ${diffPath}`
      : `${name}: size ${actual.width}×${actual.height}, baseline ${expected.width}×${expected.height}; see ${actualPath}`,
  };
}
