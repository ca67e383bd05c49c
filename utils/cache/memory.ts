/** A Map-backed CacheBackend: for unit tests and for contexts without IndexedDB. */
import type { CacheBackend, EntryMeta, StoreSummary } from './backend';

export function createMemoryBackend(): CacheBackend {
  const entries = new Map<string, { meta: EntryMeta; value: unknown }>();
  const drop = (keys: Iterable<string>) => {
    let freed = 0;
    for (const key of keys) {
      freed += entries.get(key)?.meta.bytes ?? 0;
      entries.delete(key);
    }
    return freed;
  };
  return {
    async read(key) {
      const hit = entries.get(key);
      // Copies, like IndexedDB's structured clone: callers must not share state with the store.
      return hit && { meta: { ...hit.meta }, value: structuredClone(hit.value) };
    },
    async write(meta, value) {
      const previous = entries.get(meta.key)?.meta.bytes ?? 0;
      entries.set(meta.key, { meta: { ...meta }, value: structuredClone(value) });
      return previous;
    },
    async touch(key, usedAt) {
      const hit = entries.get(key);
      if (hit) hit.meta.usedAt = usedAt;
    },
    async remove(keys) {
      return drop(keys);
    },
    async clear() {
      entries.clear();
    },
    async sweep(now): Promise<StoreSummary> {
      const dead = [...entries.values()]
        .filter((e) => e.meta.expiresAt <= now)
        .map((e) => e.meta.key);
      drop(dead);
      let bytes = 0;
      for (const e of entries.values()) bytes += e.meta.bytes;
      return { removed: dead.length, entries: entries.size, bytes };
    },
    async evict(bytes) {
      const oldestFirst = [...entries.values()].sort((a, b) => a.meta.usedAt - b.meta.usedAt);
      const victims: string[] = [];
      let freed = 0;
      for (const e of oldestFirst) {
        if (freed >= bytes) break;
        victims.push(e.meta.key);
        freed += e.meta.bytes;
      }
      drop(victims);
      return { removed: victims.length, freed };
    },
  };
}
