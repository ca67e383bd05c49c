/**
 * What the options and onboarding pages do, over injected dependencies (the provider store, the
 * settings updater, the `checkProvider` message, IndexedDB), so the pages stay views and the
 * flows are tested with the fake browser. The entrypoints pass the real ones.
 */
import type { Settings, ThemeChoice } from '../utils/settings/index.ts';
import { ALL_HOSTS } from '../utils/net/access.ts';
import type {
  ProviderSettings,
  ProviderSettingsStore,
  ProvidersSettings,
} from '../utils/settings/providers.ts';
import { providerHostPatterns } from '../utils/sources/providers/access.ts';
import type { ProviderId } from '../utils/sources/providers/types.ts';
import { t } from './i18n.ts';
import { writeField, type FieldName } from './options-fields.ts';
import { buildExport, parseImport, type ImportPlan } from './options-transfer.ts';

/** The IndexedDB databases of the background's caches (utils/cache/stores.ts). */
export const CACHE_DATABASES = ['sourcelight-cache-pages', 'sourcelight-cache-results'] as const;

/** The part of `browser.permissions` the pages use for host access. */
export interface HostPermissions {
  contains(p: { origins: string[] }): Promise<boolean>;
  request(p: { origins: string[] }): Promise<boolean>;
  remove(p: { origins: string[] }): Promise<boolean>;
}

/** What the flows need from the extension. */
export interface OptionsDeps {
  /** Absent in unit tests of flows that do not touch host access. */
  permissions?: HostPermissions;
  store: Pick<ProviderSettingsStore, 'get' | 'update' | 'setConsent'>;
  getSettings: () => Promise<Settings>;
  updateSettings: (change: (s: Settings) => Settings) => Promise<Settings>;
  checkProvider: (id: ProviderId) => Promise<{ ok: boolean; message: string }>;
  /** Absent where there is no IndexedDB (unit tests); clearing the cache then fails. */
  indexedDB?: IDBFactory;
}

/** The outcome of "Check connection": the background's answer, or why it could not be asked. */
export interface CheckOutcome {
  ok: boolean;
  message: string;
}

/**
 * Turns a provider on or off. On means the reader agreed to send it key terms: `enabled` and the
 * consent time are both written. Off withdraws consent too, so a later switch-on asks afresh.
 */
export async function setProviderEnabled(
  deps: Pick<OptionsDeps, 'store'>,
  id: ProviderId,
  on: boolean,
): Promise<ProvidersSettings> {
  await deps.store.update(id, (p) => ({ ...p, enabled: on }));
  return deps.store.setConsent(id, on);
}

/** Saves one field of a provider (the caller checked it). A new endpoint withdraws consent. */
export function saveProviderField(
  deps: Pick<OptionsDeps, 'store'>,
  id: ProviderId,
  name: FieldName,
  value: string,
): Promise<ProvidersSettings> {
  return deps.store.update(id, (p) => writeField(p, name, value));
}

/**
 * Asks the browser for host access to `origins`. Must be called straight from a click (browsers
 * only show the prompt during a user gesture). Resolves false when refused or unavailable.
 */
export function requestHosts(
  deps: Pick<OptionsDeps, 'permissions'>,
  origins: readonly string[],
): Promise<boolean> {
  if (!deps.permissions || !origins.length) return Promise.resolve(!origins.length);
  return deps.permissions.request({ origins: [...origins] }).catch(() => false);
}

/**
 * Turning a provider on from a click: asks for its host (not awaited, so the consent is stored
 * whatever the prompt's fate; without the grant the provider reports that it may not contact
 * its host), then records the switch.
 */
export function toggleProviderFromClick(
  deps: Pick<OptionsDeps, 'store' | 'permissions'>,
  id: ProviderId,
  on: boolean,
  config?: ProviderSettings,
): Promise<ProvidersSettings> {
  if (on && config) void requestHosts(deps, providerHostPatterns(id, config));
  return setProviderEnabled(deps, id, on);
}

/** Asks the background to try the provider; a failed delivery is reported, never thrown. */
export async function checkConnection(
  deps: Pick<OptionsDeps, 'checkProvider'>,
  id: ProviderId,
): Promise<CheckOutcome> {
  try {
    return await deps.checkProvider(id);
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** Deletes one IndexedDB database; resolves once it is gone. */
function deleteDatabase(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = factory.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error(`could not delete ${name}`));
    // "blocked" only means another context still has it open; the background closes its
    // connection on versionchange (utils/cache/indexeddb.ts), after which success follows.
  });
}

/** Deletes the cached pages and answers. */
export async function clearCache(deps: Pick<OptionsDeps, 'indexedDB'>): Promise<void> {
  const factory = deps.indexedDB;
  if (!factory) throw new Error('IndexedDB is not available');
  for (const name of CACHE_DATABASES) await deleteDatabase(factory, name);
}

