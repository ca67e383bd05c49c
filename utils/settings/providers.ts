/**
 * Search-provider settings: which providers the reader turned on, their endpoints and API keys,
 * the reader's consent per provider, and the persisted daily request budget.
 *
 * Where the secrets live. Content scripts must never read an API key or a private endpoint, and
 * `storage.local` holds the settings the content script needs, so the provider record is kept in
 * an IndexedDB database of the extension's origin (`sourcelight-secrets`), in both browsers.
 * Content scripts run in the page's origin: `indexedDB.open('sourcelight-secrets')` there opens
 * the page's own, empty database. `storage.local` holds no secret, so it needs no
 * `setAccessLevel`. Nothing here is in `storage.sync`, so keys never travel to the reader's
 * browser account. tests/e2e/secrets.e2e.test.ts proves a content script cannot read them.
 */
import { storage } from 'wxt/utils/storage';
import { PROVIDER_IDS, type ProviderConfig, type ProviderId } from '../sources/providers/types';

/** Every provider, in the order settings list them. */
export { PROVIDER_IDS };

/** The reader's settings for one provider. */
export interface ProviderSettings extends ProviderConfig {
  /** Off by default: nothing is sent anywhere until the reader turns a provider on. */
  enabled: boolean;
  /**
   * When the reader agreed that sentence keywords be sent to this provider (ISO 8601). Changing
   * the endpoint clears it: consent is given for one destination.
   */
  consentedAt?: string;
}

export type ProvidersSettings = Record<ProviderId, ProviderSettings>;

/** All providers off, none consented. */
export function defaultProviderSettings(): ProvidersSettings {
  return Object.fromEntries(
    PROVIDER_IDS.map((id) => [id, { enabled: false }]),
  ) as ProvidersSettings;
}

/** Whether provider `id` may be asked anything: turned on AND consented. */
export function mayUse(settings: ProvidersSettings, id: ProviderId): boolean {
  const p = settings[id];
  return !!p?.enabled && !!p.consentedAt;
}

const MAX_FIELD = 2048;

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() && v.length <= MAX_FIELD ? v.trim() : undefined;
}

/** Repairs a stored value of unknown shape into settings; unknown fields are dropped. */
export function normaliseProviders(v: unknown): ProvidersSettings {
  const out = defaultProviderSettings();
  const src = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  for (const id of PROVIDER_IDS) {
    const raw = src[id];
    if (typeof raw !== 'object' || raw === null) continue;
    const r = raw as Record<string, unknown>;
    const p: ProviderSettings = { enabled: r.enabled === true };
    const consentedAt = text(r.consentedAt);
    if (consentedAt && !Number.isNaN(Date.parse(consentedAt))) p.consentedAt = consentedAt;
    for (const k of ['endpoint', 'apiKey', 'index', 'book'] as const) {
      const t = text(r[k]);
      if (t) p[k] = t;
    }
    if (typeof r.fields === 'object' && r.fields !== null) {
      const f = r.fields as Record<string, unknown>;
      const fields: NonNullable<ProviderConfig['fields']> = {};
      for (const k of ['url', 'title', 'body', 'date'] as const) {
        const t = text(f[k]);
        if (t) fields[k] = t;
      }
      if (Object.keys(fields).length) p.fields = fields;
    }
    out[id] = p;
  }
  return out;
}

/** Where the provider record is kept: one opaque value. */
export interface SecretBackend {
  read(): Promise<unknown>;
  write(value: unknown): Promise<void>;
}

/**
 * `storage.local`, key `providerSecrets`: only where there is no IndexedDB (unit tests in Node).
 * Content scripts can read `storage.local`, so no browser build uses it.
 */
export const storageLocalBackend: SecretBackend = (() => {
  const item = storage.defineItem<unknown>('local:providerSecrets', { fallback: null });
  return { read: () => item.getValue(), write: (v) => item.setValue(v) };
})();

const IDB_NAME = 'sourcelight-secrets';
const IDB_STORE = 'kv';
const IDB_KEY = 'providers';

