// @vitest-environment node
/**
 * API keys and endpoints are never readable by a content script. With a key and an endpoint
 * stored (Chromium: typed into the options page; Firefox: written where the options page writes,
 * from an extension page), the content script of a test build tries everything it has from its
 * own world (utils/page/secrets-probe.ts): storage.local, storage.session, storage.sync, the
 * `sourcelight-secrets` IndexedDB database (which, from a content script, is the page origin's),
 * and messages asking the background for provider checks, settings and exports. None of the
 * answers contains the key or the endpoint, while the extension itself still reads them back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServers, type DemoServers } from '../../scripts/demo-server.mjs';
import {
  evaluateIn,
  launchChromium,
  launchFirefox,
  TEST_BUILD_DIRS,
  type AnyPage,
} from './harness/index.ts';
import { readProviderRecord, writeProviderRecord } from './support/provider-record.ts';
import { recordStatus, waitForState } from './support/sourcelight.ts';

const KEY = `BSAsecret${Date.now().toString(36)}Key`;
const ENDPOINT = 'https://searx-private.example.org';
const ENDPOINT_HOST = 'searx-private.example.org';

let demo: DemoServers;
beforeAll(async () => {
  demo = await startDemoServers();
});
afterAll(async () => {
  await demo?.close();
});

/** Runs the content script's probe in `page` and returns its JSON report. */
async function probe(page: AnyPage): Promise<string> {
  return evaluateIn(
    page,
    () =>
      new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no probe result')), 15_000);
        document.addEventListener(
          'sourcelight:probe-result',
          (e) => {
            clearTimeout(timer);
            resolve(String((e as CustomEvent).detail));
          },
          { once: true },
        );
        document.dispatchEvent(new CustomEvent('sourcelight:probe-secrets'));
      }),
    null,
  );
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: string };

/** What every browser must show: nothing secret anywhere, and each door shut or empty. */
function expectNothingRevealed(report: string) {
  expect(report).not.toContain(KEY);
  expect(report).not.toContain(ENDPOINT_HOST);
  const r = JSON.parse(report) as Record<string, Outcome>;
  // storage.local is readable (it holds the switches the content script needs) and secret-free.
  expect(r.storageLocal?.ok).toBe(true);
  // From a content script this opens the page origin's database: it has no store at all.
  expect(r.indexedDb).toEqual({ ok: true, value: { stores: [] } });
  // The background refuses provider checks from content scripts and knows no settings query.
  for (const name of ['checkProvider', 'getSettings', 'getProviders', 'exportSettings']) {
    const o = r[name]!;
    const refused = !o.ok || (o.value as { ok?: boolean } | undefined)?.ok === false;
    expect(refused, `${name}: ${JSON.stringify(o)}`).toBe(true);
  }
  return r;
}

async function openArticle(page: AnyPage) {
  await recordStatus(page);
  await page.goto(`${demo.sites.news}/articles/water-charges-rise.html`);
  await waitForState(page, ['done', 'matching'], 60_000);
}

describe('secrets (Chromium)', () => {
  it('a content script cannot read an API key or endpoint typed into the options page', async () => {
    const session = await launchChromium({ extensionDir: TEST_BUILD_DIRS.chrome });
    try {
      const options = await session.openExtensionPage('options.html');
      await options.locator('[data-provider="brave"]').getByLabel('API key').fill(KEY);
      await options
        .locator('[data-provider="searxng"]')
        .getByLabel('Server address')
        .fill(ENDPOINT);
      // The extension has them (the test could fail): stored in its own origin.
      await expect
        .poll(async () => JSON.stringify(await readProviderRecord(options)), { timeout: 10_000 })
        .toContain(KEY);
      expect(JSON.stringify(await readProviderRecord(options))).toContain(ENDPOINT_HOST);

      const page = await session.newPage();
      await openArticle(page);
      const r = expectNothingRevealed(await probe(page));
      // Chrome keeps storage.session to trusted contexts: a content script is refused outright.
      expect(r.storageSession?.ok).toBe(false);
      await page.close();
      await options.close();
    } finally {
      await session.close();
    }
  }, 120_000);
});

describe('secrets (Firefox)', () => {
  it('a content script cannot read an API key or endpoint the extension stored', async () => {
    const session = await launchFirefox({ extensionDir: TEST_BUILD_DIRS.firefox });
    try {
      const ext = await session.openExtensionPage('options.html');
      // Written where the options page writes (utils/settings/providers.ts indexedDbBackend).
      await writeProviderRecord(ext, {
        brave: { enabled: false, apiKey: KEY },
        searxng: { enabled: false, endpoint: ENDPOINT },
      });
      expect(JSON.stringify(await readProviderRecord(ext))).toContain(KEY);

      const page = await session.newPage();
      await openArticle(page);
      expectNothingRevealed(await probe(page));
      await page.close();
      await ext.close();
    } finally {
      await session.close();
    }
  }, 120_000);
});
