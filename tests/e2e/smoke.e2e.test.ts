// @vitest-environment node
/**
 * The built extension works at all, in both browsers: it loads, its content script runs on a
 * 127.0.0.1 page, its popup opens, and (Chromium) its service worker survives being killed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  launchFirefox,
  startFixtureServer,
  TEST_BUILD_DIRS,
  type ChromiumSession,
  type FirefoxSession,
  type FixtureServer,
} from './harness/index.ts';

/** The bits of Chromium's `chrome` global these tests call inside the browser. */
declare const chrome: {
  runtime: { id: string; sendMessage(message: unknown): Promise<unknown> };
};

/**
 * The protocol's status request (utils/messaging: envelope `{ sl: 1, type, payload }`); every
 * handler answers `{ ok, ... }`, so any reply proves the content script is up and listening.
 */
const GET_STATUS = { sl: 1, type: 'getStatus', payload: {} };

const ARTICLE = `<!doctype html><html lang="en"><head><title>Smoke article</title></head>
<body><article><h1>Smoke</h1><p>The river rose by two metres overnight. Officials closed the bridge.</p></article></body></html>`;

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer({ '/article.html': ARTICLE });
});
afterAll(async () => {
  await server?.close();
});

describe('Chromium (MV3)', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium({ extensionDir: TEST_BUILD_DIRS.chrome });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('loads the extension and reads its id from the service worker', async () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    const worker = await session.worker();
    expect(await worker.evaluate(() => chrome.runtime.id)).toBe(session.extensionId);
  });

  it('runs the content script on a 127.0.0.1 page', async () => {
    const page = await session.newPage();
    await page.goto(server.url('/article.html?browser=chromium'));
    // DOM-free signals: the extension's isolated world exists in the page's main frame, and
    // the content script answers a message.
    await session.waitForContentScript(page);
    expect(await session.sendToTab(page, GET_STATUS)).toMatchObject({ ok: true });
    expect(server.count('/article.html')).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('opens the popup page', async () => {
    const popup = await session.openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('#app').textContent()).toContain('Sourcelight');
    await popup.close();
  });

  it('refuses requests that leave 127.0.0.1, fast', async () => {
    const page = await session.newPage();
    const started = Date.now();
    // The refusal proxy answers plain HTTP with 502 and refuses HTTPS tunnels.
    const named = await page.goto('http://example.invalid/').catch(() => null);
    const privateIp = await page.goto('http://10.255.255.1/').catch(() => null);
    const secure = await page.goto('https://example.invalid/').catch(() => null);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(named?.status() ?? 502).toBe(502);
    expect(privateIp?.status() ?? 502).toBe(502);
    expect(secure).toBeNull();
    expect(session.blockedRequests).toEqual(
      expect.arrayContaining([
        'GET http://example.invalid/',
        'GET http://10.255.255.1/',
        'CONNECT example.invalid:443',
      ]),
    );
    await page.close();
  });

  it('kills the service worker, which comes back on the next event with fresh state', async () => {
    const before = await session.worker();
    await before.evaluate(() => {
      (globalThis as unknown as { e2eMarker?: number }).e2eMarker = 42;
    });
    await session.stopServiceWorker();
    expect(await session.workerStatus()).toBe('stopped');

    // A real extension event: a message from an extension page wakes the worker, whether or
    // not anything answers it.
    const popup = await session.openExtensionPage('popup.html');
    await popup.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'e2e:wake' }).catch(() => undefined),
    );
    await session.waitForWorkerRunning();
    const after = await session.worker();
    // A new global scope: what the old instance set is gone.
    expect(
      await after.evaluate(() => (globalThis as unknown as { e2eMarker?: number }).e2eMarker),
    ).toBeUndefined();
    expect(await after.evaluate(() => chrome.runtime.id)).toBe(session.extensionId);
    await popup.close();
  });

  it('made no other request outside 127.0.0.1 (browser services are kept local)', () => {
    const deliberate = /example\.invalid|10\.255\.255\.1/;
    expect(session.blockedRequests.filter((r) => !deliberate.test(r))).toEqual([]);
  });
});

describe('Firefox (MV2)', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox({ extensionDir: TEST_BUILD_DIRS.firefox });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('installs the extension under its gecko id with the pinned UUID', () => {
    expect(session.extensionId).toBe('sourcelight@sourcelight.dev');
    expect(session.extensionBaseUrl).toMatch(/^moz-extension:\/\/[0-9a-f-]{36}\/$/);
  });

  it('runs the content script on a 127.0.0.1 page', async () => {
    const page = await session.newPage();
    await page.goto(server.url('/article.html?browser=firefox'));
    expect(await session.sendToTab(page, GET_STATUS)).toMatchObject({ ok: true });
    await page.close();
  });

  it('opens the popup page with the extension API available', async () => {
    const popup = await session.openExtensionPage('popup.html');
    expect(await popup.$eval('#app', (el) => el.textContent)).toContain('Sourcelight');
    expect(await popup.evaluate(() => browser.runtime.id)).toBe(session.extensionId);
    await popup.close();
  });

  it('refuses requests that leave 127.0.0.1, fast', async () => {
    const page = await session.newPage();
    const started = Date.now();
    await page.goto('http://10.255.255.1/').catch(() => undefined);
    await page.goto('https://example.invalid/').catch(() => undefined);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(session.blockedRequests).toEqual(
      expect.arrayContaining(['GET http://10.255.255.1/', 'CONNECT example.invalid:443']),
    );
    await page.close();
  });

  it('made no other request outside 127.0.0.1 (browser services are kept local)', () => {
    const deliberate = /example\.invalid|10\.255\.255\.1/;
    expect(session.blockedRequests.filter((r) => !deliberate.test(r))).toEqual([]);
  });
});
