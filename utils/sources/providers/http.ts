/**
 * One provider request: time limit covering headers and body, the injected fetch, and the
 * mapping of every failure to a {@link ProviderError}.
 */
import { codeForStatus, parseRetryAfter, ProviderError } from './errors';
import type { Provider, ProviderResponse, SearchContext } from './types';

/** Optional per-provider reading of an error answer before the generic status mapping. */
export type ErrorReader = (res: ProviderResponse) => ProviderError | undefined;

/**
 * Requests `url` for `provider`. Resolves with a 2xx answer; throws ProviderError otherwise.
 * `readError` lets a provider recognise its own error bodies (a 400 that means "bad key").
 */
export async function providerRequest(
  provider: Pick<Provider, 'name' | 'limits'>,
  url: string,
  ctx: SearchContext,
  headers: Record<string, string> = {},
  readError?: ErrorReader,
): Promise<ProviderResponse> {
  const { name, limits } = provider;
  if (ctx.signal.aborted) throw new ProviderError('aborted', name);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  const onAbort = () => controller.abort();
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  ctx.onRequest?.();
  let res: ProviderResponse;
  try {
    res = await ctx.fetch(url, {
      headers,
      signal: controller.signal,
      timeoutMs: limits.timeoutMs,
      maxBytes: limits.maxBytes,
    });
  } catch (e) {
    // The door's own failures come back named after no provider: name them.
    if (e instanceof ProviderError) throw new ProviderError(e.code, name, e.detail, e.retryAfterMs);
    if (timedOut)
      throw new ProviderError('timeout', name, `no answer within ${limits.timeoutMs} ms`);
    if (ctx.signal.aborted) throw new ProviderError('aborted', name);
    throw new ProviderError('unreachable', name, e instanceof Error ? e.message : String(e));
  } finally {
    clearTimeout(timer);
    ctx.signal.removeEventListener('abort', onAbort);
  }
  const own = readError?.(res);
  if (own) throw own;
  const code = codeForStatus(res.status);
  if (!code) return res;
  const retryAfterMs =
    code === 'quota' ? parseRetryAfter(res.headers.get('retry-after'), Date.now()) : undefined;
  throw new ProviderError(code, name, `HTTP ${res.status}`, retryAfterMs);
}

/** Parses a JSON body; a body that is not JSON means the endpoint is not the expected kind. */
export function parseJson(provider: Pick<Provider, 'name'>, body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new ProviderError('wrong-endpoint', provider.name, 'answer is not JSON');
  }
}

/** Throws `wrong-endpoint` unless `ok`: the answer does not have the provider's shape. */
export function expectShape(provider: Pick<Provider, 'name'>, ok: boolean, what: string): void {
  if (!ok) throw new ProviderError('wrong-endpoint', provider.name, `unexpected answer: ${what}`);
}
