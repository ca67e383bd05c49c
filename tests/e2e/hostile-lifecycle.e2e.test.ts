// @vitest-environment node
/**
 * Issue 7, case 14, in Chromium and Firefox ESR: the background killed mid-lookup loses no
 * answer; and, in Chromium, the extension removed under an open tab leaves nothing in it, and
 * loaded again shows one set of marks and one card after the tab reloads. The foundation suite
 * has the demo-site version of the first ("loses no answer when the service worker is killed
 * mid-request").
 *
 * Removal is `chrome.management.setEnabled(id, false)` from tests/e2e/harness/fixtures/
 * manager-extension: Chromium unloads the extension as for an update or an uninstall, and the
 * content script left in the tab is orphaned (`runtime.id` undefined, extension APIs throw
 * "Extension context invalidated."). `chrome.runtime.reload()` is no substitute under this
 * harness: the extension does not come back (no new worker; its pages fail with
 * ERR_BLOCKED_BY_CLIENT).
 *
 * Firefox: the test build's background is a persistent MV2 background page (no `persistent:
 * false`, so there is no event page to suspend: `terminateBackground` refuses it). It dies when
 * Firefox's extension process dies, so the test kills that process (its pid from a privileged
 * BiDi script, see support/firefox-privileged.ts); Firefox restarts the page on the next event.
 * The add-on disabled or uninstalled under an open tab: Firefox closes the content script's
 * context and nukes its sandbox (ExtensionContent.sys.mjs, ContentScriptContextChild.close →
 * Cu.nukeSandbox) without running any of its code, so no onInvalidated, timer or port listener of
 * the orphan runs and its marks, card host and adopted stylesheet stay until the tab reloads
 * (measured on Firefox 153 ESR; a runtime.connect port tried as a hook did not call its
 * onDisconnect in the orphan either). What is tested there: enabled
 * again, Firefox injects a fresh copy into the open tab, which clears the orphan's traces first
 * (utils/page/leftovers.ts) — without that, the page had two highlight stylesheets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  evaluateIn,
  launchChromium,
  launchFirefox,
  REPO_ROOT,
  startFixtureServer,
  TEST_BUILD_DIRS,
  type AnyPage,
  type ChromiumSession,
  type FirefoxSession,
  type FixtureServer,
} from './harness/index.ts';
import { firefoxPrivileged } from './support/firefox-privileged.ts';
import {
  hoverSentence,
  highlightTexts,
  lastStatus,
  recordStatus,
  waitForCard,
  waitForState,
} from './support/sourcelight.ts';

const PAGES = join(REPO_ROOT, 'tests/e2e/fixtures/hostile/page');
const MANAGER = fileURLToPath(new URL('./harness/fixtures/manager-extension/', import.meta.url));
const CLAIM = 'The island ferry will resume its daily crossings on 3 June';
const REPORT = readFileSync(
  join(REPO_ROOT, 'tests/e2e/fixtures/hostile/source/report.html'),
  'utf8',
);

let session: ChromiumSession;
let site: FixtureServer;
let source: FixtureServer;
let managerId: string;

beforeAll(async () => {
  // The cited page answers after 2.5 s, so a worker stopped meanwhile dies mid-lookup.
  source = await startFixtureServer(
    { '/report.html': { delayMs: 2500, body: REPORT } },
    { port: 8616 },
  );
  const article = readFileSync(join(PAGES, 'article.html'), 'utf8').replaceAll(
    '{{SOURCE}}',
    source.origin,
  );
  site = await startFixtureServer(
    { '/article.html': article, '/favicon.ico': { status: 204, body: '' } },
    { port: 8615 },
  );
});
afterAll(async () => {
  await site?.close();
  await source?.close();
});

async function openArticle(): Promise<Page> {
  const page = await session.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await recordStatus(page);
  await page.goto(site.url(`/article.html?visit=${Date.now()}-${Math.random()}`));
  return page;
}

/** What the extension leaves in a page, counted from the page's own world. */
async function traces(page: AnyPage) {
  return evaluateIn(
    page,
    () => ({
      // Ranges per highlight name (the marks live in CSS.highlights, not in the DOM).
      highlights: Object.fromEntries(
        [...(CSS.highlights as unknown as Map<string, { size: number }>)]
          .filter(([name]) => name.startsWith('sourcelight-'))
          .map(([name, set]) => [name, set.size]),
      ) as Record<string, number>,
      hosts: document.querySelectorAll('sourcelight-ui').length,
      sheets: document.adoptedStyleSheets.length,
      styles: document.querySelectorAll('style').length,
    }),
    null,
  );
}

