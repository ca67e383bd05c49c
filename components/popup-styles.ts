/** The popup page's stylesheet. An extension page has no host page CSS, but px keeps it uniform. */
import { sheet } from './sheet.ts';
import { FONT_STACK, TEXT_RESET } from './styles.ts';
import { DARK, LIGHT, themeVars } from './theme.ts';

/** CSS for the toolbar popup; themes follow the OS unless `data-theme` is set on <html>. */
export const POPUP_CSS = sheet`
:root { ${themeVars(LIGHT)} color-scheme: light; }
@media (prefers-color-scheme: dark) {
  :root { ${themeVars(DARK)} color-scheme: dark; }
}
:root[data-theme="light"] { ${themeVars(LIGHT)} color-scheme: light; }
:root[data-theme="dark"] { ${themeVars(DARK)} color-scheme: dark; }

*, *::before, *::after { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background-color: var(--sl-bg); }
body { ${TEXT_RESET} color: var(--sl-text); }

.sl-popup { width: 320px; padding: 14px 16px 16px; font-family: ${FONT_STACK}; }
.sl-popup p, .sl-popup h1, .sl-popup dl, .sl-popup dd { margin: 0; padding: 0; }

.sl-popup-header { display: flex; align-items: center; gap: 8px; }
.sl-logo {
  width: 18px;
  height: 18px;
  border-radius: 5px;
  background: linear-gradient(135deg, var(--sl-accent), var(--sl-partlyFg));
  flex: none;
}
.sl-popup-title { font-size: 15px; line-height: 20px; font-weight: 650; color: var(--sl-text); }

.sl-switches {
  margin-top: 12px;
  border: 1px solid var(--sl-border);
  border-radius: 8px;
  overflow: hidden;
}
.sl-switch-row {
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 12px;
  padding: 10px 12px;
}
.sl-switch-row + .sl-switch-row { border-top: 1px solid var(--sl-border); }
.sl-switch-label {
  flex: 1;
  min-width: 0;
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
  cursor: pointer;
}
.sl-switch-row--disabled .sl-switch-label { color: var(--sl-muted); cursor: default; }

.sl-switch {
  appearance: none;
  -webkit-appearance: none;
  position: relative;
  flex: none;
  width: 34px;
  height: 20px;
  margin: 0;
  border-radius: 10px;
  background-color: var(--sl-trackOff);
  cursor: pointer;
  transition: background-color 150ms ease;
}
.sl-switch::before {
  content: "";
  position: absolute;
  top: 3px;
  left: 3px;
  width: 14px;
  height: 14px;
  border-radius: 50%;
  background-color: #ffffff;
  box-shadow: 0 1px 2px rgba(0, 0, 0, 0.3);
  transition: transform 150ms ease;
}
.sl-switch:checked { background-color: var(--sl-accent); }
.sl-switch:checked::before { transform: translateX(14px); background-color: var(--sl-bg); }
.sl-switch:disabled { opacity: 0.45; cursor: default; }
.sl-switch:focus-visible { outline: 2px solid var(--sl-focus); outline-offset: 2px; }

.sl-page { margin-top: 14px; }
.sl-stats { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; }
.sl-stat {
  padding: 8px 10px;
  border-radius: 8px;
  background-color: var(--sl-surface);
  display: flex;
  flex-direction: column;
}
.sl-stat dt { order: 2; font-size: 12px; line-height: 16px; color: var(--sl-muted); }
.sl-stat-value {
  order: 1;
  font-size: 20px;
  line-height: 26px;
  font-weight: 650;
  color: var(--sl-text);
  font-variant-numeric: tabular-nums;
}
.sl-stat-share {
  margin-left: 5px;
  font-size: 12px;
  line-height: 16px;
  font-weight: 500;
  color: var(--sl-muted);
}

.sl-progress { margin-top: 12px; }
.sl-note { margin-top: 10px; font-size: 12px; line-height: 16px; color: var(--sl-muted); }
.sl-progress .sl-note { margin-top: 0; }
.sl-progress progress {
  appearance: none;
  -webkit-appearance: none;
  display: block;
  width: 100%;
  height: 6px;
  margin-top: 6px;
  border: 0;
  border-radius: 3px;
  overflow: hidden;
  background-color: var(--sl-border);
  color: var(--sl-accent);
}
.sl-progress progress::-webkit-progress-bar { background-color: var(--sl-border); border-radius: 3px; }
.sl-progress progress::-webkit-progress-value { background-color: var(--sl-accent); border-radius: 3px; }
.sl-progress progress::-moz-progress-bar { background-color: var(--sl-accent); border-radius: 3px; }

/* Indeterminate: a soft band sliding across, stilled for reduced motion. */
.sl-progress progress:indeterminate {
  background-image: linear-gradient(90deg, var(--sl-border) 0%, var(--sl-accent) 50%, var(--sl-border) 100%);
  background-size: 200% 100%;
  animation: sl-slide 1.4s linear infinite;
}
.sl-progress progress:indeterminate::-webkit-progress-bar { background: transparent; }
.sl-progress progress:indeterminate::-moz-progress-bar { background: transparent; }
@keyframes sl-slide { from { background-position: 100% 0; } to { background-position: -100% 0; } }

.sl-review { display: flex; flex-direction: column; gap: 6px; margin-top: 12px; }
.sl-review-button {
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 8px;
  width: 100%;
  padding: 7px 10px;
  border: 1px solid var(--sl-border);
  border-radius: 8px;
  background-color: var(--sl-bg);
  color: var(--sl-accent);
  font: inherit;
  font-size: 13px;
  line-height: 18px;
  text-align: start;
  cursor: pointer;
}
.sl-review-button:hover:not(:disabled) { background-color: var(--sl-surface); }
.sl-review-button:focus-visible { outline: 2px solid var(--sl-focus); outline-offset: 1px; }
.sl-review-button:disabled { color: var(--sl-muted); cursor: default; }
.sl-review-count {
  min-width: 22px;
  padding: 0 6px;
  border-radius: 9px;
  background-color: var(--sl-surface);
  color: var(--sl-text);
  font-size: 12px;
  font-variant-numeric: tabular-nums;
  text-align: center;
}
.sl-sources { margin-top: 14px; }
.sl-section-title { margin: 0; font-size: 12px; line-height: 16px; font-weight: 600; color: var(--sl-muted); }
.sl-source-list { list-style: none; margin: 6px 0 0; padding: 0; }
.sl-source-row {
  display: flex;
  align-items: baseline;
  justify-content: space-between;
  gap: 10px;
  padding: 5px 0;
  font-size: 13px;
  line-height: 18px;
}
.sl-source-row + .sl-source-row { border-top: 1px solid var(--sl-border); }
.sl-source-name { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.sl-source-count { flex: none; color: var(--sl-muted); font-size: 12px; }

.sl-message { padding: 12px; border-radius: 8px; background-color: var(--sl-surface); }
.sl-message-title { font-size: 14px; line-height: 20px; font-weight: 600; color: var(--sl-text); }
.sl-message-body { margin-top: 2px; font-size: 13px; line-height: 18px; color: var(--sl-muted); }

@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { transition: none !important; animation: none !important; }
}
@media (forced-colors: active) {
  .sl-switch { border: 1px solid CanvasText; }
  .sl-switch::before { background-color: CanvasText; }
}
`;
