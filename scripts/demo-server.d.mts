/** Types for scripts/demo-server.mjs, so TypeScript tests can import it under `strict`. */

/** One demo site: its name, folder under demo-site/, favicon letter and colour. */
export interface DemoSite {
  name: string;
  dir: string;
  letter: string;
  color: [number, number, number];
  /** Only the site that serves `/redirect?to=`. */
  redirect?: boolean;
}

/** The running servers. */
export interface DemoServers {
  /** Origin of each site by name, e.g. `{ news: 'http://127.0.0.1:8601', wire: … }`. */
  sites: Record<string, string>;
  /** Requests received per port since start or the last `reset()`. */
  counts: Map<number, number>;
  /** Sets every count back to zero. */
  reset(): void;
  /** Stops every server, cutting open connections. */
  close(): Promise<void>;
}

/** The sites in port order from `basePort` (news first). */
export const SITES: readonly DemoSite[];

/** Starts one server per site on `host`, ports `basePort`…`basePort + 8`. */
export function startDemoServers(options?: {
  host?: string;
  basePort?: number;
}): Promise<DemoServers>;

/** A 32×32 PNG of a white capital on the given colour. */
export function makeFavicon(letter: string, color: [number, number, number]): Buffer;