describe('Chromium', () => {
  beforeAll(async () => {
    session = await launchChromium({
      extensionDir: TEST_BUILD_DIRS.chrome,
      extraExtensionDirs: [MANAGER],
    });
    managerId = await session.extraExtensionId('manager.js');
  });
  afterAll(async () => {
    await session?.close();
  });

  describe('case 14: worker killed, extension reloaded', () => {
    it('[chromium] the background killed while it waits on a cited page → the answer still arrives (retried)', async () => {
      source.resetRequests();
      const page = await openArticle();
      await waitForState(page, ['matching']);
      await expect.poll(() => source.count('/report.html'), { timeout: 10_000 }).toBeGreaterThan(0);
      await session.stopServiceWorker();
      const done = await waitForState(page, ['done'], 60_000);
      expect(done.sourced).toBe(1);
      expect(
        source.count('/report.html'),
        'the first lookup died with the worker',
      ).toBeGreaterThanOrEqual(2);
      expect(await highlightTexts(page, 'sourcelight-sourced')).toHaveLength(1);
      await page.close();
    });
  });

  /** Enables or disables the extension under test from the manager extension's page. */
  async function setEnabled(enabled: boolean): Promise<void> {
    const manager = await session.context.newPage();
    await manager.goto(`chrome-extension://${managerId}/manager.html`);
    await manager.evaluate(
      ([id, on]) =>
        (
          globalThis as unknown as {
            chrome: { management: { setEnabled(id: string, on: boolean): Promise<void> } };
          }
        ).chrome.management.setEnabled(id, on),
      [session.extensionId, enabled] as const,
    );
    await manager.close();
  }

  describe('case 14: the extension removed and loaded again with a tab open', () => {
    let page: Page;
    let pristine: Awaited<ReturnType<typeof traces>>;
    let before: Awaited<ReturnType<typeof traces>>;

    it('[chromium] the extension removed with a tab open → the orphaned content script removes its marks, card and styles', async () => {
      source.resetRequests();
      page = await openArticle();
      // Errors of the content script's world (isolated worlds included) and of the page.
      const cdp = await session.context.newCDPSession(page);
      const errors: string[] = [];
      cdp.on('Runtime.exceptionThrown', (e) =>
        errors.push(e.exceptionDetails.exception?.description ?? e.exceptionDetails.text),
      );
      cdp.on('Runtime.consoleAPICalled', (e) => {
        if (e.type === 'error' || e.type === 'warning')
          errors.push(e.args.map((a) => String(a.value ?? a.description)).join(' '));
      });
      await cdp.send('Runtime.enable');
      // The article as served: its own <style> elements, no adopted sheet, nothing of ours.
      pristine = {
        highlights: {},
        hosts: 0,
        sheets: 0,
        styles: (readFileSync(join(PAGES, 'article.html'), 'utf8').match(/<style[\s>]/g) ?? [])
          .length,
      };
      const done = await waitForState(page, ['done'], 30_000);
      expect(done.sourced).toBe(1);
      await hoverSentence(page, CLAIM);
      await waitForCard(page);
      before = await traces(page);
      expect(before.highlights['sourcelight-sourced'], 'marks before removal').toBe(1);
      expect(before.hosts, 'card host before removal').toBe(1);
      expect(before.sheets + before.styles, 'mark styles before removal').toBeGreaterThan(
        pristine.sheets + pristine.styles,
      );

      const t0 = Date.now();
      await setEnabled(false);
      await expect.poll(() => traces(page), { timeout: 10_000, interval: 100 }).toEqual(pristine);
      console.log(
        `[case 14] orphaned content script cleared the page ${Date.now() - t0} ms after the extension was disabled`,
      );
      // It stays gone: nothing answers a hover any more, nothing comes back.
      await hoverSentence(page, CLAIM).catch(() => undefined);
      await page.waitForTimeout(1_500);
      expect(await traces(page)).toEqual(pristine);
      expect(errors, 'no error from the orphaned content script or the page').toEqual([]);
      await cdp.detach();
    });

    it('[chromium] the extension loaded again and the tab reloaded → exactly one set of marks and one UI host', async () => {
      await setEnabled(true);
      await session.worker({ timeoutMs: 20_000 });
      // Chromium does not inject into tabs already open, and the orphan stays gone.
      await page.waitForTimeout(1_000);
      expect(await traces(page)).toEqual(pristine);
      await page.reload();
      const done = await waitForState(page, ['done'], 30_000);
      expect(done.sourced).toBe(1);
      expect(await highlightTexts(page, 'sourcelight-sourced')).toHaveLength(1);
      await hoverSentence(page, CLAIM);
      await waitForCard(page);
      const after = await traces(page);
      expect(after.hosts, 'one UI host').toBe(1);
      expect(after, 'the same marks, styles and card host as the first visit').toEqual(before);
      await page.close();
    });
  });
});

