/**
 * Builds the background's source service from its parts: the network door, extraction, the
 * segmenter, the ranking and the persistent caches.
 */
import { extractFetched } from '../extract';
import type { SentenceSources } from '../messaging/types';
import { guardedFetch, isNetError } from '../net';
import { segmentSentences } from '../sentences/segment';
import { DocumentLoader, type LoadedDoc } from './documents';
import { SourceService } from './service';

// TEMP until utils/cache lands
function createCache<T>(_o: { name: string; maxBytes: number; ttlMs: number }) {
  const m = new Map<string, T>();
  return {
    get: async (k: string) => m.get(k),
    set: async (k: string, v: T, _ttl?: number) => void m.set(k, v),
  };
}

const FAVICON_MAX_BYTES = 48 * 1024;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The reader-facing sentence for a failed load. */
export function describeError(err: unknown): string {
  if (isNetError(err)) return err.message;
  return 'The linked page could not be read';
}

export function createSourceService(): SourceService {
  const pages = createCache<LoadedDoc>({
    name: 'pages',
    maxBytes: 64 * 1024 * 1024,
    ttlMs: 24 * 60 * 60 * 1000,
  });
  const results = createCache<SentenceSources>({
    name: 'results',
    maxBytes: 16 * 1024 * 1024,
    ttlMs: 6 * 60 * 60 * 1000,
  });
  const loader = new DocumentLoader({
    fetchText: async (url) => {
      const r = await guardedFetch(url, { accept: 'text' });
      return { finalUrl: r.finalUrl, body: r.body, contentType: r.contentType };
    },
    fetchFavicon: async (url) => {
      const r = await guardedFetch(url, {
        accept: 'image',
        maxBytes: FAVICON_MAX_BYTES,
        timeoutMs: 5000,
      });
      return `data:${r.contentType};base64,${toBase64(r.body)}`;
    },
    extract: (body, url, contentType) => extractFetched(body, url, contentType),
    segment: segmentSentences,
    cache: pages,
    describeError,
  });
  return new SourceService(loader, results);
}
