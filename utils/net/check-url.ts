/**
 * The URL guard: decides, before any byte leaves, whether a URL may be fetched at all. It is
 * applied to the first URL, to every redirect hop we can see, and to the final URL.
 */
import { isRefusedIPv4, isRefusedIPv6, parseIPv4, parseIPv6 } from './address';
import { buildAllowance, type LoopbackAllowance } from './allowance';

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/** Longer URLs are not links a person follows; refusing them bounds every later regex and log. */
const MAX_URL_CHARS = 4096;

/**
 * Top-level names that only ever resolve inside someone's own network: reserved for local use
 * (RFC 6761/6762/8375, ICANN's `.internal`) or never delegated and widely used on home and
 * office networks.
 */
export const LOCAL_SUFFIXES: readonly string[] = [
  'localhost',
  'local',
  'internal',
  'home.arpa',
  'localdomain',
  'lan',
  'intranet',
  'corp',
  'home',
];

function defaultPort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** Why a host name (not an IP literal) is refused, or null when it may be looked up. */
export function refusedName(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (!host.includes('.')) return 'single-label host names only exist on local networks';
  for (const suffix of LOCAL_SUFFIXES) {
    if (host === suffix || host.endsWith(`.${suffix}`)) return `.${suffix} names are local`;
  }
  return null;
}

/**
 * Decides whether `raw` may be fetched: http(s) only, no credentials, and no host that names the
 * reader's own machine or network (see address.ts for the ranges). The WHATWG URL parser turns
 * decimal, octal and hex IPv4 spellings (`http://2130706433/`, `http://0x7f.1/`) into dotted form
 * first, so checking the parsed hostname covers them.
 *
 * @param allowance Loopback ports that test builds may use; defaults to the compiled-in list.
 */
export function checkUrl(raw: string, allow: LoopbackAllowance = buildAllowance()): UrlCheck {
  if (raw.length > MAX_URL_CHARS) return { ok: false, reason: 'URL is too long' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `${url.protocol} URLs are not fetched` };
  }
  if (url.username || url.password) return { ok: false, reason: 'URL carries credentials' };
  // An endpoint the reader named for a provider (their own Kiwix on the LAN): that origin only.
  if (allow.origins?.includes(url.origin)) return { ok: true, url };

  const host = url.hostname;
  if (host.startsWith('[')) {
    const v6 = parseIPv6(host);
    if (!v6) return { ok: false, reason: 'unreadable IPv6 address' };
    return isRefusedIPv6(v6)
      ? { ok: false, reason: 'IPv6 address is not public' }
      : { ok: true, url };
  }
  const v4 = parseIPv4(host);
  if (v4) {
    if (host === '127.0.0.1' && allow.ports.includes(defaultPort(url))) return { ok: true, url };
    return isRefusedIPv4(v4)
      ? { ok: false, reason: 'IPv4 address is not public' }
      : { ok: true, url };
  }
  const nameProblem = refusedName(host);
  return nameProblem ? { ok: false, reason: nameProblem } : { ok: true, url };
}
