/**
 * createCache: a persistent key-value cache with per-entry expiry and a total size cap, evicting
 * the least recently used entries. The MV3 worker is killed after 30 s idle, so entries live in
 * IndexedDB and each start sweeps out what expired while it slept.
 */
import type { CacheBackend } from './backend';
import { createIndexedDbBackend, openDatabase } from './indexeddb';
import { createMemoryBackend } from './memory';

export interface CacheOptions {
  /** Names the IndexedDB database (`sourcelight-cache-<name>`). */
  name: string;
  /** Approximate cap on the bytes of all entries. */
  maxBytes: number;
  /** Default lifetime of an entry. */
  ttlMs: number;
  /** 'auto': IndexedDB where it exists, else memory. Tests pass 'memory' or their own backend. */
  backend?: 'auto' | 'memory' | CacheBackend;
  /** Clock, for tests. */
  now?: () => number;
}

export interface CacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  /** Counted since this context started. */
  hits: number;
  misses: number;
  evicted: number;
  expired: number;
  backend: 'indexeddb' | 'memory' | 'custom';
  /** True once the store refused a write for lack of space: writes are skipped from then on. */
  full?: boolean;
}

export interface Cache<V> {
  /** The value, or undefined when absent or expired. */
  get(key: string): Promise<V | undefined>;
  /** Stores a value (a structured-clonable plain object); `ttlMs` overrides the default. */
  set(key: string, value: V, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
  clear(): Promise<void>;
  stats(): Promise<CacheStats>;
  /** Settles once the start-up sweep has run; every method waits for it anyway. */
  readonly ready: Promise<void>;
}

/** Re-reading a hit refreshes its recency at most this often, so reads rarely cost a write. */
const TOUCH_EVERY_MS = 60_000;
/** When over the cap, evict down to this share of it so the next writes do not evict again. */
const EVICT_TO = 0.9;

/** The browser's "out of storage space" error (Chrome, Firefox, Safari spellings). */
export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    (e as { code?: unknown } | null)?.code === 22
  );
}

/** Approximate bytes of an entry: its JSON length (UTF-16 code units would double it). */
export function estimateBytes(key: string, value: unknown): number {
  return key.length + (JSON.stringify(value)?.length ?? 0);
}

async function pickBackend(
  choice: CacheOptions['backend'],
  name: string,
): Promise<{ backend: CacheBackend; kind: CacheStats['backend'] }> {
  if (choice && typeof choice === 'object') return { backend: choice, kind: 'custom' };
  if (choice !== 'memory' && typeof indexedDB !== 'undefined') {
    try {
      return { backend: createIndexedDbBackend(await openDatabase(name)), kind: 'indexeddb' };
    } catch (e) {
      // Private windows and locked-down profiles can refuse IndexedDB; a cache is optional.
      console.warn(`[sourcelight] cache "${name}" falls back to memory`, e);
    }
  }
  return { backend: createMemoryBackend(), kind: 'memory' };
}

/** Opens a cache; start-up cleanup of expired entries begins at once. */
export function createCache<V>(options: CacheOptions): Cache<V> {
  const { name, maxBytes, ttlMs, now = Date.now } = options;
  const counters = { hits: 0, misses: 0, evicted: 0, expired: 0 };
  let totals = { entries: 0, bytes: 0 };
  let kind: CacheStats['backend'] = 'memory';
  // A full disk is not an error the reader should meet: the cache becomes read-only and the
  // extension goes on without it (hostile case 15).
  let full = false;

  const opened = pickBackend(options.backend, name).then(async (picked) => {
    kind = picked.kind;
    const summary = await picked.backend.sweep(now());
    counters.expired += summary.removed;
    totals = { entries: summary.entries, bytes: summary.bytes };
    return picked.backend;
  });

  // One operation at a time keeps the running totals true without re-scanning the store.
  let queue: Promise<unknown> = opened;
  const serial = <T>(op: (backend: CacheBackend) => Promise<T>): Promise<T> => {
    const run = queue.then(() => opened).then(op);
    queue = run.catch(() => undefined);
    return run;
  };

  const removeKey = async (backend: CacheBackend, key: string) => {
    const freed = await backend.remove([key]);
    if (freed > 0) {
      totals.bytes = Math.max(0, totals.bytes - freed);
      totals.entries = Math.max(0, totals.entries - 1);
    }
  };

  return {
    ready: opened.then(() => undefined),

    get: (key) =>
      serial(async (backend) => {
        const hit = await backend.read(key);
        const t = now();
        if (!hit) {
          counters.misses++;
          return undefined;
        }
        if (hit.meta.expiresAt <= t) {
          counters.misses++;
          counters.expired++;
          await removeKey(backend, key);
          return undefined;
        }
        counters.hits++;
        if (t - hit.meta.usedAt >= TOUCH_EVERY_MS) await backend.touch(key, t);
        return hit.value as V;
      }),

    set: (key, value, entryTtl = ttlMs) =>
      serial(async (backend) => {
        const bytes = estimateBytes(key, value);
        // An entry larger than the whole cache would only evict everything else.
        if (bytes > maxBytes || entryTtl <= 0 || full) return;
        const t = now();
        let replaced: number;
        try {
          replaced = await backend.write({ key, bytes, expiresAt: t + entryTtl, usedAt: t }, value);
        } catch (e) {
          if (!isQuotaError(e)) throw e;
          full = true;
          console.warn(`[sourcelight] cache "${name}" is out of space; going on without it`, e);
          return;
        }
        totals.bytes += bytes - replaced;
        if (replaced === 0) totals.entries++;
        if (totals.bytes > maxBytes) {
          const { removed, freed } = await backend.evict(totals.bytes - maxBytes * EVICT_TO);
          counters.evicted += removed;
          totals.bytes -= freed;
          totals.entries -= removed;
        }
      }),

    delete: (key) => serial((backend) => removeKey(backend, key)),

    clear: () =>
      serial(async (backend) => {
        await backend.clear();
        totals = { entries: 0, bytes: 0 };
      }),

    stats: () =>
      serial(async () => ({
        ...totals,
        ...counters,
        maxBytes,
        backend: kind,
        ...(full ? { full } : {}),
      })),
  };
}
