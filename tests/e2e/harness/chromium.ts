/**
 * Launches Debian's Chromium with the unpacked extension through Playwright, offline except
 * for 127.0.0.1, and gives tests handles on the extension: its id, its service worker (also
 * across restarts), its pages, and the content script's isolated world.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Worker,
} from 'playwright-core';
import { startBlockingProxy } from './blocking-proxy.ts';
import { CHROMIUM_PATH, requireBuild } from './paths.ts';
import { pageUrl, sendToTabFrom } from './tab-messaging.ts';

/** Options for {@link launchChromium}. */
export interface ChromiumLaunchOptions {
  /** Unpacked MV3 build, e.g. `TEST_BUILD_DIRS.chrome`. */
  extensionDir: string;
  /** Default true (`--headless=new`, which runs extensions). */
  headless?: boolean;
  /** Reuse a profile (e.g. to test state across browser restarts); a temporary one otherwise. */
  userDataDir?: string;
  /**
   * More unpacked extensions to load beside it (test helpers such as
   * `fixtures/manager-extension`). Their service worker must not share the file name of
   * `extensionDir`'s, which is how the extension under test is told apart.
   */
  extraExtensionDirs?: string[];
}

/** `ServiceWorker.workerVersionUpdated` running states as Chromium reports them. */
export type WorkerRunningStatus = 'running' | 'starting' | 'stopping' | 'stopped' | 'unknown';

