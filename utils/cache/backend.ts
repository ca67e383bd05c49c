/**
 * The storage contract behind createCache: IndexedDB in the extension, a Map in unit tests.
 * Entries are split into a small metadata record (scanned at start and for eviction) and the
 * value (read only on a hit), so sweeps never load page texts.
 */

/** Bookkeeping for one entry. */
export interface EntryMeta {
  key: string;
  /** Approximate size of key and value, in bytes. */
  bytes: number;
  /** Epoch ms after which the entry is dead. */
  expiresAt: number;
  /** Epoch ms of the last read or write, for least-recently-used eviction. */
  usedAt: number;
}

/** Counts after a sweep: what is left in the store. */
export interface StoreSummary {
  removed: number;
  entries: number;
  bytes: number;
}

export interface CacheBackend {
  read(key: string): Promise<{ meta: EntryMeta; value: unknown } | undefined>;
  /** Stores an entry, returning the size of the entry it replaced (0 when new). */
  write(meta: EntryMeta, value: unknown): Promise<number>;
  touch(key: string, usedAt: number): Promise<void>;
  /** Removes entries, returning the bytes they held. */
  remove(keys: readonly string[]): Promise<number>;
  clear(): Promise<void>;
  /** Deletes every entry expired at `now` and reports what remains. */
  sweep(now: number): Promise<StoreSummary>;
  /** Deletes least-recently-used entries until at least `bytes` are freed. */
  evict(bytes: number): Promise<{ removed: number; freed: number }>;
}
