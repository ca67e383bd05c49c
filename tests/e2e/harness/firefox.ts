/**
 * Launches Firefox ESR through Puppeteer over WebDriver BiDi (Playwright cannot drive stock
 * Firefox), installs the unpacked extension as a temporary add-on, offline except 127.0.0.1.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startBlockingProxy } from './blocking-proxy.ts';
import { DEFAULT_FIREFOX_EXTENSION_UUID, firefoxPrefs } from './firefox-prefs.ts';
import { FIREFOX_PATH, requireBuild } from './paths.ts';
import { pageUrl, sendToTabFrom } from './tab-messaging.ts';

/** Options for {@link launchFirefox}. */
export interface FirefoxLaunchOptions {
  /** Unpacked MV2 build, e.g. `TEST_BUILD_DIRS.firefox`. */
  extensionDir: string;
  /** Default true. */
  headless?: boolean;
  /** moz-extension UUID to pin; default {@link DEFAULT_FIREFOX_EXTENSION_UUID}. */
  uuid?: string;
}

/** A Firefox with the extension installed. */
export interface FirefoxSession {
  browser: Browser;
  /** The gecko id, e.g. `sourcelight@sourcelight.dev`. */
  extensionId: string;
  /** `moz-extension://<uuid>/` */
  extensionBaseUrl: string;
  /** Requests that tried to leave 127.0.0.1 and were refused (see blocking-proxy.ts). */
  blockedRequests: string[];
  newPage(): Promise<Page>;
  /** Opens `moz-extension://<uuid>/<path>` in a new tab and waits until its document is complete. */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Sends `message` to the content script in `page` (via `tabs.sendMessage` from an extension
   * page the session keeps open) and returns the reply; retries while nothing listens yet.
   * The page's URL must be unique among open tabs.
   */
  sendToTab(page: Page, message: unknown, opts?: { timeoutMs?: number }): Promise<unknown>;
  close(): Promise<void>;
}

function geckoIdOf(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id)
    throw new Error(`${extensionDir}/manifest.json has no gecko id; the UUID cannot be pinned`);
  return id;
}

/** The part of Puppeteer's BiDi connection used to navigate without waiting (not in its types). */
interface BidiConnectionLike {
  send(method: string, params: Record<string, unknown>): Promise<unknown>;
}

/** Extension page used to send tab messages (any page of the extension would do). */
const CONTROL_PAGE = 'popup.html';

/**
 * Closes the onboarding tab the install opened, waiting up to 5 s for it to appear; `control` is
 * an extension page of ours, which sees the extension's other pages through `getViews`.
 */
async function closeOnboarding(control: Page): Promise<void> {
  const closed = await control.evaluate(async () => {
    type Api = {
      extension: { getViews(o: { type: 'tab' }): Window[] };
      tabs: { remove(id: number): Promise<void> };
    };
    type View = Window & { browser: { tabs: { getCurrent(): Promise<{ id?: number }> } } };
    const api = (globalThis as unknown as { browser: Api }).browser;
    for (const until = Date.now() + 5_000; Date.now() < until;) {
      const view = api.extension
        .getViews({ type: 'tab' })
        .find((v) => v.location.pathname === '/onboarding.html') as View | undefined;
      const id = view && (await view.browser.tabs.getCurrent()).id;
      if (id !== undefined) {
        await api.tabs.remove(id);
        return true;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  });
  if (!closed) throw new Error('the onboarding tab did not open within 5 s of the install');
}

/** Launches Firefox and installs the extension. */
export async function launchFirefox(opts: FirefoxLaunchOptions): Promise<FirefoxSession> {
  const extensionDir = resolve(requireBuild(opts.extensionDir));
  const geckoId = geckoIdOf(extensionDir);
  const uuid = opts.uuid ?? DEFAULT_FIREFOX_EXTENSION_UUID;
  const extensionBaseUrl = `moz-extension://${uuid}/`;
  const proxy = await startBlockingProxy();
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX_PATH,
      headless: opts.headless ?? true,
      // Without it BiDi refuses to navigate a tab to moz-extension:// URLs.
      args: ['-remote-allow-system-access'],
      env: {
        ...process.env,
        // Makes release Firefox honour the remote-settings override above (and refuse
        // connections to non-local addresses at the socket level as a second wall).
        MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1',
      },
      extraPrefsFirefox: firefoxPrefs({ proxyPort: proxy.port, geckoId, uuid }),
    });
  } catch (error) {
    await proxy.close();
    throw error;
  }

  let extensionId: string;
  try {
    // BiDi webExtension.install with a path: a temporary add-on, gone with the profile.
    extensionId = await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    await proxy.close();
    throw error;
  }

  async function openExtensionPage(path: string): Promise<Page> {
    const url = new URL(path.replace(/^\//, ''), extensionBaseUrl).href;
    const page = await browser.newPage();
    // Firefox 153's BiDi navigation tracker throws on moz-extension loads ("context is null"
    // in NavigationManager), so a navigate that waits for readiness never returns. Navigate
    // with wait:'none' and poll the document instead.
    const connection = (browser as unknown as { connection?: BidiConnectionLike }).connection;
    const contextId = (page.mainFrame() as unknown as { _id?: string })._id;
    if (connection && contextId) {
      await connection.send('browsingContext.navigate', { context: contextId, url, wait: 'none' });
    } else {
      await page.goto(url, { timeout: 2_000 }).catch(() => undefined);
    }
    const deadline = Date.now() + 15_000;
    for (;;) {
      const state = await page
        .evaluate(() => [location.href, document.readyState] as const)
        .catch(() => undefined);
      if (state?.[0] === url && state[1] === 'complete') return page;
      if (Date.now() > deadline) throw new Error(`extension page ${url} did not load`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  // The extension page that sends tab messages; reopened if a test closed it.
  let messenger: Page | undefined;

  // On install the extension opens its onboarding page in a new tab, which comes to the front
  // whenever it lands: in 2 of 5 launches, over the page a test had just opened. That page is
  // then hidden (`document.visibilityState` 'hidden'), Firefox runs its animation frames about
  // once a second, and a hover waited 852 ms for its card's frame. BiDi reports that tab as
  // about:blank, so it is found and closed from an extension page of our own, which then stays
  // open as the messenger (opened now, it is behind every page a test opens later).
  // (Only for an extension that has those pages: the harness also loads small fixture ones.)
  try {
    if (
      existsSync(join(extensionDir, 'onboarding.html')) &&
      existsSync(join(extensionDir, CONTROL_PAGE))
    ) {
      messenger = await openExtensionPage(CONTROL_PAGE);
      await closeOnboarding(messenger);
    }
  } catch (error) {
    await browser.close();
    await proxy.close();
    throw error;
  }
  async function sendToTab(page: Page, message: unknown, opts: { timeoutMs?: number } = {}) {
    if (!messenger || messenger.isClosed()) messenger = await openExtensionPage(CONTROL_PAGE);
    return sendToTabFrom(messenger, await pageUrl(page), message, opts);
  }

  return {
    browser,
    extensionId,
    extensionBaseUrl,
    blockedRequests: proxy.attempts,
    newPage: () => browser.newPage(),
    openExtensionPage,
    sendToTab,
    async close() {
      await browser.close().catch(() => undefined);
      await proxy.close();
    },
  };
}
