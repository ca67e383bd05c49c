/** The two caches the background keeps, with their lifetimes and size caps. */
import type { SentenceSources } from '../messaging/types';
import type { ExtractedDoc } from '../extract/types';
import { createCache, type Cache, type CacheOptions } from './cache';

const HOUR = 60 * 60 * 1000;

export const CACHE_SPECS = {
  /** Extracted source pages, keyed by final URL: pages rarely change within a day. */
  pages: { name: 'pages', ttlMs: 24 * HOUR, maxBytes: 50_000_000 },
  /** Answers per sentence: shorter, as providers and linked pages change. */
  results: { name: 'results', ttlMs: 6 * HOUR, maxBytes: 10_000_000 },
} as const satisfies Record<string, CacheOptions>;

/** The cache of source pages (extracted documents, or whatever the caller derives from them). */
export function openPageCache<V = ExtractedDoc>(backend?: CacheOptions['backend']): Cache<V> {
  return createCache<V>({ ...CACHE_SPECS.pages, backend });
}

/** The cache of sentence answers; the caller chooses the key (e.g. page URL + sentence text). */
export function openResultCache<V = SentenceSources>(backend?: CacheOptions['backend']): Cache<V> {
  return createCache<V>({ ...CACHE_SPECS.results, backend });
}
