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

/** Runs a serialisable function in the page's main world and returns its result. */
export async function evaluateIn<R, A>(
  page: AnyPage,
  fn: (arg: A) => R | Promise<R>,
  arg: A,
): Promise<R> {
  // Both drivers serialise `fn` and `arg`; their generic typings differ, so call them loosely.
  const loose = page as unknown as { evaluate(f: unknown, a: unknown): Promise<unknown> };
  return (await loose.evaluate(fn, arg)) as R;
}

/** Registers a script that runs in every new document of this page before the page's own scripts. */
export async function addInitScriptTo<A>(
  page: AnyPage,
  fn: (arg: A) => void,
  arg: A,
): Promise<void> {
  const loose = page as unknown as {
    addInitScript?(f: unknown, a: unknown): Promise<void>;
    evaluateOnNewDocument(f: unknown, a: unknown): Promise<unknown>;
  };
  if (isPlaywright(page)) await loose.addInitScript?.(fn, arg);
  else await loose.evaluateOnNewDocument(fn, arg);
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
