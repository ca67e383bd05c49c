/**
 * Styles for the card's shadow root (the page-level highlights' are in highlights.ts, re-exported
 * here). Pixel units only: a page's `html { font-size }` reaches rem/em through the shadow
 * boundary, px it cannot. Every inherited property is set on the card root so nothing of the
 * page's text styling leaks in.
 */
import { sheet } from './sheet.ts';
import { AVATAR_COLORS, AVATAR_TEXT, DARK, LIGHT, themeVars } from './theme.ts';

/** The system font stack shared by the card and the popup. */
export const FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"';

/**
 * Inherited text properties pinned to known values. Shared with the popup so both start from
 * the same baseline whatever the surrounding document says.
 */
export const TEXT_RESET = sheet`
  font-family: ${FONT_STACK};
  font-size: 14px;
  line-height: 20px;
  font-weight: 400;
  font-style: normal;
  font-variant: normal;
  font-stretch: normal;
  font-kerning: auto;
  font-feature-settings: normal;
  font-variation-settings: normal;
  font-size-adjust: none;
  letter-spacing: normal;
  word-spacing: normal;
  text-transform: none;
  text-align: start;
  text-indent: 0;
  text-decoration: none;
  text-shadow: none;
  text-rendering: auto;
  white-space: normal;
  word-break: normal;
  overflow-wrap: break-word;
  hyphens: manual;
  tab-size: 8;
  direction: ltr;
  writing-mode: horizontal-tb;
  quotes: auto;
  list-style: none;
  visibility: visible;
  cursor: auto;
  pointer-events: auto;
  user-select: text;
  -webkit-font-smoothing: antialiased;
`;

const avatarRules = AVATAR_COLORS.map(
  (color, i) => `.sl-avatar--${i} { background-color: ${color}; }`,
).join('\n');

/** Selectors that force a theme regardless of the OS setting. */
const forced = (theme: 'light' | 'dark'): string =>
  [
    `:host([data-theme="${theme}"]) .sl-card`,
    `[data-theme="${theme}"] .sl-card`,
    `.sl-card[data-theme="${theme}"]`,
  ].join(',\n');

