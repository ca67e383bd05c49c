/**
 * Settings export and import as a JSON file. An export holds the general settings and each
 * provider's configuration; API keys only when the reader asks. An import is checked field by
 * field with the same rules as the options page and applied whole or not at all. It never turns
 * a provider on: consent is given on this machine, by the reader, in the page.
 */
import type { Settings, ThemeChoice } from '../utils/settings/index.ts';
import { PROVIDER_IDS, type ProvidersSettings } from '../utils/settings/providers.ts';
import type { ProviderConfig, ProviderId } from '../utils/sources/providers/types.ts';
import { t, type MessageKey } from './i18n.ts';
import {
  checkField,
  PROVIDER_FIELDS,
  readField,
  writeField,
  type FieldName,
} from './options-fields.ts';
import { parseHost, parseHoverDelay, type Problem } from './options-validate.ts';

/** Marks a file as ours. */
export const EXPORT_FORMAT = 'sourcelight-settings';
/** The newest file version this code reads. */
export const EXPORT_VERSION = 1;
/** Larger files are refused before parsing. */
export const MAX_IMPORT_CHARS = 1_000_000;

/** The file's shape. */
export interface SettingsExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  settings: Partial<Settings>;
  providers: Partial<Record<ProviderId, ProviderConfig>>;
}

/** The provider settings a file carries: configuration only, never `enabled` or consent. */
function providerConfig(p: ProvidersSettings[ProviderId], includeKeys: boolean): ProviderConfig {
  const out: ProviderConfig = {};
  if (p.endpoint) out.endpoint = p.endpoint;
  if (p.index) out.index = p.index;
  if (p.book) out.book = p.book;
  if (p.fields && Object.keys(p.fields).length) out.fields = { ...p.fields };
  if (includeKeys && p.apiKey) out.apiKey = p.apiKey;
  return out;
}

/** The export file's content. */
export function buildExport(
  settings: Settings,
  providers: ProvidersSettings,
  includeKeys: boolean,
  now = new Date(),
): SettingsExport {
  const configs: SettingsExport['providers'] = {};
  for (const id of PROVIDER_IDS) {
    const c = providerConfig(providers[id], includeKeys);
    if (Object.keys(c).length) configs[id] = c;
  }
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    settings: { ...settings, sites: { ...settings.sites } },
    providers: configs,
  };
}

/** A checked import, ready to apply. */
export interface ImportPlan {
  /** General settings to replace (only those the file has), theme aside. */
  settings: Partial<Omit<Settings, 'theme'>>;
  /** The file's theme; 'auto' removes ours. Absent when the file has none. */
  theme?: ThemeChoice | 'auto';
  /** Per provider, the fields to set (an absent API key keeps the current one). */
  providers: Partial<Record<ProviderId, ProviderConfig>>;
  /** What will change, for the report ("site list (3)", "API keys"). */
  parts: string[];
}

/** The outcome of reading a file: a plan, or the reason it was refused (already worded). */
export type ImportResult = { ok: true; plan: ImportPlan } | { ok: false; reason: string };

const refuse = (key: MessageKey, ...subs: string[]): ImportResult => ({
  ok: false,
  reason: t(key, ...subs),
});
const invalid = (path: string, p: Problem): ImportResult =>
  refuse('impInvalid', path, t(p.key, ...p.subs));

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const FIELD_NAMES: readonly FieldName[] = ['endpoint', 'apiKey', 'index', 'book'];
const DOC_FIELDS = ['url', 'title', 'body', 'date'] as const;

/** Reads an export file's text into a plan, checking every value it holds. */
export function parseImport(text: string): ImportResult {
  if (text.length > MAX_IMPORT_CHARS) return refuse('impTooLarge');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse('impNotJson');
  }
  if (!isRecord(data) || data.format !== EXPORT_FORMAT) return refuse('impNotOurs');
  if (typeof data.version !== 'number' || !Number.isInteger(data.version) || data.version < 1)
    return refuse('impNotOurs');
  if (data.version > EXPORT_VERSION) return refuse('impNewer');

  const plan: ImportPlan = { settings: {}, providers: {}, parts: [] };
  if (data.settings !== undefined) {
    if (!isRecord(data.settings)) return refuse('impNotOurs');
    const r = readGeneral(data.settings, plan);
    if (r) return r;
  }
  if (data.providers !== undefined) {
    if (!isRecord(data.providers)) return refuse('impNotOurs');
    const r = readProviders(data.providers, plan);
    if (r) return r;
  }
  if (!plan.parts.length) return refuse('impNothing');
  return { ok: true, plan };
}

