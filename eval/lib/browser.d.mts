/** Types for browser.mjs, so TypeScript (the bench) can import what it shares. */
import type { BrowserContext } from 'playwright-core';

export const CHROMIUM: string;
/** States after which the content script does no more work on the page. */
export const FINAL: string[];
/** FINAL and `matching`: every sentence is marked. */
export const MARKED: string[];
/** Init script: keeps the last `sourcelight:status` detail in `window.__sourcelightStatus`. */
export const STATUS_LISTENER: () => void;

export function launch(opts?: {
  extensionDir?: string;
}): Promise<{ context: BrowserContext; close: () => Promise<void> }>;

export function runPage(
  context: BrowserContext,
  url: string,
  opts: { timeoutMs: number; injectCode?: string; until?: 'done' | 'marked' },
): Promise<{
  state: string;
  /** `document.characterSet`: the encoding the browser chose. */
  charset: string;
  sentences: string[];
  headline: string;
  workMs: number | null;
  longestSliceMs: number | null;
  /** The longest single step of sliced work, and (test builds) the phase it ran in. */
  longestStepMs: number | null;
  longestStepPhase: string;
  longestAfterMs: number | null;
  error?: string;
  wallMs: number;
}>;
