/** The typed failures of a provider request, each with a sentence a reader can act on. */
import type { ProviderErrorCode } from './types';

const READER_MESSAGES: Record<ProviderErrorCode, (name: string) => string> = {
  'bad-key': (n) => `${n} refused the API key; check it in Sourcelight's options`,
  quota: (n) => `${n} asks Sourcelight to slow down; it will try again later`,
  unreachable: (n) => `${n} could not be reached`,
  'wrong-endpoint': (n) =>
    `The address set for ${n} does not answer like ${n}; check it in the options`,
  server: (n) => `${n} had a server error`,
  timeout: (n) => `${n} took too long to answer`,
  blocked: (n) => `Sourcelight does not contact the address set for ${n}`,
  'no-access': (n) =>
    `Sourcelight has not been allowed to contact ${n}; turn ${n} off and on again in the options to allow it`,
  aborted: () => 'The request was cancelled',
};

/**
 * An expected provider failure. `message` is fit to show a reader; `detail` is for logs only.
 * `retryAfterMs` is set for `quota` when the service said how long to wait.
 */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly code: ProviderErrorCode,
    providerName: string,
    readonly detail = '',
    readonly retryAfterMs?: number,
  ) {
    super(READER_MESSAGES[code](providerName));
  }
}

/** Narrowing helper for callers that catch `unknown`. */
export function isProviderError(e: unknown): e is ProviderError {
  return e instanceof ProviderError;
}

/**
 * Parses a Retry-After header (delta seconds or an HTTP date) into milliseconds from `now`.
 * Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The error kind for an HTTP status a provider did not handle itself; undefined for 2xx. */
export function codeForStatus(status: number): ProviderErrorCode | undefined {
  if (status >= 200 && status < 300) return undefined;
  if (status === 401 || status === 403) return 'bad-key';
  if (status === 429) return 'quota';
  if (status >= 500) return 'server';
  // 404, 405, 400 without a recognised body: the address is not this kind of service.
  return 'wrong-endpoint';
}
