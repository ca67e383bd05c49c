/**
 * Clears what an earlier copy of this content script left in the page when it could not clear
 * it itself. Firefox (measured on 153 ESR) nukes a content script's sandbox when its add-on is
 * disabled, uninstalled or updated, without running any of the script's code: its marks (the
 * registered highlights), its UI host and its adopted stylesheet stay in the page. When the add-on
 * is enabled again, Firefox injects a fresh copy into the open tab; that copy calls this before
 * it marks anything, so the page ends with one set of marks, one UI host and one stylesheet.
 * (Chromium lets the orphan run and it clears the page itself: see entrypoints/content.ts.)
 */

import { isOwnSheet } from '../sentences/highlight-sheet';

/** What identifies this extension's traces in a page. */
export interface Traces {
  /** The tag of the UI host element, e.g. `sourcelight-ui`. */
  hostTag: string;
  /** The names of the highlights it registers. */
  highlightNames: readonly string[];
}

/** The parts of `CSS.highlights` this needs. */
interface HighlightRegistryLike {
  has(name: string): boolean;
  delete(name: string): boolean;
}

/**
 * Our highlight sheet is a few dozen rules and a few kilobytes. A sheet larger than this is the
 * page's, even when it styles our highlight names: it is neither read nor removed.
 */
const MAX_OWN_RULES = 64;
const MAX_OWN_CHARS = 16_384;

/** Whether a stylesheet's rules style one of `names` as a highlight. */
function stylesHighlights(sheet: CSSStyleSheet, names: readonly string[]): boolean {
  let text = '';
  try {
    const rules = sheet.cssRules;
    if (rules.length > MAX_OWN_RULES) return false;
    for (const rule of Array.from(rules)) text += rule.cssText;
  } catch {
    return false;
  }
  return names.some((name) => text.includes(`::highlight(${name})`));
}

/**
 * The `<style>` elements where our fallback puts its sheet (utils/sentences/marks.ts appends it
 * to `<head>`, or to `<html>` without one): their children only, not a walk of the whole page.
 */
function fallbackStyles(doc: Document): HTMLStyleElement[] {
  const out: HTMLStyleElement[] = [];
  for (const parent of [doc.head, doc.documentElement]) {
    if (!parent) continue;
    for (const el of Array.from(parent.children)) {
      if (el.localName === 'style') out.push(el as HTMLStyleElement);
    }
  }
  return out;
}

/**
 * Removes earlier UI hosts, highlights and highlight stylesheets (adopted or `<style>`) of this
 * extension from `doc`. Returns how many traces were removed (0 on a page seen for the first time).
 */
export function clearLeftovers(
  doc: Document,
  traces: Traces,
  registry: HighlightRegistryLike | undefined = (
    globalThis as { CSS?: { highlights?: HighlightRegistryLike } }
  ).CSS?.highlights,
): number {
  let removed = 0;
  for (const host of Array.from(doc.getElementsByTagName(traces.hostTag))) {
    host.remove();
    removed++;
  }
  for (const name of traces.highlightNames) {
    if (registry?.has(name)) {
      registry.delete(name);
      removed++;
    }
  }
  const adopted = doc.adoptedStyleSheets ?? [];
  // This copy's own sheet, adopted at document_start by the early script, is no leftover.
  const kept = adopted.filter(
    (sheet) => isOwnSheet(doc, sheet) || !stylesHighlights(sheet, traces.highlightNames),
  );
  if (kept.length !== adopted.length) {
    removed += adopted.length - kept.length;
    doc.adoptedStyleSheets = kept;
  }
  for (const style of fallbackStyles(doc)) {
    const css = style.textContent ?? '';
    if (css.length > MAX_OWN_CHARS) continue;
    if (traces.highlightNames.some((name) => css.includes(`::highlight(${name})`))) {
      style.remove();
      removed++;
    }
  }
  return removed;
}
