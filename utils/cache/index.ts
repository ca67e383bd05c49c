/** Persistent, bounded, expiring storage for the background. */
export {
  createCache,
  estimateBytes,
  type Cache,
  type CacheOptions,
  type CacheStats,
} from './cache';
export { CACHE_SPECS, openPageCache, openResultCache } from './stores';
export { createMemoryBackend } from './memory';
export type { CacheBackend, EntryMeta } from './backend';
