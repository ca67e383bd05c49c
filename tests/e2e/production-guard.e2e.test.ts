// @vitest-environment node
/**
 * The production build never fetches a loopback address: the demo article's cited sites (all on
 * 127.0.0.1) receive zero requests from it, and its sentences end up unsourced — while the page
 * itself still gets its sentences marked.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServers } from '../../scripts/demo-server.mjs';
import {
  evaluateIn,
  launchChromium,
  launchFirefox,
  REPO_ROOT,
  type ChromiumSession,
  type FirefoxSession,
} from './harness/index.ts';

const PROD = {
  chrome: join(REPO_ROOT, '.output/chrome-mv3'),
  firefox: join(REPO_ROOT, '.output/firefox-mv2'),
};

let servers: {
  sites: Record<string, string>;
  counts: Map<number, number>;
  reset(): void;
  close(): Promise<void>;
};
const citedRequests = () =>
  [...servers.counts.entries()].filter(([port]) => port !== 8601).reduce((n, [, c]) => n + c, 0);

beforeAll(async () => {
  if (!existsSync(join(PROD.chrome, 'manifest.json')))
    throw new Error('No production build: run `npm run build` first (npm test does).');
  servers = await startDemoServers();
});
afterAll(async () => {
  await servers?.close();
});

/** The page's status, asked from an extension context like the popup does. */
type StatusFrom = () => Promise<{ state: string; sentences: number; sourced: number } | null>;

async function waitDone(status: StatusFrom) {
  const until = Date.now() + 60_000;
  let last = null;
  while (Date.now() < until) {
    last = await status().catch(() => null);
    if (last?.state === 'done') return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not done: ${JSON.stringify(last)}`);
}

describe('Chromium production build', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium({ extensionDir: PROD.chrome });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('refuses to fetch loopback sources', async () => {
    servers.reset();
    const page = await session.newPage();
    await page.goto(`${servers.sites.news}/articles/water-charges-rise.html`);
    const worker = await session.worker();
    const status: StatusFrom = () =>
      worker.evaluate(async (url) => {
        const c = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') })
          .chrome;
        const tab = (await c.tabs.query({})).find((t) => t.url === url);
        const reply = (await c.tabs.sendMessage(tab!.id!, {
          sl: 1,
          type: 'getStatus',
          payload: {},
        })) as {
          ok: boolean;
          value: { state: string; sentences: number; sourced: number };
        };
        return reply.ok ? reply.value : null;
      }, page.url());
    const done = await waitDone(status);
    expect(done.sentences).toBeGreaterThan(5);
    expect(done.sourced).toBe(0);
    expect(citedRequests()).toBe(0);
    // And the page itself still got its sentences marked.
    expect(
      await evaluateIn(page, () => CSS.highlights.get('sourcelight-sentence')?.size ?? 0, null),
    ).toBeGreaterThan(5);
    await page.close();
  });
});

describe('Firefox production build', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox({ extensionDir: PROD.firefox });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('refuses to fetch loopback sources', async () => {
    servers.reset();
    const page = await session.newPage();
    const articleUrl = `${servers.sites.news}/articles/water-charges-rise.html`;
    await page.goto(articleUrl);
    const popup = await session.openExtensionPage('popup.html');
    const status: StatusFrom = () =>
      popup.evaluate(async (url) => {
        const b = (globalThis as unknown as { browser: typeof import('webextension-polyfill') })
          .browser;
        // A match pattern with a port matches nothing in Firefox: compare URLs instead.
        const tab = (await b.tabs.query({})).find((t) => t.url === url);
        const reply = (await b.tabs.sendMessage(tab!.id!, {
          sl: 1,
          type: 'getStatus',
          payload: {},
        })) as {
          ok: boolean;
          value: { state: string; sentences: number; sourced: number };
        };
        return reply.ok ? reply.value : null;
      }, articleUrl);
    const done = await waitDone(status);
    expect(done.sentences).toBeGreaterThan(5);
    expect(done.sourced).toBe(0);
    expect(citedRequests()).toBe(0);
    await popup.close();
    await page.close();
  });
});
