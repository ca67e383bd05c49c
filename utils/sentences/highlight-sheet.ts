/**
 * The page-level stylesheet of the highlights: one per document, shared by this extension's
 * content scripts (they run in one world per frame, so they share `globalThis`; the page never
 * sees it).
 *
 * Why it is shared and adopted early: a stylesheet with `::highlight()` rules makes Chromium
 * recompute the style of every element of the page when it is adopted, and again when it is
 * removed — measured in Chromium 156 on a page of 20,000 paragraphs: 71 ms for the forced
 * recalculation after adopting it, 60 ms after removing it, a long task on the reader's machine.
 * So the early script (entrypoints/highlight-sheet.content.ts) adopts it at `document_start`,
 * while the document is still nearly empty, on sites where Sourcelight is on; the marks then
 * reuse that sheet. Taking the very same sheet object out and putting it back in one task costs
 * nothing (0.1 ms, same page), which keeps a restart (a single-page-app navigation) cheap too.
 */

const KEY = Symbol.for('sourcelight.highlight-sheet');

interface Slot {
  sheet: CSSStyleSheet;
  css: string;
}

interface Store {
  /** The sheet made for each document. */
  sheets: WeakMap<Document, Slot>;
  /** Documents whose marks have claimed the sheet: a late early script leaves them alone. */
  claimed: WeakSet<Document>;
}

function store(): Store {
  const g = globalThis as { [KEY]?: Store };
  return (g[KEY] ??= { sheets: new WeakMap(), claimed: new WeakSet() });
}

function sheetFor(doc: Document, css: string): CSSStyleSheet {
  const s = store();
  const slot = s.sheets.get(doc);
  if (slot && slot.css === css) return slot.sheet;
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const Ctor = win?.CSSStyleSheet ?? CSSStyleSheet;
  const sheet = new Ctor();
  sheet.replaceSync(css);
  s.sheets.set(doc, { sheet, css });
  return sheet;
}

function adopt(doc: Document, sheet: CSSStyleSheet): void {
  if (!doc.adoptedStyleSheets.includes(sheet))
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

/**
 * For the early script: adopt the sheet now, unless the marks already claimed it. Returns
 * whether the sheet is in the page afterwards; false (and nothing changed) where the browser
 * refuses it (Firefox content scripts cannot always adopt across the Xray boundary).
 */
export function adoptEarly(doc: Document, css: string): boolean {
  if (store().claimed.has(doc)) return false;
  try {
    adopt(doc, sheetFor(doc, css));
    return true;
  } catch {
    return false;
  }
}

/**
 * For the marks: the document's sheet (the early one when it was adopted), now in the page.
 * Throws where the browser refuses to adopt it; the caller falls back to a `<style>` element.
 */
export function claimSheet(doc: Document, css: string): CSSStyleSheet {
  store().claimed.add(doc);
  const sheet = sheetFor(doc, css);
  adopt(doc, sheet);
  return sheet;
}

/** Take the sheet out of the page; it is kept for the next `claimSheet` on this document. */
export function releaseSheet(doc: Document, sheet: CSSStyleSheet): void {
  if (doc.adoptedStyleSheets.includes(sheet))
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
}

/** Whether `sheet` is this copy of the extension's own (not an orphan's: see leftovers.ts). */
export function isOwnSheet(doc: Document, sheet: CSSStyleSheet): boolean {
  return store().sheets.get(doc)?.sheet === sheet;
}
