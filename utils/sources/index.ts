/**
 * Builds the background's source service from its parts: the network door, extraction, the
 * segmenter, the ranking and the persistent caches.
 */
import { openPageCache, openResultCache } from '../cache';
import { extractFetched } from '../extract';
import type { SentenceSources } from '../messaging/types';
import { guardedFetch, isNetError } from '../net';
import { segmentSentences } from '../sentences/segment';
import { mayUse, ProviderBudget, ProviderSettingsStore, PROVIDER_IDS } from '../settings/providers';
import { DocumentLoader, type LoadedDoc } from './documents';
import { findProviderCandidates, fromGuardedFetch, PROVIDERS } from './providers';
import { SourceService, type ProviderHook } from './service';

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
  const pages = openPageCache<LoadedDoc>();
  const results = openResultCache<SentenceSources>();
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
  return new SourceService(loader, results, createProviderHook());
}

/** Search providers behind the reader's switches and consent (nothing is asked otherwise). */
export function createProviderHook(
  store = new ProviderSettingsStore(),
  budget = new ProviderBudget(),
): ProviderHook {
  const fetch = fromGuardedFetch(guardedFetch);
  return {
    async active() {
      const settings = await store.get();
      return PROVIDER_IDS.filter(
        (id) => mayUse(settings, id) && PROVIDERS[id].isConfigured(settings[id]),
      );
    },
    async find(sentences, page, signal) {
      const settings = await store.get();
      try {
        const found = await findProviderCandidates(sentences, page, settings, {
          signal,
          fetch,
          budget,
        });
        for (const f of found.failures)
          console.warn('[sourcelight] provider', f.provider, f.message);
        return found.candidates;
      } catch (err) {
        console.warn('[sourcelight] providers failed', err);
        return new Map();
      }
    },
  };
}
