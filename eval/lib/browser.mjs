// Opens corpus pages in Chromium with the built extension (or, in --inject mode, with the
// developer stand-in), waits for the content script to report done, and reads what it marked.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** States after which the content script does no more work on the page. */
export const FINAL = ['done', 'not-article', 'error'];
/**
 * `--until marked`: the content script announces `matching` once every sentence is marked and it
 * starts asking for sources; for extraction figures that is enough, and much faster.
 */
export const MARKED = [...FINAL, 'matching'];

/**
 * Recorded in every page before its own scripts: the last status the content script dispatched.
 * The detail is a JSON string because objects do not cross from the isolated world.
 */
export const STATUS_LISTENER = () => {
  const w = /** @type {any} */ (window);
  w.__sourcelightStatus = null;
  document.addEventListener(
    'sourcelight:status',
    (e) => {
      try {
        w.__sourcelightStatus = JSON.parse(/** @type {CustomEvent} */ (e).detail);
      } catch {
        w.__sourcelightStatus = { state: 'error', error: 'unparsable status' };
      }
    },
    true,
  );
};

/**
 * Recorded in every page before its own scripts: a script navigation to another document (a
 * redirect to the page's real address, or to https://) is cancelled before it starts. Chromium
 * stops parsing a page as soon as such a navigation starts, so answering the request (204, below)
 * would still leave a page without its body; on the web the page already is at that address.
 */
const STAY_ON_PAGE = () => {
  const nav = /** @type {any} */ (window).navigation;
  if (!nav) return;
  nav.addEventListener('navigate', (/** @type {any} */ e) => {
    if (e.hashChange || e.navigationType === 'traverse' || !e.cancelable) return;
    const here = location.href.split('#')[0];
    if (e.destination.url.split('#')[0] !== here) e.preventDefault();
  });
};

/**
 * Read the marked sentences in document order, from the page's main world: the texts the
 * extension answers with (what it reads, looks up and shows), or, from a build that does not
 * answer, each marked range's text, which also holds what the marker skipped inside the range
 * (a hidden MathML copy of a formula, screen-reader-only words).
 */
const READ_MARKS = () => {
  /** @type {string[] | null} */
  let texts = null;
  const take = (/** @type {any} */ e) => {
    try {
      const list = JSON.parse(e.detail);
      if (Array.isArray(list)) texts = list.filter((t) => typeof t === 'string');
    } catch {
      // Not ours, or not a list: the ranges below still say what was marked.
    }
  };
  document.addEventListener('sourcelight:marks-text', take);
  // The set of all marks is registered only for this task (utils/page/marks-probe.ts), which
  // also answers with the texts at once.
  document.dispatchEvent(new Event('sourcelight:expose-marks'));
  document.removeEventListener('sourcelight:marks-text', take);
  const hl = /** @type {any} */ (CSS).highlights?.get('sourcelight-sentence');
  const ranges = hl ? [...hl] : [];
  document.dispatchEvent(new Event('sourcelight:hide-marks'));
  if (texts) return texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  return ranges.map((r) => r.toString().replace(/\s+/g, ' ').trim()).filter(Boolean);
};

/**
 * Launch Chromium. Every request that is not to 127.0.0.1 fails at once: host names resolve to
 * nothing, and anything else (IP literals) goes to a proxy on a closed port.
 * @param {{ extensionDir?: string }} opts
 */
export async function launch({ extensionDir } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sl-eval-profile-'));
  const args = [
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    '--proxy-server=http://127.0.0.1:9',
    '--proxy-bypass-list=127.0.0.1',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-renderer-backgrounding',
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
  ];
  if (extensionDir) {
    args.push(
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-features=DisableLoadExtensionCommandLineSwitch',
    );
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    ignoreDefaultArgs: extensionDir ? ['--disable-extensions'] : [],
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
  });
  // A page script that navigates away (a redirect to the page's real address) would leave an
  // error page: answering such navigations with 204 No Content keeps the page where it is.
  // (Pages that force https:// on their own address count as leaving too.) Everything else off
  // 127.0.0.1 already fails at the resolver or the dead proxy.
  await context.route(
    (url) => url.hostname !== '127.0.0.1' || url.protocol !== 'http:',
    (route) => {
      const req = route.request();
      const frame = req.isNavigationRequest() ? req.frame() : null;
      if (frame && !frame.parentFrame()) return route.fulfill({ status: 204, body: '' });
      return route.abort('addressunreachable');
    },
  );
  await context.addInitScript(STATUS_LISTENER);
  await context.addInitScript(STAY_ON_PAGE);
  // On install the extension opens its onboarding tab, which comes to the front over whatever
  // was opened just before; a tab behind it gets about one frame a second (the test harness does
  // the same: tests/e2e/harness/chromium.ts). Close it before handing the browser over.
  if (extensionDir && existsSync(join(extensionDir, 'onboarding.html'))) {
    for (const until = Date.now() + 5_000; Date.now() < until;) {
      const tab = context
        .pages()
        .find((p) => /^chrome-extension:\/\/[^/]+\/onboarding\.html$/.test(p.url()));
      if (tab) {
        await tab.close();
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Open one page and collect what the extension marked.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 * @param {{ timeoutMs: number, injectCode?: string, until?: 'done' | 'marked' }} opts
 */
export async function runPage(context, url, { timeoutMs, injectCode, until = 'done' }) {
  const final = until === 'marked' ? MARKED : FINAL;
  const page = await context.newPage();
  const started = Date.now();
  let crashed = false;
  page.on('crash', () => (crashed = true));
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    // A page whose load never ends (a redirect we cancelled, a hanging subresource) still has a
    // DOM: wait a little for its load events, then go on with what is there.
    await page.waitForLoadState('domcontentloaded', { timeout: 5000 }).catch(() => {});
    await page.waitForLoadState('load', { timeout: 5000 }).catch(() => {});
    if (injectCode) await page.evaluate(injectCode);
    const left = Math.max(1000, timeoutMs - (Date.now() - started));
    let state = 'timeout';
    try {
      await page.waitForFunction(
        (final) => final.includes(/** @type {any} */ (window).__sourcelightStatus?.state),
        final,
        { timeout: left, polling: 100 },
      );
    } catch (e) {
      if (crashed) throw new Error('page crashed', { cause: e });
      if (!/Timeout/i.test(String(e))) throw e;
    }
    const status = await page.evaluate(() => /** @type {any} */ (window).__sourcelightStatus);
    if (status?.state && final.includes(status.state)) state = status.state;
    const sentences = await page.evaluate(READ_MARKS);
    const charset = await page.evaluate(() => document.characterSet).catch(() => '');
    return {
      state,
      charset,
      sentences,
      headline: status?.headline ?? '',
      workMs: status?.workMs ?? null,
      longestSliceMs: status?.longestSliceMs ?? null,
      longestStepMs: status?.longestStepMs ?? null,
      longestStepPhase: status?.longestStepPhase ?? '',
      longestAfterMs: status?.longestAfterMs ?? null,
      error: status?.error,
      wallMs: Date.now() - started,
    };
  } finally {
    await page.close().catch(() => {});
  }
}
