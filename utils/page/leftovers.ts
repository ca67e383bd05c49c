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

/** Whether a stylesheet's rules style one of `names` as a highlight. */
function stylesHighlights(sheet: CSSStyleSheet, names: readonly string[]): boolean {
  let text = '';
  try {
    for (const rule of Array.from(sheet.cssRules)) text += rule.cssText;
  } catch {
    return false;
  }
  return names.some((name) => text.includes(`::highlight(${name})`));
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
  for (const style of Array.from(doc.querySelectorAll('style'))) {
    const css = style.textContent ?? '';
    if (traces.highlightNames.some((name) => css.includes(`::highlight(${name})`))) {
      style.remove();
      removed++;
    }
  }
  return removed;
}
