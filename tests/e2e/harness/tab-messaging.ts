/**
 * Messages to a page's content script, sent the way the extension's own pages send them: from
 * an extension page, through `tabs.sendMessage`. A reply proves the content script is running
 * and listening, without touching the page's DOM, in both browsers.
 */
import { evaluateIn, type AnyPage } from './pages.ts';

/** The part of `browser`/`chrome` used inside the extension page. */
interface ExtensionApi {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

/** Errors that only mean "no content script listening yet" (worth a retry). */
const NOT_YET = /Receiving end does not exist|Could not establish connection/i;

/**
 * Sends `message` to the content script of the one tab whose URL is `tabUrl`, from the
 * extension page `controlPage`, retrying while nothing listens yet. Throws when no tab or more
 * than one tab has that URL (give test pages unique URLs, e.g. a query string).
 */
export async function sendToTabFrom(
  controlPage: AnyPage,
  tabUrl: string,
  message: unknown,
  { timeoutMs = 10_000 } = {},
): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const outcome = await evaluateIn(
      controlPage,
      async (arg: { url: string; message: unknown }) => {
        const g = globalThis as unknown as {
          browser?: ExtensionApi;
          chrome?: ExtensionApi;
        };
        const api = g.browser ?? g.chrome;
        if (!api) return { error: 'no extension API in the control page' };
        const tabs = (await api.tabs.query({})).filter((t) => t.url === arg.url);
        if (tabs.length !== 1 || tabs[0]?.id === undefined) {
          return { error: `expected one tab at ${arg.url}, found ${tabs.length}`, fatal: true };
        }
        try {
          return { reply: await api.tabs.sendMessage(tabs[0].id, arg.message) };
        } catch (error) {
          return { error: String((error as Error).message ?? error) };
        }
      },
      { url: tabUrl, message },
    );
    if ('reply' in outcome) return outcome.reply;
    const error = outcome.error ?? 'unknown error';
    if (outcome.fatal || !NOT_YET.test(error) || Date.now() > deadline) {
      throw new Error(`sendToTab(${tabUrl}): ${error}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** URL of the page as the browser's tabs API reports it. */
export async function pageUrl(page: AnyPage): Promise<string> {
  return evaluateIn(page, () => location.href, undefined);
}