function idbRequest<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** An IndexedDB database of the extension's origin (Firefox): content scripts cannot open it. */
export function indexedDbBackend(factory: IDBFactory = indexedDB): SecretBackend {
  const open = () => {
    const req = factory.open(IDB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(IDB_STORE);
    return idbRequest(req);
  };
  return {
    async read() {
      const db = await open();
      try {
        return await idbRequest(db.transaction(IDB_STORE).objectStore(IDB_STORE).get(IDB_KEY));
      } finally {
        db.close();
      }
    },
    async write(value) {
      const db = await open();
      try {
        const tx = db.transaction(IDB_STORE, 'readwrite');
        await idbRequest(tx.objectStore(IDB_STORE).put(value, IDB_KEY));
      } finally {
        db.close();
      }
    },
  };
}

/**
 * The backend: the extension origin's IndexedDB in both browsers. Content scripts run in the
 * page's origin and cannot open it, while `storage.local` (which holds the settings the content
 * script needs) stays readable by them and holds no secret.
 */
export function defaultSecretBackend(): SecretBackend {
  if (typeof indexedDB !== 'undefined') return indexedDbBackend();
  // No IndexedDB (unit tests): storage.local, unprotected.
  return storageLocalBackend;
}

/** Reading and changing the provider settings; writes are serialised within one context. */
export class ProviderSettingsStore {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly backend: SecretBackend = defaultSecretBackend()) {}

  async get(): Promise<ProvidersSettings> {
    return normaliseProviders(await this.backend.read());
  }

  /** Applies `change` to one provider. A new endpoint withdraws consent. */
  update(
    id: ProviderId,
    change: (p: ProviderSettings) => ProviderSettings,
  ): Promise<ProvidersSettings> {
    const run = this.chain.then(async () => {
      const all = await this.get();
      const before = all[id];
      const after = { ...change({ ...before }) };
      if ((after.endpoint ?? '') !== (before.endpoint ?? '')) delete after.consentedAt;
      const next = normaliseProviders({ ...all, [id]: after });
      await this.backend.write(next);
      return next;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Records (or withdraws) the reader's consent for one provider. */
  setConsent(id: ProviderId, consent: boolean, now = new Date()): Promise<ProvidersSettings> {
    return this.update(id, (p) => {
      const { consentedAt: _old, ...rest } = p;
      return consent ? { ...rest, consentedAt: now.toISOString() } : rest;
    });
  }
}

/** Requests spent today and back-off deadlines, per provider. */
interface BudgetState {
  /** UTC day, YYYY-MM-DD; counters reset when it changes. */
  day: string;
  used: Partial<Record<ProviderId, number>>;
  /** Epoch ms before which the provider must not be asked (a 429's Retry-After). */
  blockedUntil: Partial<Record<ProviderId, number>>;
}

const budgetItem = storage.defineItem<BudgetState | null>('local:providerBudget', {
  fallback: null,
});

const utcDay = (now: number) => new Date(now).toISOString().slice(0, 10);

/**
 * The daily request budget, persisted in `storage.local` so a restarted worker keeps counting
 * (it holds no secret). Not atomic across contexts: only the background spends it.
 */
export class ProviderBudget {
  private chain: Promise<unknown> = Promise.resolve();

  private async state(now: number): Promise<BudgetState> {
    const v = await budgetItem.getValue();
    const day = utcDay(now);
    if (!v || v.day !== day || typeof v.used !== 'object')
      return {
        day,
        used: {},
        blockedUntil: typeof v?.blockedUntil === 'object' ? v.blockedUntil : {},
      };
    return v;
  }

  private change(now: number, f: (s: BudgetState) => void): Promise<void> {
    const run = this.chain.then(async () => {
      const s = await this.state(now);
      f(s);
      await budgetItem.setValue(s);
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Requests `id` may still make today under `limit`. */
  async remaining(id: ProviderId, limit: number, now = Date.now()): Promise<number> {
    await this.chain;
    return Math.max(0, limit - ((await this.state(now)).used[id] ?? 0));
  }

  /** Counts `n` requests of `id`. */
  spend(id: ProviderId, n = 1, now = Date.now()): Promise<void> {
    return this.change(now, (s) => {
      s.used[id] = (s.used[id] ?? 0) + n;
    });
  }

  /** The epoch ms before which `id` must not be asked; 0 when free. */
  async blockedUntil(id: ProviderId, now = Date.now()): Promise<number> {
    await this.chain;
    const until = (await this.state(now)).blockedUntil[id] ?? 0;
    return until > now ? until : 0;
  }

  /** Holds `id` back until `until` (epoch ms). */
  block(id: ProviderId, until: number, now = Date.now()): Promise<void> {
    return this.change(now, (s) => {
      s.blockedUntil[id] = Math.max(until, s.blockedUntil[id] ?? 0);
    });
  }
}
