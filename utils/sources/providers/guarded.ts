/**
 * The extension's ProviderFetch: the network door (utils/net guardedFetch), so provider requests
 * get the same URL guard, size cap, no cookies and no referrer as every other request.
 *
 * guardedFetch throws on non-2xx answers and drops response headers; this adapter turns an
 * `http-status` failure back into a response so the provider's error mapping still applies
 * (without the Retry-After header, which the door does not pass on: the default back-off is used).
 */
import { isNetError, type guardedFetch as GuardedFetch } from '../../net';
import { ProviderError } from './errors';
import type { ProviderFetch } from './types';

const NO_HEADERS = { get: () => null };

/** A ProviderFetch over `door` (pass utils/net's guardedFetch). */
export function fromGuardedFetch(door: typeof GuardedFetch): ProviderFetch {
  return async (url, init) => {
    try {
      const r = await door(url, {
        accept: 'text',
        signal: init.signal,
        timeoutMs: init.timeoutMs,
        maxBytes: init.maxBytes,
        cache: 'no-store',
        // Extra headers (API tokens) need the door's `headers` option: see the providers README.
        ...(Object.keys(init.headers).length ? ({ headers: init.headers } as object) : {}),
      });
      return { status: r.status, headers: NO_HEADERS, body: r.body };
    } catch (e) {
      if (!isNetError(e)) throw e;
      if (e.code === 'http-status' && e.status)
        return { status: e.status, headers: NO_HEADERS, body: '' };
      if (e.code === 'blocked') throw new ProviderError('blocked', 'This provider', e.detail);
      if (e.code === 'unsupported-type' || e.code === 'too-large')
        throw new ProviderError('wrong-endpoint', 'This provider', `${e.code}: ${e.detail}`);
      if (e.code === 'timeout') throw new ProviderError('timeout', 'This provider', e.detail);
      if (e.code === 'aborted') throw new ProviderError('aborted', 'This provider');
      throw new ProviderError('unreachable', 'This provider', e.detail);
    }
  };
}