/** The stylesheet for the shadow root that hosts `SourceCard`. */
export const CARD_CSS = sheet`
:host { all: initial; }
/* The host's isolation lives here rather than in its style attribute: important declarations
   of a shadow tree beat the page's, even the page's !important ones, and an inline
   \`all: initial !important\` would pin line-height and letter/word spacing inline, which
   blocks text-spacing overrides (axe: avoid-inline-spacing, WCAG 1.4.12). */
:host {
  all: initial !important;
  position: fixed !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  display: block !important;
  z-index: 2147483647 !important;
  pointer-events: none !important;
  contain: none !important;
}

.sl-card, .sl-card *, .sl-card *::before, .sl-card *::after { box-sizing: border-box; }
.sl-card * { margin: 0; padding: 0; }

.sl-card {
  ${themeVars(LIGHT)}
  color-scheme: light;
  ${TEXT_RESET}
  display: flex;
  flex-direction: column;
  position: relative;
  width: max-content;
  min-width: 260px;
  max-width: min(400px, calc(100vw - 16px));
  /* The overlay narrows this to the room next to the sentence (utils/page/place.ts). */
  max-height: min(60vh, var(--sl-max-height, 60vh));
  overflow: hidden;
  margin: 0;
  padding: 0;
  color: var(--sl-text);
  background-color: var(--sl-bg);
  border: 1px solid var(--sl-border);
  border-radius: 8px;
  box-shadow: 0 1px 2px rgba(16, 24, 40, 0.08), 0 8px 24px rgba(16, 24, 40, 0.14);
}
@media (prefers-color-scheme: dark) {
  .sl-card {
    ${themeVars(DARK)}
    color-scheme: dark;
    box-shadow: 0 1px 2px rgba(0, 0, 0, 0.4), 0 8px 24px rgba(0, 0, 0, 0.45);
  }
}
${forced('light')} {
  ${themeVars(LIGHT)}
  color-scheme: light;
  box-shadow: 0 1px 2px rgba(16, 24, 40, 0.08), 0 8px 24px rgba(16, 24, 40, 0.14);
}
${forced('dark')} {
  ${themeVars(DARK)}
  color-scheme: dark;
  box-shadow: 0 1px 2px rgba(0, 0, 0, 0.4), 0 8px 24px rgba(0, 0, 0, 0.45);
}

/* Layout: a fixed top and footer around a scrolling list. */
.sl-top { flex: none; padding: 12px 14px 10px; }
.sl-card--sourced .sl-top { padding-bottom: 8px; border-bottom: 1px solid var(--sl-border); }
.sl-body {
  flex: 1 1 auto;
  min-height: 0;
  overflow-y: auto;
  overscroll-behavior: contain;
  padding: 0 14px;
}

/* Header: favicon stack, count, close. */
.sl-header { display: flex; align-items: center; gap: 8px; min-height: 24px; }
.sl-heading { font-size: 13px; line-height: 18px; font-weight: 600; color: var(--sl-text); }
.sl-stack { display: inline-flex; align-items: center; flex: none; }
.sl-stack > .sl-fav + .sl-fav { margin-left: -3px; }
.sl-stack > .sl-fav { box-shadow: 0 0 0 2px var(--sl-bg); }
.sl-header-actions { margin-left: auto; display: inline-flex; align-items: center; gap: 4px; }
.sl-sentence {
  margin-top: 6px;
  font-size: 12px;
  line-height: 17px;
  font-style: italic;
  color: var(--sl-muted);
  display: -webkit-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 2;
  overflow: hidden;
}

/* Favicons and letter avatars. */
.sl-fav {
  display: inline-block;
  flex: none;
  width: 16px;
  height: 16px;
  border-radius: 4px;
  object-fit: contain;
  background-color: var(--sl-bg);
}
.sl-avatar {
  color: ${AVATAR_TEXT};
  font-size: 10px;
  line-height: 16px;
  font-weight: 700;
  text-align: center;
  text-transform: uppercase;
  user-select: none;
}
${avatarRules}

/* Sources. */
.sl-list { list-style: none; }
.sl-source { padding: 10px 0; }
.sl-source + .sl-source { border-top: 1px solid var(--sl-border); }
.sl-meta {
  display: flex;
  align-items: center;
  gap: 6px;
  min-width: 0;
  font-size: 12px;
  line-height: 16px;
  color: var(--sl-muted);
}
.sl-site {
  font-size: 11px;
  line-height: 16px;
  font-weight: 600;
  letter-spacing: 0.4px;
  text-transform: uppercase;
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
  min-width: 0;
}
.sl-date { white-space: nowrap; flex: none; }
.sl-date::before { content: "·"; margin-right: 6px; }
.sl-badge {
  margin-left: auto;
  flex: none;
  display: inline-flex;
  align-items: center;
  gap: 3px;
  padding: 0 7px;
  border: 1px solid transparent;
  border-radius: 999px;
  font-size: 11px;
  line-height: 16px;
  font-weight: 600;
  letter-spacing: 0.2px;
  white-space: nowrap;
}
.sl-badge svg { width: 11px; height: 11px; flex: none; }
.sl-badge--supports { color: var(--sl-supportsFg); background-color: var(--sl-supportsBg); }
.sl-badge--partly { color: var(--sl-partlyFg); background-color: var(--sl-partlyBg); }
.sl-badge--related { color: var(--sl-relatedFg); background-color: var(--sl-relatedBg); }
.sl-badge--numbers-differ {
  color: var(--sl-numbersFg);
  background-color: var(--sl-numbersBg);
  border-color: var(--sl-numbersBorder);
}
.sl-title {
  margin-top: 4px;
  font-size: 14px;
  line-height: 20px;
  font-weight: 600;
  color: var(--sl-text);
  display: -webkit-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 2;
  overflow: hidden;
}
.sl-quote {
  margin-top: 6px;
  padding: 6px 10px;
  border-left: 3px solid var(--sl-quoteBorder);
  border-radius: 0 6px 6px 0;
  background-color: var(--sl-surface);
  color: var(--sl-text);
  font-size: 13px;
  line-height: 19px;
}
/* The tooltip is a glance: long passages are cut; the pinned card shows them whole. The cut is
   on the inner text, not on the padded box: clipped at its padding edge, the box would show the
   top of the fifth line in its bottom padding. */
.sl-quote-text { display: block; }
.sl-card--tooltip .sl-quote-text {
  display: -webkit-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 4;
  overflow: hidden;
}
.sl-source--numbers-differ .sl-quote { border-left-color: var(--sl-numbersBorder); }
.sl-quote mark {
  color: var(--sl-markText);
  background-color: var(--sl-markBg);
  border-radius: 2px;
  padding: 0 1px;
  font-weight: 600;
}
.sl-source-foot { display: flex; align-items: center; gap: 8px; margin-top: 6px; }
.sl-copies { font-size: 12px; line-height: 16px; color: var(--sl-muted); }

/* Links and buttons. */
.sl-link {
  display: inline-flex;
  align-items: center;
  gap: 4px;
  color: var(--sl-accent);
  font-size: 13px;
  line-height: 18px;
  font-weight: 500;
  text-decoration: none;
  border-radius: 4px;
}
.sl-link:hover { text-decoration: underline; text-underline-offset: 2px; }
.sl-link svg { width: 12px; height: 12px; flex: none; }
.sl-button {
  appearance: none;
  display: inline-flex;
  align-items: center;
  gap: 4px;
  font: inherit;
  font-size: 12px;
  line-height: 16px;
  font-weight: 500;
  color: var(--sl-accent);
  background: none;
  border: 0;
  border-radius: 6px;
  padding: 4px 6px;
  cursor: pointer;
}
.sl-button:hover { background-color: var(--sl-surface); }
.sl-button svg { width: 12px; height: 12px; flex: none; }
.sl-close {
  width: 28px;
  height: 28px;
  justify-content: center;
  padding: 0;
  color: var(--sl-muted);
}
.sl-close svg { width: 14px; height: 14px; }
.sl-close:hover { color: var(--sl-text); }
.sl-link:focus-visible, .sl-button:focus-visible, .sl-card:focus-visible {
  outline: 2px solid var(--sl-focus);
  outline-offset: 2px;
}
.sl-link:focus:not(:focus-visible), .sl-button:focus:not(:focus-visible) { outline: none; }

.sl-footer {
  flex: none;
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 8px;
  padding: 6px 8px;
  border-top: 1px solid var(--sl-border);
}
.sl-footer .sl-button:only-child { margin-left: auto; }
.sl-copy-status { font-size: 12px; line-height: 16px; color: var(--sl-muted); min-width: 0; }
.sl-copy-buttons { display: flex; gap: 4px; margin-inline-start: auto; }
.sl-button:disabled { color: var(--sl-muted); cursor: default; }
.sl-wrong { margin-inline-start: auto; color: var(--sl-muted); }
.sl-source--flagged .sl-title, .sl-source--flagged .sl-quote { color: var(--sl-muted); }
.sl-source--flagged .sl-quote mark { color: var(--sl-muted); background-color: transparent; }
.sl-flagged-note { margin-top: 4px; font-size: 12px; line-height: 16px; color: var(--sl-muted); }

/* States. */
.sl-state-title { font-size: 14px; line-height: 20px; font-weight: 600; color: var(--sl-text); }
.sl-state-title--error { color: var(--sl-errorFg); }
.sl-state-body { margin-top: 2px; font-size: 13px; line-height: 19px; color: var(--sl-muted); }
.sl-status { font-size: 13px; line-height: 18px; color: var(--sl-muted); }
.sl-skeleton { margin-top: 12px; display: grid; gap: 8px; }
.sl-skeleton-line {
  display: block;
  height: 10px;
  border-radius: 5px;
  background-color: var(--sl-skeleton);
  animation: sl-pulse 1.6s ease-in-out infinite;
}
.sl-skeleton-line:nth-child(1) { width: 38%; }
.sl-skeleton-line:nth-child(2) { width: 92%; }
.sl-skeleton-line:nth-child(3) { width: 76%; }
@keyframes sl-pulse { 0%, 100% { opacity: 1; } 50% { opacity: 0.5; } }

.sl-visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}

@media (prefers-reduced-motion: reduce) {
  .sl-card, .sl-card * { transition: none; animation: none; }
}
@media (forced-colors: active) {
  .sl-card { border: 1px solid CanvasText; }
  .sl-badge { border-color: CanvasText; }
  .sl-quote mark { forced-color-adjust: none; color: HighlightText; background-color: Highlight; }
}
`;

export { HIGHLIGHT_CSS, HIGHLIGHT_NAMES } from './highlights.ts';
