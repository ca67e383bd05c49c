/**
 * The extension's ProviderFetch: the network door (utils/net guardedFetch), so provider requests
 * get the same URL guard, size cap, no cookies and no referrer as every other request.
 *
 * With `accept: 'data'` the door returns non-2xx answers (with their body and rate-limit
 * headers) instead of throwing, so the provider's own error mapping sees 401, 429 + Retry-After…
 */
import { isNetError, type HostAccess, type guardedFetch as GuardedFetch } from '../../net';
import { ProviderError } from './errors';
import type { ProviderFetch } from './types';

const NO_HEADERS = { get: () => null };

const headerReader = (h: Record<string, string> | undefined) => ({
  get: (name: string) => h?.[name.toLowerCase()] ?? null,
});

/**
 * A ProviderFetch over `door` (pass utils/net's guardedFetch). With `access`, an endpoint whose
 * host the reader did not grant is never contacted.
 */
export function fromGuardedFetch(door: typeof GuardedFetch, access?: HostAccess): ProviderFetch {
  return async (url, init) => {
    try {
      const r = await door(url, {
        accept: 'data',
        signal: init.signal,
        timeoutMs: init.timeoutMs,
        maxBytes: init.maxBytes,
        cache: 'no-store',
        headers: init.headers,
        ...(access ? { access } : {}),
      });
      return { status: r.status, headers: headerReader(r.headers), body: r.body };
    } catch (e) {
      if (!isNetError(e)) throw e;
      if (e.code === 'http-status' && e.status)
        return { status: e.status, headers: NO_HEADERS, body: '' };
      if (e.code === 'blocked') throw new ProviderError('blocked', 'This provider', e.detail);
      if (e.code === 'no-access') throw new ProviderError('no-access', 'This provider', e.detail);
      if (e.code === 'unsupported-type' || e.code === 'too-large')
        throw new ProviderError('wrong-endpoint', 'This provider', `${e.code}: ${e.detail}`);
      if (e.code === 'timeout') throw new ProviderError('timeout', 'This provider', e.detail);
      if (e.code === 'aborted') throw new ProviderError('aborted', 'This provider');
      throw new ProviderError('unreachable', 'This provider', e.detail);
    }
  };
}
