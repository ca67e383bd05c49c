// @vitest-environment node
/**
 * The production build never fetches a loopback address: the demo article's cited sites (all on
 * 127.0.0.1) receive zero requests from it, and its sentences end up unsourced — while the page
 * itself still gets its sentences marked.
 *
 * Host access is optional and nothing is granted in a fresh profile: even a provider the reader
 * turned on, consented to and pointed at their own machine (an origin the production guard then
 * lets through) hears nothing until the reader grants its host.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServers } from '../../scripts/demo-server.mjs';
import {
  collectConsole,
  evaluateIn,
  launchChromium,
  launchFirefox,
  REPO_ROOT,
  type ChromiumSession,
  type AnyPage,
  type ConsoleLog,
  type FirefoxSession,
} from './harness/index.ts';
import { writeProviderRecord } from './support/provider-record.ts';
import { startSearxngServer, type SearxngServer } from './support/provider-servers.ts';

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
let searxng: SearxngServer;
/** A SearxNG-format server the reader set up on their own machine (fixture port 8616). */
const SEARXNG_PORT = 8616;
const consentedSearxng = () => ({
  searxng: {
    enabled: true,
    consentedAt: new Date().toISOString(),
    endpoint: searxng.origin,
  },
});
const citedRequests = () =>
  [...servers.counts.entries()].filter(([port]) => port !== 8601).reduce((n, [, c]) => n + c, 0);

/**
 * Runs in an extension context (Chromium's worker, Firefox's popup page), as the popup does:
 * sends one message to the article tab and returns its reply's value. Without host permissions
 * tab URLs and titles are hidden, so every tab's content script is asked (only the article's
 * tab has one). No named inner functions: it is serialised.
 */
const askArticleTab = async (message: { type: string; payload: object }) => {
  const g = globalThis as unknown as {
    browser?: typeof import('webextension-polyfill');
    chrome?: typeof import('webextension-polyfill');
  };
  const api = (g.browser ?? g.chrome)!;
  for (const tab of await api.tabs.query({})) {
    const reply = (await api.tabs
      .sendMessage(tab.id!, { sl: 1, ...message })
      .catch(() => null)) as { ok: boolean; value: unknown } | null;
    if (reply?.ok) return reply.value;
  }
  return null;
};
const STATUS = { type: 'getStatus', payload: {} };
/** The popup's "next unsourced sentence": scroll to it and pin its card. */
const REVEAL = { type: 'reveal', payload: { kind: 'unsourced' } };

/**
 * The pinned card is painted: some point of the viewport hits Sourcelight's host (the card's
 * shadow root is closed in production, and only the painted card takes the pointer), over a
 * box at least as tall as a card, and the content script logged no error on the way.
 */
async function expectCardPainted(page: AnyPage, log: ConsoleLog) {
  const box = await pollFor(
    () =>
      evaluateIn(
        page,
        () => {
          let top = Infinity;
          let bottom = -Infinity;
          for (let y = 4; y < innerHeight; y += 8)
            for (let x = 4; x < innerWidth; x += 16) {
              const el = document.elementFromPoint(x, y);
              if (el?.nodeName === 'SOURCELIGHT-UI') {
                top = Math.min(top, y);
                bottom = Math.max(bottom, y);
              }
            }
          return bottom >= top ? bottom - top : null;
        },
        null,
      ),
    10_000,
  );
  expect(box, 'a painted card').toBeGreaterThan(60);
  expect(log.messages.filter((m) => /\[sourcelight\]/.test(m) && /error|fail/i.test(m))).toEqual(
    [],
  );
}

async function pollFor<T>(read: () => Promise<T | null>, ms: number): Promise<T | null> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read().catch(() => null);
    if (v !== null || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  if (!existsSync(join(PROD.chrome, 'manifest.json')))
    throw new Error('No production build: run `npm run build` first (npm test does).');
  servers = await startDemoServers();
  searxng = await startSearxngServer(
    [
      {
        url: `${servers.sites.news}/articles/water-charges-rise.html`,
        title: 'Water charges',
        content: 'Council water charges raised from 1 May.',
      },
    ],
    SEARXNG_PORT,
  );
});
afterAll(async () => {
  await Promise.allSettled([servers?.close(), searxng?.close()]);
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

  it('refuses to fetch loopback sources, and asks no provider without host access', async () => {
    servers.reset();
    const before = searxng.count();
    const ext = await session.openExtensionPage('popup.html');
    await writeProviderRecord(ext, consentedSearxng());
    await ext.close();
    const page = await session.newPage();
    const log = collectConsole(page);
    await page.goto(`${servers.sites.news}/articles/water-charges-rise.html`);
    const worker = await session.worker();
    // Nothing granted in a fresh profile: neither linked pages nor the provider's host.
    expect(
      await worker.evaluate(() =>
        (
          globalThis as unknown as { chrome: typeof import('webextension-polyfill') }
        ).chrome.permissions.contains({ origins: ['http://*/*', 'https://*/*'] }),
      ),
    ).toBe(false);
    const status = (() => worker.evaluate(askArticleTab, STATUS)) as StatusFrom;
    const done = await waitDone(status);
    expect(done.sentences).toBeGreaterThan(5);
    expect(done.sourced).toBe(0);
    expect(citedRequests()).toBe(0);
    expect(searxng.count()).toBe(before);
    // And the page itself still got its sentences marked: `done.sentences` above counts the
    // marks (a production build keeps the set of all marks to itself, utils/sentences/marks.ts),
    // and the highlights that paint are registered with the page.
    expect(await evaluateIn(page, () => CSS.highlights.has('sourcelight-sourced'), null)).toBe(
      true,
    );
    // The card works with no host permission granted. (A card loaded on first need through
    // scripting.executeScript did not: that API wants host access, which a content script's
    // own match does not give.)
    expect(await worker.evaluate(askArticleTab, REVEAL)).toEqual({ moved: true });
    await expectCardPainted(page, log);
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

  it('refuses to fetch loopback sources, and asks no provider without host access', async () => {
    servers.reset();
    const before = searxng.count();
    const ext = await session.openExtensionPage('popup.html');
    await writeProviderRecord(ext, consentedSearxng());
    await ext.close();
    const page = await session.newPage();
    const log = collectConsole(page);
    const articleUrl = `${servers.sites.news}/articles/water-charges-rise.html`;
    await page.goto(articleUrl);
    const popup = await session.openExtensionPage('popup.html');
    const status = (() => popup.evaluate(askArticleTab, STATUS)) as StatusFrom;
    const done = await waitDone(status);
    expect(done.sentences).toBeGreaterThan(5);
    expect(done.sourced).toBe(0);
    expect(citedRequests()).toBe(0);
    expect(searxng.count()).toBe(before);
    expect(await popup.evaluate(askArticleTab, REVEAL)).toEqual({ moved: true });
    await popup.close();
    await page.bringToFront();
    await expectCardPainted(page, log);
    await page.close();
  });
});
