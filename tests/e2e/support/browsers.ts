/**
 * One suite, both browsers: `inBothBrowsers(cases)` defines a `Chromium` and a `Firefox`
 * describe block, each launching its browser with the built test extension, and calls `cases`
 * inside each with a driver for the few operations whose spelling differs between Playwright
 * (Chromium) and Puppeteer over WebDriver BiDi (Firefox).
 */
import { afterAll, beforeAll, describe } from 'vitest';
import {
  launchChromium,
  launchFirefox,
  TEST_BUILD_DIRS,
  type AnyPage,
  type ChromiumSession,
  type FirefoxSession,
} from '../harness/index.ts';

export type BrowserName = 'chromium' | 'firefox';

/** What a two-browser suite needs from a session. */
export interface BrowserDriver {
  name: BrowserName;
  /** What `browser.runtime.id` says in the content script (Chromium id / gecko id). */
  runtimeId(): string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/` */
  baseUrl(): string;
  /** The unpacked build the browser loaded. */
  buildDir: string;
  /** A new tab, 1200 × 900. */
  newPage(): Promise<AnyPage>;
  goto(page: AnyPage, url: string): Promise<void>;
  /** Opens one of the extension's own pages (same origin, so same storage, as its background). */
  openExtensionPage(path: string): Promise<AnyPage>;
  /** Requests that tried to leave 127.0.0.1 (refused by the harness proxy). */
  blockedRequests(): string[];
}

/** Defines the Chromium and the Firefox run of `cases`; the driver is live inside the tests. */
export function inBothBrowsers(
  cases: (name: BrowserName, driver: () => BrowserDriver) => void,
): void {
  describe('Chromium', () => {
    let session: ChromiumSession;
    const driver: BrowserDriver = {
      name: 'chromium',
      runtimeId: () => session.extensionId,
      baseUrl: () => session.extensionBaseUrl,
      buildDir: TEST_BUILD_DIRS.chrome,
      newPage: async () => {
        const page = await session.newPage();
        await page.setViewportSize({ width: 1200, height: 900 });
        return page;
      },
      goto: async (page, url) => {
        await (page as import('playwright-core').Page).goto(url);
      },
      openExtensionPage: (path) => session.openExtensionPage(path),
      blockedRequests: () => session.blockedRequests,
    };
    beforeAll(async () => {
      session = await launchChromium({ extensionDir: TEST_BUILD_DIRS.chrome });
    });
    afterAll(async () => {
      await session?.close();
    });
    cases('chromium', () => driver);
  });

  describe('Firefox', () => {
    let session: FirefoxSession;
    const driver: BrowserDriver = {
      name: 'firefox',
      runtimeId: () => session.extensionId,
      baseUrl: () => session.extensionBaseUrl,
      buildDir: TEST_BUILD_DIRS.firefox,
      newPage: async () => {
        const page = await session.newPage();
        await page.setViewport({ width: 1200, height: 900 });
        return page;
      },
      goto: async (page, url) => {
        await (page as import('puppeteer-core').Page).goto(url);
      },
      openExtensionPage: (path) => session.openExtensionPage(path),
      blockedRequests: () => session.blockedRequests,
    };
    beforeAll(async () => {
      session = await launchFirefox({ extensionDir: TEST_BUILD_DIRS.firefox });
    });
    afterAll(async () => {
      await session?.close();
    });
    cases('firefox', () => driver);
  });
}
