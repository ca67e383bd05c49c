/**
 * The options and onboarding pages' stylesheet: the popup's theme, fonts and switch, plus a calm
 * single-column layout that holds from 400 to 900 px wide (Chrome embeds options at ~400).
 */
import type { ThemeChoice } from '../utils/settings/index.ts';
import { sheet } from './sheet.ts';
import { POPUP_CSS } from './popup-styles.ts';
import { FONT_STACK } from './styles.ts';

export const OPTIONS_CSS = sheet`${POPUP_CSS}
.sl-options {
  max-width: 760px;
  margin: 0 auto;
  padding: 20px 20px 40px;
  font-family: ${FONT_STACK};
  font-size: 14px;
  line-height: 20px;
  color: var(--sl-text);
}
.sl-options p, .sl-options h1, .sl-options h2, .sl-options h3, .sl-options ul {
  margin: 0;
  padding: 0;
}
.sl-options .sl-popup-title { font-size: 18px; line-height: 24px; }
.sl-options .sl-popup-header { margin-bottom: 4px; }
.sl-opt-lead { margin-top: 12px; font-size: 15px; line-height: 22px; }

.sl-opt-section {
  margin-top: 20px;
  padding: 16px;
  border: 1px solid var(--sl-border);
  border-radius: 10px;
}
.sl-opt-h2 { font-size: 15px; line-height: 20px; font-weight: 650; }
.sl-opt-h3 { margin-top: 16px; font-size: 13px; line-height: 18px; font-weight: 600; }
.sl-opt-intro { margin-top: 6px; font-size: 13px; line-height: 19px; color: var(--sl-muted); }
.sl-opt-empty { margin-top: 6px; font-size: 13px; color: var(--sl-muted); }
/* Content straight under a heading (no intro line) still gets room to breathe. */
.sl-opt-section > .sl-field, .sl-opt-section > .sl-check-line { margin-top: 12px; }
.sl-opt-section > .sl-opt-intro + .sl-opt-intro { margin-top: 12px; }

.sl-provider {
  margin-top: 12px;
  border: 1px solid var(--sl-border);
  border-radius: 8px;
}
.sl-provider .sl-switch-row { padding: 10px 12px; align-items: flex-start; }
.sl-provider .sl-switch { margin-top: 2px; }
.sl-opt-switch-label { flex: 1; min-width: 0; cursor: pointer; }
.sl-provider-name { display: block; font-weight: 600; }
.sl-provider-sends { display: block; font-size: 13px; line-height: 18px; color: var(--sl-muted); }
.sl-provider-note {
  margin: 0 12px 8px;
  padding: 6px 10px;
  border-radius: 6px;
  background-color: var(--sl-surface);
  font-size: 13px;
  line-height: 18px;
}
.sl-provider-fields {
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
  gap: 10px 14px;
  padding: 4px 12px 4px;
}
.sl-provider .sl-check-row { padding: 8px 12px 12px; }

.sl-field { display: flex; flex-direction: column; gap: 4px; min-width: 0; }
.sl-field-label { font-size: 13px; line-height: 18px; font-weight: 600; }
.sl-field-hint { font-size: 12px; line-height: 16px; color: var(--sl-muted); }
.sl-field-error { font-size: 12px; line-height: 16px; color: var(--sl-errorFg); font-weight: 600; }
.sl-input {
  width: 100%;
  min-width: 0;
  height: 32px;
  padding: 4px 8px;
  border: 1px solid var(--sl-trackOff);
  border-radius: 6px;
  background-color: var(--sl-bg);
  color: var(--sl-text);
  font: inherit;
  font-size: 14px;
}
.sl-input::placeholder { color: var(--sl-muted); opacity: 1; }
.sl-input[aria-invalid="true"] { border-color: var(--sl-errorFg); border-width: 2px; }
.sl-input:focus-visible { outline: 2px solid var(--sl-focus); outline-offset: 1px; }

.sl-button {
  display: inline-flex;
  align-items: center;
  height: 32px;
  padding: 0 14px;
  border: 1px solid var(--sl-accent);
  border-radius: 6px;
  background-color: var(--sl-accent);
  color: var(--sl-bg);
  font: inherit;
  font-size: 13px;
  font-weight: 600;
  cursor: pointer;
  white-space: nowrap;
}
.sl-button--quiet { background-color: var(--sl-bg); color: var(--sl-accent); }
.sl-button:disabled { opacity: 0.6; cursor: default; }
.sl-button:focus-visible { outline: 2px solid var(--sl-focus); outline-offset: 2px; }

.sl-check-row {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 8px 12px;
  margin-top: 12px;
}
.sl-check { font-size: 13px; line-height: 18px; min-width: 0; }
.sl-check--ok { color: var(--sl-supportsFg); font-weight: 600; }
.sl-check--bad { color: var(--sl-errorFg); font-weight: 600; }
.sl-opt-section > .sl-check { margin-top: 10px; }

.sl-inline-form { display: flex; align-items: flex-start; flex-wrap: wrap; gap: 8px; margin-top: 12px; }
.sl-inline-form .sl-field { flex: 1 1 220px; }
/* Level with the input, below its label, whether or not an error line follows the input. */
.sl-inline-form .sl-button { margin-top: 22px; }

.sl-site-list { list-style: none; margin-top: 6px; }
.sl-site {
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 12px;
  padding: 6px 0;
  border-top: 1px solid var(--sl-border);
}
.sl-site:first-child { border-top: 0; }
.sl-site-host { overflow-wrap: anywhere; }

.sl-choices { margin: 16px 0 0; padding: 0; border: 0; min-width: 0; }
.sl-choices legend { padding: 0; font-size: 13px; line-height: 18px; font-weight: 600; }
.sl-choice { display: flex; align-items: center; gap: 8px; margin-top: 6px; }
.sl-choice input { width: 16px; height: 16px; margin: 0; accent-color: var(--sl-accent); }
.sl-choice input:focus-visible { outline: 2px solid var(--sl-focus); outline-offset: 2px; }
.sl-check-line { display: flex; align-items: center; gap: 8px; margin-top: 12px; }
.sl-check-line--hint { align-items: flex-start; }
.sl-check-line--hint .sl-checkbox { margin-top: 2px; }
.sl-check-line .sl-hint { display: block; }
.sl-checkbox { width: 16px; height: 16px; margin: 0; flex: none; accent-color: var(--sl-accent); }
.sl-checkbox:focus-visible { outline: 2px solid var(--sl-focus); outline-offset: 2px; }

/* The file input stays focusable but invisible; its label is the visible button. */
.sl-file {
  position: absolute;
  width: 1px;
  height: 1px;
  opacity: 0;
  overflow: hidden;
}
.sl-file:focus-visible + .sl-file-label { outline: 2px solid var(--sl-focus); outline-offset: 2px; }

.sl-options .sl-ob-list { margin-top: 8px; padding-left: 20px; }
.sl-ob-list li + li { margin-top: 6px; }
.sl-consent-list { list-style: none; margin-top: 10px; }
.sl-consent {
  display: flex;
  align-items: flex-start;
  gap: 10px;
  padding: 8px 0;
  border-top: 1px solid var(--sl-border);
}
.sl-consent:first-child { border-top: 0; }
.sl-consent .sl-checkbox { margin-top: 2px; }
.sl-consent-label { cursor: pointer; }
.sl-consent .sl-checkbox:disabled + div .sl-consent-label { color: var(--sl-muted); cursor: default; }

@media (max-width: 480px) {
  .sl-options { padding: 14px 12px 28px; }
  .sl-opt-section { padding: 12px; }
}
@media (forced-colors: active) {
  .sl-button { border: 1px solid ButtonText; }
}
`;

/**
 * Applies the reader's theme to an extension page: `data-theme` on the root element wins over
 * the system's colour scheme in the popup's CSS; without one, the system decides.
 */
export function applyTheme(root: HTMLElement, theme: ThemeChoice | undefined): void {
  if (theme) root.dataset.theme = theme;
  else delete root.dataset.theme;
}
