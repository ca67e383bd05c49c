// @vitest-environment node
/**
 * The production permission check: with host access not granted, guardedFetch contacts nothing
 * (the server counts zero requests); once the reader grants the host (fake-browser's permissions
 * API, as the options page's request would), the same fetch goes through.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALL_HOSTS, hostPattern, permissionsAccess } from '../../../utils/net/access';
import { parsePorts } from '../../../utils/net/allowance';
import { NetError } from '../../../utils/net/errors';
import { guardedFetch } from '../../../utils/net/fetch';
import { Limiter } from '../../../utils/net/limiter';

let server: http.Server;
let base: string;
let port: number;
const hits: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/hop') {
      res.writeHead(302, { location: `http://localhost:${port}/page` });
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>T</title><p>Hello</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
/**
 * fake-browser leaves `permissions` unmocked: a grant table with the browsers' match-pattern
 * reading, enough for host patterns (`http://host/*`) and "every host" (`http://*\/*`).
 */
function installPermissions() {
  const granted = new Set<string>();
  const covers = (have: string, want: string) => {
    if (have === want) return true;
    const [scheme] = have.split('://');
    return have === `${scheme}://*/*` && want.startsWith(`${scheme}://`);
  };
  const has = (o: string) => [...granted].some((g) => covers(g, o));
  Object.assign(fakeBrowser.permissions, {
    contains: async ({ origins = [] }: { origins?: string[] }) => origins.every(has),
    request: async ({ origins = [] }: { origins?: string[] }) => {
      for (const o of origins) granted.add(o);
      return true;
    },
    remove: async ({ origins = [] }: { origins?: string[] }) => {
      for (const o of origins) granted.delete(o);
      return true;
    },
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  installPermissions();
  hits.length = 0;
});

const options = () => ({
  accept: 'html' as const,
  allowance: parsePorts(String(port)),
  limiter: new Limiter({ total: 4, perHost: 2 }),
  access: permissionsAccess(browser.permissions),
});

describe('host access', () => {
  it('names a host on any port, http(s) only', () => {
    expect(hostPattern('https://news.example.org:8443/a?b#c')).toBe('https://news.example.org/*');
    expect(hostPattern('http://192.168.1.5:8080/')).toBe('http://192.168.1.5/*');
    expect(hostPattern('ftp://example.org/')).toBeNull();
    expect(hostPattern('not a url')).toBeNull();
  });

  it('blocks fetching while the host is not granted, and allows it after the grant', async () => {
    await expect(guardedFetch(`${base}/page`, options())).rejects.toMatchObject({
      code: 'no-access',
    });
    expect(hits).toEqual([]);

    expect(await browser.permissions.request({ origins: ['http://127.0.0.1/*'] })).toBe(true);
    const page = await guardedFetch(`${base}/page`, options());
    expect(page.body).toContain('Hello');
    expect(hits).toEqual(['/page']);

    // Given back: blocked again, with nothing sent.
    await browser.permissions.remove({ origins: ['http://127.0.0.1/*'] });
    const err = await guardedFetch(`${base}/page`, options()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetError);
    expect((err as NetError).message).toMatch(/allow it in Sourcelight’s options/);
    expect(hits).toEqual(['/page']);
  });

  it('does not follow a redirect to a host that was not granted', async () => {
    await browser.permissions.request({ origins: ['http://127.0.0.1/*'] });
    const allowance = { ports: [port], origins: [`http://localhost:${port}`] };
    await expect(guardedFetch(`${base}/hop`, { ...options(), allowance })).rejects.toMatchObject({
      code: 'no-access',
    });
    expect(hits).toEqual(['/hop']);
  });

  it('reports all hosts granted only for every http(s) host', async () => {
    const access = permissionsAccess(browser.permissions);
    expect(await access.allowsAll()).toBe(false);
    await browser.permissions.request({ origins: ['https://example.org/*'] });
    expect(await access.allowsAll()).toBe(false);
    await browser.permissions.request({ origins: [...ALL_HOSTS] });
    expect(await access.allowsAll()).toBe(true);
    expect(await access.allows(new URL('https://anything.example.net/x'))).toBe(true);
  });
});
