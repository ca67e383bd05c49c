/**
 * One AbortSignal per tab and page: work for a tab stops when the tab closes or navigates away.
 */
import { browser } from 'wxt/browser';

export class TabSignals {
  private readonly controllers = new Map<number, { url: string; ctrl: AbortController }>();

  /** The signal for work on `tabId` showing `url`; a new URL aborts the old page's work. */
  signal(tabId: number, url: string): AbortSignal {
    const cur = this.controllers.get(tabId);
    if (cur && cur.url === url && !cur.ctrl.signal.aborted) return cur.ctrl.signal;
    cur?.ctrl.abort();
    const ctrl = new AbortController();
    this.controllers.set(tabId, { url, ctrl });
    return ctrl.signal;
  }

  abort(tabId: number): void {
    this.controllers.get(tabId)?.ctrl.abort();
    this.controllers.delete(tabId);
  }

  listen(): void {
    browser.tabs.onRemoved.addListener((tabId) => this.abort(tabId));
    browser.tabs.onUpdated.addListener((tabId, change) => {
      const cur = this.controllers.get(tabId);
      if (change.url && cur && change.url.split('#')[0] !== cur.url.split('#')[0])
        this.abort(tabId);
    });
  }
}
