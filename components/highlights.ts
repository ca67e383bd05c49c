/**
 * The page-level styles of the highlights, apart from the card's styles: the document_start
 * script (entrypoints/highlight-sheet.content.ts) needs only these, and importing the card's
 * stylesheet module would build its text there for nothing.
 */
import { sheet } from './sheet.ts';

/** Names under which the content script registers its CSS Custom Highlights. */
export const HIGHLIGHT_NAMES = {
  /** Every sentence found; for hit-testing only, never visible. */
  sentence: 'sourcelight-sentence',
  /** Sentences with at least one backing source. */
  sourced: 'sourcelight-sourced',
  /** Sentences whose best source gives different numbers. */
  numbersDiffer: 'sourcelight-numbers-differ',
  /** The sentence the open card is about. */
  active: 'sourcelight-active',
  /** Checked sentences without a source, underlined only when the reader opts in. */
  unsourced: 'sourcelight-unsourced',
} as const;

/**
 * The page-level stylesheet for the highlights. `::highlight()` only honours colour,
 * background, text-decoration and text-shadow, so nothing here can shift the page's layout.
 * Colours are mixed with transparency so they sit on light and dark pages alike.
 */
export const HIGHLIGHT_CSS = sheet`
/* ::highlight(${HIGHLIGHT_NAMES.sentence}) is deliberately unstyled: it only marks ranges. */
::highlight(${HIGHLIGHT_NAMES.sourced}) {
  text-decoration: underline dotted 1px color-mix(in srgb, #2f6fd6 70%, transparent);
  text-underline-offset: 3px;
}
::highlight(${HIGHLIGHT_NAMES.numbersDiffer}) {
  text-decoration: underline wavy 1px color-mix(in srgb, #d98512 85%, transparent);
  text-underline-offset: 3px;
}
::highlight(${HIGHLIGHT_NAMES.unsourced}) {
  text-decoration: underline dashed 1px color-mix(in srgb, currentColor 45%, transparent);
  text-underline-offset: 3px;
}
::highlight(${HIGHLIGHT_NAMES.active}) {
  background-color: color-mix(in srgb, #f2c230 26%, transparent);
}
@media (forced-colors: active) {
  ::highlight(${HIGHLIGHT_NAMES.sourced}) { text-decoration-color: LinkText; }
  ::highlight(${HIGHLIGHT_NAMES.numbersDiffer}) { text-decoration-color: LinkText; }
  ::highlight(${HIGHLIGHT_NAMES.unsourced}) { text-decoration-color: CanvasText; }
  ::highlight(${HIGHLIGHT_NAMES.active}) { background-color: Highlight; color: HighlightText; }
}
`;
