/**
 * Typed settings, persisted in storage.local. Everything here is safe for content scripts to read
 * (no secrets); a switch written by the popup reaches open tabs through `watchSettings`.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

export interface Settings {
  /** The global switch: off means nothing is read, marked or fetched on any page. */
  enabled: boolean;
  /** Per-site overrides by host name: true = on, false = off. Hosts not listed follow `enabled`. */
  sites: Record<string, boolean>;
  /** Hover intent delay before a tooltip opens, in ms. */
  hoverDelayMs: number;
  /**
   * The extension pages' colours; absent means "follow the system". Optional so settings stored
   * before it existed, and code comparing whole settings objects, need no change.
   */
  theme?: ThemeChoice;
  /** Underline checked sentences without a source too (off unless true). */
  underlineUnsourced?: boolean;
}

/** The themes a reader may pick besides following the system. */
export type ThemeChoice = 'light' | 'dark';

export const DEFAULT_SETTINGS: Settings = { enabled: true, sites: {}, hoverDelayMs: 150 };

/** Where the settings are stored: one storage area and key, for `settingsItem` and the reader below. */
const SETTINGS_AREA = 'local';
const SETTINGS_KEY = 'settings';

// Pure: a bundle that only reads (the content script) leaves the storage library out.
export const settingsItem = /* @__PURE__ */ storage.defineItem<Settings>(
  `${SETTINGS_AREA}:${SETTINGS_KEY}`,
  { fallback: DEFAULT_SETTINGS, version: 1 },
);

/** Read settings, filling any field a previous version did not have. */
export async function getSettings(): Promise<Settings> {
  return normalise(await settingsItem.getValue());
}

/** Apply a change to the stored settings. */
export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = normalise(change(await getSettings()));
  await settingsItem.setValue(next);
  return next;
}

/** Call `cb` with the new settings whenever they change; returns the unwatch function. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem.watch((v) => cb(normalise(v)));
}

/**
 * For the content script, which only reads: the same stored value and normalisation as
 * `getSettings`, straight from the storage API, so every page's script stays small.
 */
export async function readSettings(): Promise<Settings> {
  const got = await browser.storage[SETTINGS_AREA].get(SETTINGS_KEY);
  return normalise(got[SETTINGS_KEY] as Partial<Settings> | undefined);
}

/** `watchSettings` for the content script (see `readSettings`). */
export function onSettingsChanged(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_KEY];
    if (area === SETTINGS_AREA && change) cb(normalise(change.newValue as Partial<Settings>));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Whether Sourcelight runs on `host` under `settings`. */
export function isOnForHost(settings: Settings, host: string): boolean {
  if (!settings.enabled) return false;
  return settings.sites[host.toLowerCase()] ?? true;
}

/** Turn Sourcelight on or off for one site. */
export function setSite(settings: Settings, host: string, on: boolean): Settings {
  const sites = { ...settings.sites };
  if (on) delete sites[host.toLowerCase()];
  else sites[host.toLowerCase()] = false;
  return { ...settings, sites };
}

function normalise(v: Partial<Settings> | null | undefined): Settings {
  const s = { ...DEFAULT_SETTINGS, ...(v ?? {}) };
  const sites: Record<string, boolean> = {};
  for (const [k, on] of Object.entries(s.sites ?? {}))
    if (typeof on === 'boolean' && k.length <= 253) sites[k.toLowerCase()] = on;
  return {
    enabled: typeof s.enabled === 'boolean' ? s.enabled : true,
    sites,
    hoverDelayMs:
      typeof s.hoverDelayMs === 'number' && s.hoverDelayMs >= 0 && s.hoverDelayMs <= 2000
        ? s.hoverDelayMs
        : DEFAULT_SETTINGS.hoverDelayMs,
    ...(s.theme === 'light' || s.theme === 'dark' ? { theme: s.theme } : {}),
    ...(s.underlineUnsourced === true ? { underlineUnsourced: true } : {}),
  };
}