/** A Chromium with the extension loaded. */
export interface ChromiumSession {
  context: BrowserContext;
  /** The 32-letter extension id (from the service worker's URL). */
  extensionId: string;
  /** `chrome-extension://<id>/` */
  extensionBaseUrl: string;
  /** Requests that tried to leave 127.0.0.1 and were refused (see blocking-proxy.ts). */
  blockedRequests: string[];
  /** The live extension service worker; starts it first if it is stopped. */
  worker(opts?: { timeoutMs?: number }): Promise<Worker>;
  /** Last running status Chromium reported for the extension's worker. */
  workerStatus(): Promise<WorkerRunningStatus>;
  /**
   * Kills the extension's service worker (CDP ServiceWorker.stopAllWorkers) and waits until
   * Chromium reported it stopped (it may already be starting again when this resolves).
   */
  stopServiceWorker(opts?: { timeoutMs?: number }): Promise<void>;
  /** Waits until Chromium reports the worker running again (after an event woke it). */
  waitForWorkerRunning(opts?: { timeoutMs?: number }): Promise<void>;
  newPage(): Promise<Page>;
  /**
   * The id of an extra extension (see `extraExtensionDirs`) whose service worker is
   * `workerFile`, e.g. `manager.js`.
   */
  extraExtensionId(workerFile: string, opts?: { timeoutMs?: number }): Promise<string>;
  /** Opens `chrome-extension://<id>/<path>`, e.g. `popup.html`, and waits for load. */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Resolves once the extension's content script world exists in the page's main frame: a
   * DOM-free signal (CDP reports an isolated execution context whose origin is the extension).
   */
  waitForContentScript(page: Page, opts?: { timeoutMs?: number }): Promise<void>;
  /**
   * Sends `message` to the content script in `page` (via `tabs.sendMessage` from an extension
   * page the session keeps open) and returns the reply; retries while nothing listens yet.
   * The page's URL must be unique among open tabs.
   */
  sendToTab(page: Page, message: unknown, opts?: { timeoutMs?: number }): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Chromium flags. `--proxy-server` sends every non-loopback request (including bare IPs, which a
 * host-resolver rule would not catch) to the refusal proxy; Chromium bypasses proxies for
 * loopback by default, so 127.0.0.1/localhost stay direct. Do NOT add `<-loopback>` to a bypass
 * list: that syntax *removes* the loopback bypass and breaks every local page.
 */
export function chromiumArgs(
  extensionDir: string,
  proxyPort: number,
  headless: boolean,
  extraExtensionDirs: string[] = [],
): string[] {
  const extensions = [extensionDir, ...extraExtensionDirs].join(',');
  return [
    ...(headless ? ['--headless=new'] : []),
    `--disable-extensions-except=${extensions}`,
    `--load-extension=${extensions}`,
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-domain-reliability',
    `--proxy-server=http://127.0.0.1:${proxyPort}`,
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    // Measured through the refusal proxy: even with the flags above, Chromium 156 calls its
    // component updater (update.googleapis.com) and Google sign-in (accounts.google.com) in
    // its first seconds. Point both at a closed loopback port so they fail locally and
    // blockedRequests lists only what pages and the extension asked for.
    '--component-updater=url-source=http://127.0.0.1:9/',
    '--gaia-url=http://127.0.0.1:9/',
    '--google-apis-url=http://127.0.0.1:9/',
    '--lso-url=http://127.0.0.1:9/',
  ];
}

/** Extension page used to send tab messages (any page of the extension would do). */
const CONTROL_PAGE = 'popup.html';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Launches Chromium with the extension and waits for its service worker to register. */
export async function launchChromium(opts: ChromiumLaunchOptions): Promise<ChromiumSession> {
  const extensionDir = resolve(requireBuild(opts.extensionDir));
  const extraDirs = (opts.extraExtensionDirs ?? []).map((dir) => resolve(dir));
  // With extras loaded, the extension under test is the one running its own worker file.
  const workerFile = (
    JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
      background?: { service_worker?: string };
    }
  ).background?.service_worker;
  const isOwnWorker = (url: string) =>
    url.startsWith('chrome-extension://') &&
    (workerFile === undefined || new URL(url).pathname === `/${workerFile}`);
  const headless = opts.headless ?? true;
  const ownProfile = opts.userDataDir === undefined;
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'sourcelight-chromium-'));
  // A fresh profile installs the extension, which opens its onboarding tab (see below).
  const freshInstall = !existsSync(userDataDir) || readdirSync(userDataDir).length === 0;
  const proxy = await startBlockingProxy();
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      // Playwright's own headless flag would pick the old headless shell mode; we pass
      // --headless=new ourselves because only the new mode runs extensions.
      headless: false,
      args: chromiumArgs(extensionDir, proxy.port, headless, extraDirs),
      ignoreDefaultArgs: [
        '--disable-extensions',
        '--disable-component-extensions-with-background-pages',
      ],
      viewport: { width: 1280, height: 800 },
    });
  } catch (error) {
    await proxy.close();
    if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const firstWorker =
    context.serviceWorkers().find((w) => isOwnWorker(w.url())) ??
    (await context.waitForEvent('serviceworker', {
      predicate: (w) => isOwnWorker(w.url()),
      timeout: 15_000,
    }));
  const extensionId = new URL(firstWorker.url()).host;
  const extensionBaseUrl = `chrome-extension://${extensionId}/`;
  // On install the extension opens its onboarding page in a new tab, which comes to the front
  // whenever it lands: over a page a test or the bench opened just before. A tab behind it is
  // not drawn, and Chromium then gives it one frame a second ("ThrottleUndrawnFrames" in a
  // trace): the bench measured every hover at about 866 ms for that reason alone. The reader
  // has read it: close it before handing the browser over.
  if (freshInstall) {
    const onboarding = `${extensionBaseUrl}onboarding.html`;
    for (const until = Date.now() + 5_000; Date.now() < until; await sleep(50)) {
      const tab = context.pages().find((p) => p.url() === onboarding);
      if (!tab) continue;
      await tab.close();
      break;
    }
  }

  // The ServiceWorker CDP domain exists only on page targets, so status tracking and stopping
  // go through a session on a page we keep for that purpose (the profile's first tab).
  const versions = new Map<string, WorkerRunningStatus>();
  // Times a version of the worker was reported stopped: a stop followed at once by a restart
  // (a content script retrying) can be over between two polls of `versions`.
  let stops = 0;
  let control: { page: Page; cdp: CDPSession } | undefined;
  async function controlSession(): Promise<CDPSession> {
    if (control && !control.page.isClosed()) return control.cdp;
    const page =
      context.pages().find((p) => p.url() === 'about:blank') ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      for (const v of event.versions) {
        if (v.scriptURL.startsWith(extensionBaseUrl)) {
          if (v.runningStatus === 'stopped' && versions.get(v.versionId) !== 'stopped') stops++;
          versions.set(v.versionId, v.runningStatus as WorkerRunningStatus);
        }
      }
    });
    // enable() replays the current versions, so the map is filled before it resolves.
    await cdp.send('ServiceWorker.enable');
    control = { page, cdp };
    return cdp;
  }

  async function workerStatus(): Promise<WorkerRunningStatus> {
    await controlSession();
    const states = [...versions.values()];
    if (states.includes('running')) return 'running';
    return states.at(-1) ?? 'unknown';
  }

  async function waitForStatus(target: WorkerRunningStatus, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await workerStatus()) !== target) {
      if (Date.now() > deadline) {
        throw new Error(
          `service worker not ${target} after ${timeoutMs} ms (is ${await workerStatus()})`,
        );
      }
      await sleep(50);
    }
  }

  async function worker({ timeoutMs = 15_000 } = {}): Promise<Worker> {
    if ((await workerStatus()) !== 'running') {
      const cdp = await controlSession();
      await cdp.send('ServiceWorker.startWorker', { scopeURL: extensionBaseUrl });
      await waitForStatus('running', timeoutMs);
    }
    // Playwright keeps one Worker object per DevTools target, and the target survives a
    // stop/start, so the same object usually talks to the new instance; a new one is taken
    // when Chromium did replace the target.
    const current =
      context.serviceWorkers().find((w) => w.url().startsWith(extensionBaseUrl)) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith(extensionBaseUrl),
        timeout: timeoutMs,
      }));
    // A Worker handle whose instance was stopped hangs on evaluate: prove it answers.
    await Promise.race([
      current.evaluate(() => true),
      sleep(timeoutMs).then(() => {
        throw new Error('service worker does not answer evaluate()');
      }),
    ]);
    return current;
  }

  async function stopServiceWorker({ timeoutMs = 10_000 } = {}): Promise<void> {
    const cdp = await controlSession();
    const before = stops;
    await cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + timeoutMs;
    while (stops === before) {
      if (Date.now() > deadline)
        throw new Error(
          `service worker not stopped after ${timeoutMs} ms (is ${await workerStatus()})`,
        );
      await sleep(20);
    }
  }

  async function extraExtensionId(file: string, { timeoutMs = 15_000 } = {}): Promise<string> {
    const isExtra = (url: string) =>
      url.startsWith('chrome-extension://') && new URL(url).pathname === `/${file}`;
    const found =
      context.serviceWorkers().find((w) => isExtra(w.url())) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => isExtra(w.url()),
        timeout: timeoutMs,
      }));
    return new URL(found.url()).host;
  }

  async function openExtensionPage(path: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(new URL(path.replace(/^\//, ''), extensionBaseUrl).href);
    return page;
  }

  async function waitForContentScript(page: Page, { timeoutMs = 10_000 } = {}): Promise<void> {
    const cdp = await context.newCDPSession(page);
    try {
      const { frameTree } = await cdp.send('Page.getFrameTree');
      const mainFrameId = frameTree.frame.id;
      const found = new Promise<void>((resolveFound) => {
        cdp.on('Runtime.executionContextCreated', ({ context: ctx }) => {
          const aux = ctx.auxData as { type?: string; frameId?: string } | undefined;
          if (
            aux?.type === 'isolated' &&
            aux.frameId === mainFrameId &&
            ctx.origin === extensionBaseUrl.replace(/\/$/, '')
          ) {
            resolveFound();
          }
        });
      });
      // Runtime.enable reports every context that already exists, so a script that ran
      // before this call is still seen.
      await cdp.send('Runtime.enable');
      await Promise.race([
        found,
        sleep(timeoutMs).then(() => {
          throw new Error(`no extension content script in ${page.url()} after ${timeoutMs} ms`);
        }),
      ]);
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }

  // The extension page that sends tab messages; opened on first use, reopened if closed.
  let messenger: Page | undefined;
  async function sendToTab(page: Page, message: unknown, opts: { timeoutMs?: number } = {}) {
    if (!messenger || messenger.isClosed()) messenger = await openExtensionPage(CONTROL_PAGE);
    return sendToTabFrom(messenger, await pageUrl(page), message, opts);
  }

  return {
    context,
    extensionId,
    extensionBaseUrl,
    blockedRequests: proxy.attempts,
    worker,
    workerStatus,
    stopServiceWorker,
    waitForWorkerRunning: ({ timeoutMs = 10_000 } = {}) => waitForStatus('running', timeoutMs),
    newPage: () => context.newPage(),
    extraExtensionId,
    openExtensionPage,
    sendToTab,
    waitForContentScript,
    async close() {
      await context.close().catch(() => undefined);
      await proxy.close();
      if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
