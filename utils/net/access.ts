/**
 * Host access: whether the reader has granted Sourcelight the right to contact a host. Host
 * permissions are optional and requested at run time (the onboarding and options pages ask, with
 * a click), so the background asks the browser before every request it would make: a request to a
 * host the reader did not grant is never started. Without the check, a browser would still send
 * the request (as a CORS request) and only hide the answer.
 */

/** Match patterns for "any http(s) page": what "Allow reading linked pages" asks for. */
export const ALL_HOSTS: readonly string[] = Object.freeze(['http://*/*', 'https://*/*']);

/**
 * The match pattern naming `url`'s host on any port, or null for a URL that is not http(s).
 * Ports are left out because Firefox match patterns with a port match nothing.
 */
export function hostPattern(url: string | URL): string | null {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  return `${u.protocol}//${u.hostname}/*`;
}

/** What the fetch door asks before contacting a host. */
export interface HostAccess {
  /** Whether `url`'s host was granted. */
  allows(url: URL): Promise<boolean>;
  /**
   * Whether every http(s) host was granted. Only then can a redirect to another host be
   * followed: its hop would otherwise leave before we could ask about it.
   */
  allowsAll(): Promise<boolean>;
}

/** The part of `browser.permissions` the check uses. */
export interface PermissionsApi {
  contains(permissions: { origins?: string[] }): Promise<boolean>;
}

/** Host access as the browser's permissions API reports it, asked afresh on every call. */
export function permissionsAccess(permissions: PermissionsApi): HostAccess {
  const contains = (origins: string[]) => permissions.contains({ origins }).catch(() => false);
  return {
    allows: async (url) => {
      const pattern = hostPattern(url);
      return pattern !== null && contains([pattern]);
    },
    allowsAll: () => contains([...ALL_HOSTS]),
  };
}
