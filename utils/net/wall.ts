/**
 * The network-level wall: a second line behind checkUrl that the browser itself enforces on
 * every request this extension makes, including redirect hops that fetch() never shows us.
 *
 * - Chrome (MV3): declarativeNetRequest session rules, limited to requests initiated by this
 *   extension outside any tab, block URLs whose host is an internal IP literal or a local name.
 *   Higher-priority allow rules open 127.0.0.1 on the test-build ports. Chrome gives DNR no view
 *   of DNS answers, so a public name that resolves to an internal address is not caught here.
 * - Firefox (MV2): a blocking webRequest.onBeforeRequest listener for this extension's own
 *   requests runs checkUrl and then resolves the host with browser.dns.resolve, cancelling the
 *   request if any answer is internal. Firefox's connection uses the same DNS cache entry, which
 *   also closes DNS-rebinding names.
 *
 * See the comment atop fetch.ts for what was verified in which browser.
 */
import { browser } from 'wxt/browser';
import { isRefusedAddress, parseIPv4 } from './address';
import { buildAllowance, onReaderOriginsChange, type LoopbackAllowance } from './allowance';
import { checkUrl, LOCAL_SUFFIXES } from './check-url';
import { guardState, replaceGuardState, setGuardState, type GuardState } from './guard-state';

/** Session-rule ids this module owns; it removes and re-adds exactly these. */
export const RULE_ID_BASE = 4100;
const RULE_ID_SPAN = 50;

const URL_HEAD = '^https?://([^/?#@]*@)?';
const URL_TAIL = '(:[0-9]+)?([/?#]|$)';
const OCTET = '[0-9]{1,3}';

/**
 * Host patterns (RE2 syntax, also valid JavaScript) the wall refuses. URLs reach DNR already
 * canonicalised: IPv4 in dotted decimal, IPv6 compressed and lower-case, names lower-case.
 * IPv6 prefixes are coarser than address.ts (all NAT64 and 6to4 literals): no news link uses them.
 */
export const REFUSED_HOST_PATTERNS: readonly string[] = [
  `(0|10|127)\\.${OCTET}\\.${OCTET}\\.${OCTET}`,
  `100\\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\\.${OCTET}\\.${OCTET}`,
  `169\\.254\\.${OCTET}\\.${OCTET}`,
  `172\\.(1[6-9]|2[0-9]|3[01])\\.${OCTET}\\.${OCTET}`,
  `192\\.(168\\.${OCTET}|0\\.[02]|88\\.99)\\.${OCTET}`,
  `198\\.(1[89]\\.${OCTET}|51\\.100)\\.${OCTET}`,
  `203\\.0\\.113\\.${OCTET}`,
  `(22[4-9]|2[3-5][0-9])\\.${OCTET}\\.${OCTET}\\.${OCTET}`,
  '\\[(::|f[c-f][0-9a-f]{2}:|64:ff9b:|100::|2001:db8:|2002:)[0-9a-f:.]*\\]',
  `([^/?#:@]*\\.)?(${LOCAL_SUFFIXES.map((s) => s.replace(/\./g, '\\.')).join('|')})\\.?`,
  // Single-label names (no dot) only resolve through local search domains.
  '[^/?#:@.\\[]+\\.?',
];

