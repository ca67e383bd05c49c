/**
 * guardedFetch: the only way Sourcelight fetches a page or a favicon.
 *
 * Redirects — what was verified (throwaway extensions against a 127.0.0.1 server that answers
 * 302, run on this project's machine):
 * - Chromium 156, MV3 service worker with <all_urls>: `fetch(u, {redirect: 'manual'})` resolves
 *   to `type: 'opaqueredirect'`, `status: 0`, `headers.get('location') === null`, `url` = the
 *   request URL. `redirect: 'follow'` resolves with `redirected: true` and `url` = the final URL.
 *   A declarativeNetRequest session rule `{regexFilter, initiatorDomains: [runtime.id],
 *   tabIds: [-1]}` with action block makes the worker's own fetch reject (TypeError "Failed to
 *   fetch"), both for a direct request and for a redirect hop: the hop target server saw no request.
 *   A priority-2 allow rule for another port let that port through.
 * - Firefox 153 ESR, MV2 background page: the same opaqueredirect (status 0, no Location).
 *   A blocking `webRequest.onBeforeRequest` listener (async, awaiting `browser.dns.resolve`) sees
 *   the background's own requests (`tabId: -1`, `originUrl: moz-extension://<uuid>/
 *   _generated_background_page.html`), including each redirect hop as its own event; returning
 *   `{cancel: true}` made fetch reject (TypeError "NetworkError…") and the hop target saw nothing.
 *   `dns.resolve('localhost')` gave ['127.0.0.1', '::1']; an IP literal resolves to itself; an
 *   unknown name rejects with NS_ERROR_UNKNOWN_HOST.
 * - Node 20 (unit tests, evals): `redirect: 'manual'` returns the real 3xx with its Location.
 * - This module and wall.ts bundled into such an extension (test ports 18711 and 18713 allowed):
 *   in both browsers installNetworkGuard() gave 'active', an allowed page and an allowed redirect
 *   came back with the right finalUrl, and redirects from 18711 to 127.0.0.1:18712, to
 *   localhost:18712 and to 2130706433:18712 failed as 'network' errors with no request reaching
 *   18712; plain fetch() to 127.0.0.1:18712, localhost, 0x7f.1 and [::ffff:127.0.0.1] failed too.
 *   A public-looking name mapped to 127.0.0.1 (Chrome --host-resolver-rules, Firefox
 *   network.dns.localDomains) was cancelled by Firefox's DNS check but reached the server in
 *   Chrome: DNS rebinding stays open in Chrome, whose extensions cannot resolve names.
 *
 * Hence two modes. Where the Location header is readable (Node), every hop is checked here and
 * counted against `maxRedirects`. In a browser, only once wall.ts reports the network-level wall
 * active, redirects are followed by the browser (which caps them at 20, so `maxRedirects` is not
 * enforced there) with the wall checking every hop, and the final URL is checked again here. A
 * browser redirect met without the wall is refused: no hop we cannot see is ever requested.
 */
import type { HostAccess } from './access';
import { buildAllowance, type LoopbackAllowance } from './allowance';
import { checkUrl } from './check-url';
import { charsetFromContentType, decodeBody, mimeType } from './decode';
import { NetError } from './errors';
import { guardState } from './guard-state';
import { sharedLimiter, type Limiter } from './limiter';

/** What kind of resource the caller can use. */
/** 'data' is for provider APIs: JSON, XML/RSS or text, with non-2xx answers returned, not thrown. */
export type Accept = 'html' | 'text' | 'image' | 'data';

const ACCEPTED_TYPES: Record<Accept, readonly string[]> = {
  html: ['text/html', 'application/xhtml+xml'],
  text: ['text/html', 'application/xhtml+xml', 'text/plain'],
  data: [
    'application/json',
    'application/rss+xml',
    'application/atom+xml',
    'application/xml',
    'text/xml',
    'text/plain',
    'text/html',
    'application/opensearchdescription+xml',
  ],
  image: [
    'image/png',
    'image/x-icon',
    'image/vnd.microsoft.icon',
    'image/gif',
    'image/jpeg',
    'image/webp',
    'image/avif',
    'image/svg+xml',
  ],
};

const ACCEPT_HEADER: Record<Accept, string> = {
  html: 'text/html,application/xhtml+xml;q=0.9',
  text: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8',
  image: 'image/avif,image/webp,image/png,image/svg+xml,image/*;q=0.8',
  data: 'application/json,application/rss+xml;q=0.9,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5',
};

