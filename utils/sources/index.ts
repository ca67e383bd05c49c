/**
 * Builds the background's source service from its parts: the network door, extraction, the
 * segmenter, the ranking and the persistent caches.
 */
import { openPageCache, openResultCache } from '../cache';
import { extractFetched } from '../extract';
import type { SentenceSources } from '../messaging/types';
import { guardedFetch, isNetError, setReaderOrigins, type HostAccess } from '../net';
import { segmentSentences } from '../sentences/segment';
import {
  mayUse,
  ProviderBudget,
  ProviderSettingsStore,
  PROVIDER_IDS,
  type ProvidersSettings,
} from '../settings/providers';
import { DocumentLoader, type LoadedDoc } from './documents';
import { findProviderCandidates, fromGuardedFetch, PROVIDERS, type ProviderId } from './providers';
import { namedEndpoints } from './providers/access';
import { checkProvider } from './providers/check';
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

/**
 * Reads the provider settings and tells the network guard which endpoints the reader named, so
 * their own Kiwix or SearxNG on the local network may be reached (and nothing else private).
 */
export async function readProviderSettings(
  store: ProviderSettingsStore,
): Promise<ProvidersSettings> {
  const settings = await store.get();
  setReaderOrigins(namedEndpoints(settings));
  return settings;
}

/**
 * The source service. `access` is the reader's host permissions: pages and provider endpoints on
 * hosts they did not grant are never contacted (omitted only where no browser decides, in Node).
 */
export function createSourceService(access?: HostAccess): SourceService {
  const pages = openPageCache<LoadedDoc>();
  const results = openResultCache<SentenceSources>();
  const granted = access ? { access } : {};
  const loader = new DocumentLoader({
    fetchText: async (url) => {
      const r = await guardedFetch(url, { accept: 'text', ...granted });
      return { finalUrl: r.finalUrl, body: r.body, contentType: r.contentType };
    },
    fetchFavicon: async (url) => {
      const r = await guardedFetch(url, {
        accept: 'image',
        maxBytes: FAVICON_MAX_BYTES,
        timeoutMs: 5000,
        ...granted,
      });
      return `data:${r.contentType};base64,${toBase64(r.body)}`;
    },
    extract: (body, url, contentType) => extractFetched(body, url, contentType),
    segment: segmentSentences,
    cache: pages,
    describeError,
    // Missing permission is lifted by one click: ask again next time, do not remember.
    remember: (err) => !(isNetError(err) && err.code === 'no-access'),
  });
  return new SourceService(loader, results, createProviderHook(undefined, undefined, access));
}

/** Search providers behind the reader's switches and consent (nothing is asked otherwise). */
export function createProviderHook(
  store = new ProviderSettingsStore(),
  budget = new ProviderBudget(),
  access?: HostAccess,
): ProviderHook {
  const fetch = fromGuardedFetch(guardedFetch, access);
  return {
    async active() {
      const settings = await readProviderSettings(store);
      return PROVIDER_IDS.filter(
        (id) => mayUse(settings, id) && PROVIDERS[id].isConfigured(settings[id]),
      );
    },
    async find(sentences, page, signal) {
      const settings = await readProviderSettings(store);
      try {
        const found = await findProviderCandidates(sentences, page, settings, {
          signal,
          fetch,
          budget,
        });
        for (const f of found.failures)
          console.warn('[sourcelight] provider', f.provider, f.message);
        return { candidates: found.candidates, failures: found.failures.map((f) => f.message) };
      } catch (err) {
        console.warn('[sourcelight] providers failed', err);
        return { candidates: new Map(), failures: [] };
      }
    },
  };
}

/**
 * "Check connection" from the options page: one harmless search with the stored settings of
 * provider `id`, through the same door (and host permissions) as real searches.
 */
export function createProviderCheck(
  store = new ProviderSettingsStore(),
  access?: HostAccess,
): (id: ProviderId) => Promise<{ ok: boolean; message: string }> {
  const fetch = fromGuardedFetch(guardedFetch, access);
  return async (id) => {
    const settings = await readProviderSettings(store);
    return checkProvider(id, settings[id], fetch);
  };
}
