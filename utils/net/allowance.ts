/**
 * The loopback allowance: test builds may reach 127.0.0.1 on a fixed list of ports so that
 * end-to-end tests can serve pages locally. The list is compiled in by wxt.config.ts
 * (`import.meta.env.SOURCELIGHT_TEST_PORTS`, '' in production), never read from settings.
 */

declare global {
  interface ImportMetaEnv {
    /** Comma-separated loopback ports a test build may fetch from; '' in production. */
    readonly SOURCELIGHT_TEST_PORTS?: string;
  }
}

/** What the URL guard lets through although it is not on the public internet. */
export interface LoopbackAllowance {
  /** Ports on 127.0.0.1 (and only that address) that may be contacted (test builds). */
  readonly ports: readonly number[];
  /**
   * Exact origins (`http://192.168.1.5:8080`) the reader named as a provider's endpoint: a
   * self-hosted Kiwix, SearxNG or OpenSearch on their own machine or network. Nothing else private.
   */
  readonly origins?: readonly string[];
}

/** The production allowance: nothing on loopback, ever. */
export const NO_LOOPBACK: LoopbackAllowance = Object.freeze({ ports: Object.freeze([]) });

/** Parses a comma-separated port list; anything that is not a port number is ignored. */
export function parsePorts(list: string | undefined): LoopbackAllowance {
  const ports = (list ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => /^\d{1,5}$/.test(p))
    .map(Number)
    .filter((n) => n > 0 && n < 65536);
  return ports.length ? Object.freeze({ ports: Object.freeze(ports) }) : NO_LOOPBACK;
}

let readerOrigins: readonly string[] = Object.freeze([]);
const originListeners = new Set<(origins: readonly string[]) => void>();

/** The origin of `endpoint` as the guard compares it, or null when it is not an http(s) URL. */
export function endpointOrigin(endpoint: string): string | null {
  try {
    const u = new URL(endpoint);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * Records the provider endpoints the reader named (the background calls this from the provider
 * settings). Returns whether the list changed; listeners (the network wall) hear of changes.
 */
export function setReaderOrigins(endpoints: readonly string[]): boolean {
  const next = [...new Set(endpoints.map(endpointOrigin).filter((o): o is string => !!o))].sort();
  if (next.join('\n') === readerOrigins.join('\n')) return false;
  readerOrigins = Object.freeze(next);
  for (const listener of originListeners) listener(readerOrigins);
  return true;
}

/** The provider origins the reader named. */
export function getReaderOrigins(): readonly string[] {
  return readerOrigins;
}

/** Calls `listener` whenever the reader's provider origins change; returns the unsubscribe. */
export function onReaderOriginsChange(listener: (origins: readonly string[]) => void): () => void {
  originListeners.add(listener);
  return () => originListeners.delete(listener);
}

/** The allowance in force: the compiled-in test ports plus the reader's provider origins. */
export function buildAllowance(): LoopbackAllowance {
  const base = parsePorts(import.meta.env?.SOURCELIGHT_TEST_PORTS);
  return readerOrigins.length ? { ports: base.ports, origins: readerOrigins } : base;
}
