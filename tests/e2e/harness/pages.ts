/**
 * The few page operations the harness needs from both drivers: Playwright pages (Chromium) and
 * Puppeteer pages (Firefox) have the same shape for these, but TypeScript cannot call a union of
 * their generic signatures, so they are narrowed here once.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';

/** A page from either driver. */
export type AnyPage = PlaywrightPage | PuppeteerPage;

function isPlaywright(page: AnyPage): page is PlaywrightPage {
  return 'addInitScript' in page;
}

/**
 * Source of an expression that calls `fn(arg)` in the page. Going through a string lets us
 * define `__name`: esbuild-based runners (tsx) wrap named inner functions in `__name(...)`
 * calls, which would throw a ReferenceError in the page where that helper does not exist.
 */
function callSource<A>(fn: (arg: A) => unknown, arg: A): string {
  const json = arg === undefined ? 'undefined' : JSON.stringify(arg);
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${json}); })()`;
}

/** Runs a function in the page's main world; `arg` and the result must be JSON-serialisable. */
export async function evaluateIn<R, A>(
  page: AnyPage,
  fn: (arg: A) => R | Promise<R>,
  arg: A,
): Promise<R> {
  // Both drivers evaluate a string as an expression and await a promise result.
  const loose = page as unknown as { evaluate(source: string): Promise<unknown> };
  return (await loose.evaluate(callSource(fn, arg))) as R;
}

/** Registers a script that runs in every new document of this page before the page's own scripts. */
export async function addInitScriptTo<A>(
  page: AnyPage,
  fn: (arg: A) => void,
  arg: A,
): Promise<void> {
  const source = callSource(fn, arg);
  if (isPlaywright(page)) await page.addInitScript(source);
  else await page.evaluateOnNewDocument(source);
}

/** Console messages of a page, collected from the moment this is called (content scripts included). */
export interface ConsoleLog {
  messages: string[];
  /** Resolves with the first message (already seen or future) matching `pattern`. */
  waitFor(pattern: RegExp | string, timeoutMs?: number): Promise<string>;
}

/** Starts collecting console messages; call before navigating. */
export function collectConsole(page: AnyPage): ConsoleLog {
  const messages: string[] = [];
  const waiters = new Set<(text: string) => void>();
  const onMessage = (message: { text(): string }) => {
    const text = message.text();
    messages.push(text);
    for (const waiter of waiters) waiter(text);
  };
  (page as { on(event: 'console', cb: (m: { text(): string }) => void): unknown }).on(
    'console',
    onMessage,
  );
  const matches = (pattern: RegExp | string, text: string) =>
    typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
  return {
    messages,
    waitFor(pattern, timeoutMs = 10_000) {
      const seen = messages.find((text) => matches(pattern, text));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `no console message matching ${String(pattern)} in ${timeoutMs} ms; saw: ${JSON.stringify(messages)}`,
            ),
          );
        }, timeoutMs);
        const waiter = (text: string) => {
          if (!matches(pattern, text)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(text);
        };
        waiters.add(waiter);
      });
    },
  };
}