/** Applies a checked import: general settings, then each provider's configuration. */
export async function applyImport(
  deps: Pick<OptionsDeps, 'store' | 'updateSettings'>,
  plan: ImportPlan,
): Promise<void> {
  if (Object.keys(plan.settings).length || plan.theme)
    await deps.updateSettings(({ theme, ...s }) => {
      const next = { ...s, ...plan.settings };
      const chosen = plan.theme ?? theme ?? 'auto';
      return chosen === 'auto' ? next : { ...next, theme: chosen };
    });
  for (const [id, config] of Object.entries(plan.providers) as Array<
    [ProviderId, NonNullable<ImportPlan['providers'][ProviderId]>]
  >) {
    // Fields the file sets replace ours; an API key the file leaves out stays as it is.
    await deps.store.update(id, (p) => ({ ...p, ...config }));
  }
}

/** Everything the options page can do, bound to its dependencies. */
export interface OptionsController {
  loadProviders(): Promise<ProvidersSettings>;
  /** `config` (the provider's current settings) names the host to ask access for. */
  toggleProvider(
    id: ProviderId,
    on: boolean,
    config?: ProviderSettings,
  ): Promise<ProvidersSettings>;
  saveField(id: ProviderId, name: FieldName, value: string): Promise<ProvidersSettings>;
  check(id: ProviderId): Promise<CheckOutcome>;
  /** Asks for access to the host `config` names; call it straight from the click. */
  requestProviderAccess(id: ProviderId, config: ProviderSettings): Promise<boolean>;
  /** Whether every http(s) host is granted (reading linked pages). */
  linkedPagesAllowed(): Promise<boolean>;
  /** Asks for every http(s) host; call it straight from the click. */
  allowLinkedPages(): Promise<boolean>;
  /** Gives the permission back. Resolves with whether it is still held. */
  revokeLinkedPages(): Promise<boolean>;
  /** `on` null removes the site's override. */
  setSite(host: string, on: boolean | null): Promise<Settings>;
  setHoverDelay(ms: number): Promise<Settings>;
  /** Underline checked sentences without a source too; off removes the field. */
  setUnderlineUnsourced(on: boolean): Promise<Settings>;
  /** 'auto' follows the system (the field is removed). */
  setTheme(theme: ThemeChoice | 'auto'): Promise<Settings>;
  clearCache(): Promise<void>;
  /** The export file's text. */
  exportJson(includeKeys: boolean): Promise<string>;
  /** Reads and applies a file; the message says what was applied or why it was refused. */
  importJson(text: string): Promise<{ ok: boolean; message: string }>;
}

/** Binds the flows to `deps`. */
export function createOptionsController(deps: OptionsDeps): OptionsController {
  return {
    loadProviders: () => deps.store.get(),
    toggleProvider: (id, on, config) => toggleProviderFromClick(deps, id, on, config),
    saveField: (id, name, value) => saveProviderField(deps, id, name, value),
    check: (id) => checkConnection(deps, id),
    requestProviderAccess: (id, config) => requestHosts(deps, providerHostPatterns(id, config)),
    linkedPagesAllowed: () =>
      deps.permissions?.contains({ origins: [...ALL_HOSTS] }).catch(() => false) ??
      Promise.resolve(false),
    allowLinkedPages: () => requestHosts(deps, ALL_HOSTS),
    revokeLinkedPages: async () => {
      await deps.permissions?.remove({ origins: [...ALL_HOSTS] }).catch(() => false);
      return (
        (await deps.permissions?.contains({ origins: [...ALL_HOSTS] }).catch(() => false)) ?? false
      );
    },
    setSite: (host, on) =>
      deps.updateSettings((s) => {
        const sites = { ...s.sites };
        if (on === null) delete sites[host];
        else sites[host] = on;
        return { ...s, sites };
      }),
    setHoverDelay: (ms) => deps.updateSettings((s) => ({ ...s, hoverDelayMs: ms })),
    setUnderlineUnsourced: (on) =>
      deps.updateSettings(({ underlineUnsourced: _old, ...s }) =>
        on ? { ...s, underlineUnsourced: true } : s,
      ),
    setTheme: (theme) =>
      deps.updateSettings(({ theme: _old, ...s }) => (theme === 'auto' ? s : { ...s, theme })),
    clearCache: () => clearCache(deps),
    async exportJson(includeKeys) {
      const [settings, providers] = await Promise.all([deps.getSettings(), deps.store.get()]);
      return `${JSON.stringify(buildExport(settings, providers, includeKeys), null, 2)}\n`;
    },
    async importJson(text) {
      const result = parseImport(text);
      if (!result.ok) return { ok: false, message: t('optImportRefused', result.reason) };
      await applyImport(deps, result.plan);
      return { ok: true, message: t('optImportApplied', result.plan.parts.join(', ')) };
    },
  };
}