/** Minimal shape of a DNR rule, so this file does not depend on one browser's typings. */
export interface WallRule {
  id: number;
  priority: number;
  action: { type: 'block' | 'allow' };
  condition: { regexFilter: string; initiatorDomains: string[]; tabIds: number[] };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The session rules for Chrome: one block rule per refused host pattern, an allow rule of
 * higher priority for 127.0.0.1 on the test ports when the build has any, and one for each
 * provider origin the reader named (their own Kiwix or SearxNG on the local network).
 */
export function buildWallRules(extensionId: string, allow: LoopbackAllowance): WallRule[] {
  const condition = (regexFilter: string) => ({
    regexFilter,
    // Only requests this extension starts outside any tab (its worker): pages are untouched.
    initiatorDomains: [extensionId],
    tabIds: [-1],
  });
  const rules: WallRule[] = REFUSED_HOST_PATTERNS.map((host, i) => ({
    id: RULE_ID_BASE + i,
    priority: 1,
    action: { type: 'block' },
    condition: condition(`${URL_HEAD}${host}${URL_TAIL}`),
  }));
  if (allow.ports.length) {
    rules.push({
      id: RULE_ID_BASE + REFUSED_HOST_PATTERNS.length,
      priority: 2,
      action: { type: 'allow' },
      condition: condition(`^https?://127\\.0\\.0\\.1:(${allow.ports.join('|')})([/?#]|$)`),
    });
  }
  for (const origin of allow.origins ?? []) {
    if (rules.length >= RULE_ID_SPAN) break;
    rules.push({
      id: RULE_ID_BASE + rules.length,
      priority: 2,
      action: { type: 'allow' },
      condition: condition(`^${escapeRegex(origin)}([/?#]|$)`),
    });
  }
  return rules;
}

/** What the Firefox listener needs from the browser, injectable for tests. */
export interface FirefoxWallDeps {
  /** This extension's base URL, e.g. `moz-extension://<uuid>/`. */
  ownOrigin: string;
  /** The allowance, or a getter for the one in force (it changes with the reader's providers). */
  allow: LoopbackAllowance | (() => LoopbackAllowance);
  resolve: (hostname: string) => Promise<{ addresses: string[] }>;
}

/** The parts of webRequest.onBeforeRequest details the listener reads. */
export interface RequestDetails {
  url: string;
  originUrl?: string;
  documentUrl?: string;
}

/**
 * Builds the blocking onBeforeRequest listener: requests not started by this extension pass
 * untouched; ours must pass checkUrl and, for names, resolve only to public addresses. Failure to
 * resolve cancels too: the connection could not be made anyway, and failing closed is safer.
 */
export function createFirefoxListener(deps: FirefoxWallDeps) {
  return async (details: RequestDetails): Promise<{ cancel: boolean }> => {
    const origin = details.originUrl ?? details.documentUrl ?? '';
    if (!origin.startsWith(deps.ownOrigin)) return { cancel: false };
    const allow = typeof deps.allow === 'function' ? deps.allow() : deps.allow;
    const checked = checkUrl(details.url, allow);
    if (!checked.ok) return { cancel: true };
    // An origin the reader named for a provider may resolve to their own network: that is the point.
    if (allow.origins?.includes(checked.url.origin)) return { cancel: false };
    const host = checked.url.hostname;
    // IP literals were judged by checkUrl (with the test allowance); only names need DNS.
    if (host.startsWith('[') || parseIPv4(host)) return { cancel: false };
    try {
      const { addresses } = await deps.resolve(host);
      return { cancel: addresses.length === 0 || addresses.some(isRefusedAddress) };
    } catch {
      return { cancel: true };
    }
  };
}

interface FirefoxApis {
  dns?: { resolve(hostname: string): Promise<{ addresses: string[] }> };
  webRequest?: {
    onBeforeRequest: {
      addListener(
        listener: (details: RequestDetails) => Promise<{ cancel: boolean }>,
        filter: { urls: string[]; tabId?: number },
        extraInfoSpec: string[],
      ): void;
    };
  };
}

interface ChromeDnrApi {
  updateSessionRules(options: { removeRuleIds: number[]; addRules: WallRule[] }): Promise<void>;
}

async function installChromeRules(
  dnr: ChromeDnrApi,
  allow: LoopbackAllowance,
): Promise<GuardState> {
  const removeRuleIds = Array.from({ length: RULE_ID_SPAN }, (_, i) => RULE_ID_BASE + i);
  // Session rules outlive the worker, so re-installing on every start replaces, never piles up.
  await dnr.updateSessionRules({
    removeRuleIds,
    addRules: buildWallRules(browser.runtime.id, allow),
  });
  return 'active';
}

/**
 * Puts the wall up. Call it once at the top level of the background entrypoint, before any
 * `await`, so Firefox registers its listener synchronously on every background start. Resolves to
 * 'active' when the browser enforces the wall; guardedFetch waits for this and refuses redirects
 * it cannot check while the wall is down.
 */
export function installNetworkGuard(fixed?: LoopbackAllowance): Promise<GuardState> {
  // Without a fixed allowance (tests pass one), the one in force is read at each request.
  const allow = () => fixed ?? buildAllowance();
  const ff = browser as unknown as FirefoxApis;
  const dnr = (browser as unknown as { declarativeNetRequest?: ChromeDnrApi })
    .declarativeNetRequest;
  let state: Promise<GuardState>;
  if (ff.dns && ff.webRequest) {
    const dns = ff.dns;
    // The base URL string, not URL.origin: non-special schemes have an opaque ("null") origin
    // in standard URL parsers, which would match nothing.
    const ownOrigin = (browser.runtime.getURL as (p: string) => string)('/');
    ff.webRequest.onBeforeRequest.addListener(
      createFirefoxListener({ ownOrigin, allow, resolve: (h) => dns.resolve(h) }),
      // tabId -1: requests made outside any tab, i.e. by the background page.
      { urls: ['http://*/*', 'https://*/*'], tabId: -1 },
      ['blocking'],
    );
    state = Promise.resolve('active');
  } else if (dnr?.updateSessionRules) {
    const install = () =>
      installChromeRules(dnr, allow()).catch((e: unknown) => {
        console.warn('[sourcelight] network guard rules were refused', e);
        return 'unavailable' as const;
      });
    state = install();
    // A provider origin named or dropped: fetches wait for the rules that say so.
    if (!fixed) onReaderOriginsChange(() => replaceGuardState(guardState().then(install)));
  } else {
    state = Promise.resolve('unavailable');
  }
  return setGuardState(state);
}