/** Fills `plan` from the file's general settings; returns a refusal on the first bad value. */
function readGeneral(s: Record<string, unknown>, plan: ImportPlan): ImportResult | undefined {
  if (s.enabled !== undefined) {
    if (typeof s.enabled !== 'boolean')
      return invalid('settings.enabled', { key: 'errBoolean', subs: [] });
    plan.settings.enabled = s.enabled;
    plan.parts.push(t('impPartSwitch'));
  }
  if (s.sites !== undefined) {
    if (!isRecord(s.sites)) return invalid('settings.sites', { key: 'errHostInvalid', subs: [] });
    const sites: Record<string, boolean> = {};
    for (const [name, on] of Object.entries(s.sites)) {
      const parsed = parseHost(name);
      if ('problem' in parsed || parsed.host !== name.toLowerCase())
        return invalid(`settings.sites["${name.slice(0, 80)}"]`, {
          key: 'errHostInvalid',
          subs: [],
        });
      if (typeof on !== 'boolean')
        return invalid(`settings.sites["${name}"]`, { key: 'errBoolean', subs: [] });
      sites[parsed.host] = on;
    }
    plan.settings.sites = sites;
    plan.parts.push(t('impPartSites', String(Object.keys(sites).length)));
  }
  if (s.hoverDelayMs !== undefined) {
    const parsed = parseHoverDelay(
      typeof s.hoverDelayMs === 'number' ? String(s.hoverDelayMs) : '',
    );
    if ('problem' in parsed) return invalid('settings.hoverDelayMs', parsed.problem);
    plan.settings.hoverDelayMs = parsed.ms;
    plan.parts.push(t('impPartDelay'));
  }
  if (s.underlineUnsourced !== undefined) {
    if (typeof s.underlineUnsourced !== 'boolean')
      return invalid('settings.underlineUnsourced', { key: 'errBoolean', subs: [] });
    plan.settings.underlineUnsourced = s.underlineUnsourced;
    plan.parts.push(t('impPartUnderline'));
  }
  if (s.theme !== undefined) {
    if (s.theme !== 'auto' && s.theme !== 'light' && s.theme !== 'dark')
      return invalid('settings.theme', { key: 'errTheme', subs: [] });
    plan.theme = s.theme;
    plan.parts.push(t('impPartTheme'));
  }
  return undefined;
}

/** Fills `plan` from the file's provider settings; returns a refusal on the first bad value. */
function readProviders(src: Record<string, unknown>, plan: ImportPlan): ImportResult | undefined {
  let keys = 0;
  for (const [id, raw] of Object.entries(src)) {
    if (!(PROVIDER_IDS as readonly string[]).includes(id))
      return refuse('impUnknownProvider', id.slice(0, 40));
    if (!isRecord(raw)) return refuse('impNotOurs');
    const specs = PROVIDER_FIELDS[id as ProviderId];
    let config: ProviderConfig = {};
    const values: Array<[FieldName, unknown]> = FIELD_NAMES.map((n) => [n, raw[n]]);
    if (raw.fields !== undefined) {
      if (!isRecord(raw.fields)) return refuse('impNotOurs');
      for (const k of DOC_FIELDS) values.push([`fields.${k}`, raw.fields[k]]);
    }
    for (const [name, value] of values) {
      if (value === undefined) continue;
      const spec = specs.find((s) => s.name === name);
      const path = `providers.${id}.${name}`;
      if (!spec) return refuse('impUnknownField', path);
      if (typeof value !== 'string') return refuse('impUnknownField', path);
      const p = checkField({ ...spec, required: false }, value);
      if (p) return invalid(path, p);
      config = writeField({ enabled: false, ...config }, name, value);
      if (name === 'apiKey' && readField({ enabled: false, ...config }, name)) keys++;
    }
    const { enabled: _e, ...clean } = config as ProviderConfig & { enabled?: boolean };
    if (Object.keys(clean).length) plan.providers[id as ProviderId] = clean;
  }
  const count = Object.keys(plan.providers).length;
  if (count) plan.parts.push(t('impPartProviders', String(count)));
  if (keys) plan.parts.push(t('impPartKeys'));
  return undefined;
}