/** Response headers a provider may need (rate limits); nothing else is passed on. */
const KEPT_HEADERS = ['retry-after', 'x-ratelimit-reset', 'x-ratelimit-remaining'];

/** Whether a MIME type is JSON of any flavour (`application/vnd.x+json`). */
const isJson = (type: string) => type === 'application/json' || type.endsWith('+json');

export interface GuardedFetchOptions<A extends Accept = Accept> {
  /** 'html': HTML/XHTML; 'text': those or text/plain; 'image': favicon-style images. */
  accept: A;
  signal?: AbortSignal;
  /** Covers the whole request after it leaves the queue: headers, redirects and body. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Loopback ports a test build may use; defaults to the compiled-in list. */
  allowance?: LoopbackAllowance;
  /**
   * HTTP cache mode. 'default' lets servers' caching headers save repeat downloads; extension
   * requests are cached under the extension's own partition, not the sites'.
   */
  cache?: RequestCache;
  /** Injected for tests; defaults to the shared 4-overall/2-per-host limiter. */
  limiter?: Limiter;
  /** Extra request headers (a provider's API token). Never cookies: credentials are omitted. */
  headers?: Record<string, string>;
  /**
   * The reader's host permissions (access.ts). When given, a host they did not grant is never
   * contacted (NetError 'no-access'), and redirects are followed only once every host is granted.
   */
  access?: HostAccess;
}

interface FetchedBase {
  /** The URL the content came from, after redirects. */
  finalUrl: string;
  status: number;
  /** MIME type without parameters, lower-cased. */
  contentType: string;
  redirected: boolean;
}

/** A page or plain-text document, decoded. */
export interface FetchedText extends FetchedBase {
  body: string;
  /** The encoding the body was decoded with. */
  charset: string;
  /** For `accept: 'data'`: the rate-limit headers of the answer, lower-cased names. */
  headers?: Record<string, string>;
}

/** An image's raw bytes. */
export interface FetchedImage extends FetchedBase {
  body: Uint8Array;
}

const isRedirectStatus = (status: number) => status >= 300 && status < 400 && status !== 304;

/** Discards a body we will not read, so the connection is freed. */
function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

interface Reached {
  response: Response;
  finalUrl: URL;
}

