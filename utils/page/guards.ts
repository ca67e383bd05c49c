/**
 * Guards against a page that tries to drive the content script with events of its own making.
 * Everything here runs in the content script's world and trusts nothing the page can forge.
 */

/**
 * Only a person's input counts: events the page makes (`el.click()`, `dispatchEvent`) have
 * `isTrusted === false` and are ignored by the card and the hover logic.
 */
export function isPersonInput(e: Event): boolean {
  return e.isTrusted;
}

/**
 * WXT tears a content script down when a newer copy of it announces itself with a DOM event
 * named `<extension id>:content:wxt:content-script-started` (the id is public: the store id in
 * Chromium, the gecko id in Firefox). A page can send the same event and switch Sourcelight off
 * in its tab. A newer copy only exists when this one's extension context is gone (the extension
 * was reloaded or updated); while `alive()` says otherwise, the event is stopped before WXT's
 * listener on `document` sees it (a capturing listener on `window` runs first).
 */
export function blockForgedRestart(
  win: Window,
  eventName: string,
  alive: () => boolean,
  signal: AbortSignal,
): void {
  win.addEventListener(
    eventName,
    (e) => {
      if (alive()) e.stopImmediatePropagation();
    },
    { capture: true, signal },
  );
}