describe('Firefox', () => {
  let ff: FirefoxSession;
  beforeAll(async () => {
    ff = await launchFirefox({ extensionDir: TEST_BUILD_DIRS.firefox });
  });
  afterAll(async () => {
    await ff?.close();
  });

  describe('case 14: worker killed, extension reloaded', () => {
    it('[firefox] the background killed while it waits on a cited page → the answer still arrives (retried)', async () => {
      const privileged = await firefoxPrivileged(ff);
      source.resetRequests();
      const page = await ff.newPage();
      await page.setViewport({ width: 1200, height: 900 });
      await recordStatus(page);
      await page.goto(site.url(`/article.html?visit=${Date.now()}-${Math.random()}`));
      await waitForState(page, ['matching']);
      await expect.poll(() => source.count('/report.html'), { timeout: 10_000 }).toBeGreaterThan(0);
      // The cited page answers 2.5 s after it was asked: the background dies while it waits.
      const pid = await privileged.extensionProcessPid();
      process.kill(pid, 'SIGKILL');
      const done = await waitForState(page, ['done'], 60_000);
      expect(done.sourced).toBe(1);
      expect(
        source.count('/report.html'),
        'the first lookup died with the background',
      ).toBeGreaterThanOrEqual(2);
      expect(await privileged.extensionProcessPid(), 'a new extension process').not.toBe(pid);
      expect(await highlightTexts(page, 'sourcelight-sourced')).toHaveLength(1);
      await hoverSentence(page, CLAIM);
      expect((await waitForCard(page)).text).toContain('Ferry');
      await page.close();
    });
  });

  describe('case 14: the extension removed and loaded again with a tab open', () => {
    it('[firefox] the add-on disabled and enabled again with a tab open → the fresh content script clears the orphan: one set of marks, one UI host, one stylesheet', async () => {
      const privileged = await firefoxPrivileged(ff);
      const page = await ff.newPage();
      await page.setViewport({ width: 1200, height: 900 });
      await recordStatus(page);
      await page.goto(site.url(`/article.html?visit=${Date.now()}-${Math.random()}`));
      expect((await waitForState(page, ['done'], 30_000)).sourced).toBe(1);
      await hoverSentence(page, CLAIM);
      await waitForCard(page);
      const before = await traces(page);
      expect(before.highlights['sourcelight-sourced'], 'marks before').toBe(1);
      expect(before.hosts, 'card host before').toBe(1);

      await privileged.setEnabled(false);
      // Firefox nukes the orphan's sandbox without running its code: what it left stays until
      // the add-on comes back (or the tab reloads). Recorded here, not asserted.
      await new Promise((r) => setTimeout(r, 1_000));
      console.log(`[case 14] firefox, add-on disabled: ${JSON.stringify(await traces(page))}`);

      // Forget the orphan's announcements: the next 'done' is the fresh copy's.
      await evaluateIn(
        page,
        () => {
          const w = window as { __sourcelight?: { events: unknown[] } };
          if (w.__sourcelight) w.__sourcelight.events = [];
        },
        null,
      );
      await privileged.setEnabled(true);
      // Firefox injects the content script into the open tab again; it marks the page anew.
      await expect
        .poll(async () => (await lastStatus(page))?.state, { timeout: 30_000 })
        .toBe('done');
      await expect
        .poll(async () => (await traces(page)).highlights['sourcelight-sourced'], {
          timeout: 30_000,
        })
        .toBe(1);
      await page.mouse.move(1, 1);
      await hoverSentence(page, CLAIM);
      await waitForCard(page);
      expect(await traces(page), 'the same marks, styles and one card host as before').toEqual(
        before,
      );
      await page.close();
    });
  });
});