async function reach(
  start: URL,
  init: RequestInit,
  behindWall: boolean,
  maxRedirects: number,
  allow: LoopbackAllowance,
  access: HostAccess | undefined,
): Promise<Reached> {
  if (behindWall) {
    const response = await fetch(start.href, { ...init, redirect: 'follow' });
    const final = checkUrl(response.url || start.href, allow);
    if (!final.ok) {
      discard(response);
      throw new NetError('blocked', `final URL refused: ${final.reason}`);
    }
    return { response, finalUrl: final.url };
  }
  let url = start;
  for (let hop = 0; ; hop++) {
    const response = await fetch(url.href, { ...init, redirect: 'manual' });
    if (response.type === 'opaqueredirect') {
      throw new NetError(
        'blocked',
        'redirect target unreadable and the network guard is not active',
      );
    }
    const location = response.headers.get('location');
    if (!isRedirectStatus(response.status) || location === null) return { response, finalUrl: url };
    discard(response);
    if (hop >= maxRedirects) throw new NetError('too-many-redirects', `more than ${maxRedirects}`);
    let target: string;
    try {
      target = new URL(location, url).href;
    } catch {
      throw new NetError('network', 'unreadable redirect Location');
    }
    const next = checkUrl(target, allow);
    if (!next.ok) throw new NetError('blocked', `redirect refused: ${next.reason}`);
    if (access && !(await access.allows(next.url)))
      throw new NetError('no-access', `redirect to ${next.url.host}, not granted`);
    url = next.url;
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    discard(response);
    throw new NetError('too-large', `declared ${declared} bytes`);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      reader.cancel().catch(() => undefined);
      throw new NetError('too-large', `more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Bytes that never occur in text (WHATWG MIME Sniffing's "binary data bytes"). */
// eslint-disable-next-line no-control-regex -- control bytes are exactly what is looked for
const BINARY_BYTE = /[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]/;

/**
 * Guesses a missing Content-Type from the first bytes: markup, plain text, or binary (an archive,
 * an executable, a PDF's compressed streams), which is then refused rather than read as text.
 */
function sniffType(bytes: Uint8Array): string {
  const start = bytes.subarray(0, 512);
  const utf16 =
    start[0] === 0xfe && start[1] === 0xff
      ? 'utf-16be'
      : start[0] === 0xff && start[1] === 0xfe
        ? 'utf-16le'
        : undefined;
  const head = new TextDecoder(utf16 ?? 'latin1').decode(start);
  if (!utf16 && BINARY_BYTE.test(head)) return 'application/octet-stream';
  return /^(\ufeff|ï»¿)?\s*<(!doctype html|html|head|body|meta|title|!--)/.test(
    head.trimStart().toLowerCase(),
  )
    ? 'text/html'
    : 'text/plain';
}

/**
 * Fetches `url` if the guard allows it, following redirects only to allowed hosts, with a time
 * limit, a size limit and a content-type allow-list, through the shared concurrency limiter.
 * Never sends cookies or a referrer. Throws {@link NetError} for every expected failure.
 */
export function guardedFetch(
  url: string,
  options: GuardedFetchOptions<'image'>,
): Promise<FetchedImage>;
export function guardedFetch(
  url: string,
  options: GuardedFetchOptions<'html' | 'text' | 'data'>,
): Promise<FetchedText>;
export async function guardedFetch(
  url: string,
  options: GuardedFetchOptions,
): Promise<FetchedText | FetchedImage> {
  const {
    accept,
    signal,
    timeoutMs = 10_000,
    maxBytes = 2_000_000,
    maxRedirects = 5,
    allowance = buildAllowance(),
    cache = 'default',
    limiter = sharedLimiter,
    headers: extraHeaders = {},
    access,
  } = options;
  const first = checkUrl(url, allowance);
  if (!first.ok) throw new NetError('blocked', first.reason);
  if (signal?.aborted) throw new NetError('aborted');
  if (access && !(await access.allows(first.url)))
    throw new NetError('no-access', `no host permission for ${first.url.host}`);
  // A redirect hop to a host without permission would leave unseen by the wall (it acts only on
  // granted hosts): with partial access, redirects are read by hand, i.e. refused in a browser.
  const behindWall = (await guardState()) === 'active' && (!access || (await access.allowsAll()));

  let release: () => void;
  try {
    release = await limiter.acquire(first.url.host, signal);
  } catch {
    throw new NetError('aborted', 'cancelled while queued');
  }

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const init: RequestInit = {
    method: 'GET',
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    cache,
    headers: { ...extraHeaders, accept: ACCEPT_HEADER[accept] },
    signal: controller.signal,
  };

  try {
    const { response, finalUrl } = await reach(
      first.url,
      init,
      behindWall,
      maxRedirects,
      allowance,
      access,
    );
    if (!response.ok && accept !== 'data') {
      discard(response);
      throw new NetError('http-status', `HTTP ${response.status}`, response.status);
    }
    const header = response.headers.get('content-type');
    let type = mimeType(header);
    if (type && !ACCEPTED_TYPES[accept].includes(type) && !(accept === 'data' && isJson(type))) {
      discard(response);
      throw new NetError('unsupported-type', type);
    }
    if (!type && accept === 'image') {
      discard(response);
      throw new NetError('unsupported-type', 'no content type');
    }
    const bytes = await readCapped(response, maxBytes);
    const base = {
      finalUrl: finalUrl.href,
      status: response.status,
      redirected: response.redirected || finalUrl.href !== first.url.href,
    };
    if (accept === 'image') return { ...base, contentType: type, body: bytes };
    type ||= sniffType(bytes);
    if (!ACCEPTED_TYPES[accept].includes(type) && !(accept === 'data' && isJson(type)))
      throw new NetError('unsupported-type', type);
    const { text, charset } = decodeBody(
      bytes,
      charsetFromContentType(header),
      type !== 'text/plain',
    );
    if (accept === 'data') {
      const kept: Record<string, string> = {};
      for (const name of KEPT_HEADERS) {
        const v = response.headers.get(name);
        if (v) kept[name] = v;
      }
      return { ...base, contentType: type, body: text, charset, headers: kept };
    }
    return { ...base, contentType: type, body: text, charset };
  } catch (e) {
    if (e instanceof NetError) throw e;
    if (timedOut) throw new NetError('timeout', `no complete answer within ${timeoutMs} ms`);
    if (signal?.aborted) throw new NetError('aborted');
    throw new NetError('network', e instanceof Error ? e.message : String(e));
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    release();
  }
}
