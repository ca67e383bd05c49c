// @vitest-environment node
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parsePorts, type LoopbackAllowance } from '../../../utils/net/allowance';
import { NetError } from '../../../utils/net/errors';
import { guardedFetch, type GuardedFetchOptions } from '../../../utils/net/fetch';
import { resetGuardStateForTests, setGuardState } from '../../../utils/net/guard-state';
import { Limiter } from '../../../utils/net/limiter';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

interface TestServer {
  base: string;
  port: number;
  hits: string[];
  close: () => Promise<void>;
}

async function serve(handler: Handler): Promise<TestServer> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const html = (res: http.ServerResponse, body: string | Uint8Array, type = 'text/html') => {
  res.writeHead(200, { 'content-type': type });
  res.end(body);
};

let main: TestServer;
let other: TestServer;
let allowance: LoopbackAllowance;
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  main = await serve((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const to = url.searchParams.get('to');
    switch (url.pathname) {
      case '/page':
        return html(res, '<!doctype html><title>T</title><p>Hello</p>');
      case '/redirect':
        res.writeHead(Number(url.searchParams.get('code') ?? 302), { location: to ?? '/page' });
        return res.end();
      case '/loop': {
        const n = Number(url.searchParams.get('n'));
        res.writeHead(301, { location: `/loop?n=${n + 1}` });
        return res.end();
      }
      case '/latin1':
        return html(
          res,
          Buffer.from('<p>caf\xe9 \x93quoted\x94</p>', 'latin1'),
          'text/html; charset=windows-1252',
        );
      case '/sjis-meta':
        return html(
          res,
          Buffer.concat([
            Buffer.from('<meta charset="Shift_JIS"><p>'),
            Buffer.from([0x93, 0xfa, 0x96, 0x7b]),
          ]),
        );
      case '/koi8':
        // "Мир" in KOI8-R
        return html(res, Buffer.from([0xed, 0xc9, 0xd2]), 'text/plain; charset=koi8-r');
      case '/untyped':
        res.writeHead(200);
        return res.end(url.searchParams.get('body') ?? '');
      case '/plain':
        return html(res, 'first\n\nsecond', 'text/plain');
      case '/pdf':
        return html(res, '%PDF-1.4', 'application/pdf');
      case '/icon':
        return html(res, new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/png');
      case '/missing':
        res.writeHead(404, { 'content-type': 'text/html' });
        return res.end('<p>not found</p>');
      case '/big-declared':
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': '5000' });
        return res.end('x'.repeat(5000));
      case '/big-chunked': {
        res.writeHead(200, { 'content-type': 'text/html' });
        let sent = 0;
        const push = () => {
          if (sent >= 20 || res.destroyed) return res.end();
          sent++;
          res.write('y'.repeat(1000), () => setTimeout(push, 5));
        };
        return push();
      }
      case '/drip': {
        res.writeHead(200, { 'content-type': 'text/html' });
        const timer = setInterval(() => res.write('.'), 50);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case '/stall':
        return; // never answers
      case '/slow': {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        setTimeout(() => {
          inFlight--;
          html(res, '<p>slow</p>');
        }, 80);
        return;
      }
      default:
        res.writeHead(500);
        res.end();
    }
  });
  other = await serve((_req, res) => html(res, '<p>secret</p>'));
  allowance = parsePorts(String(main.port));
});

afterAll(async () => {
  await main.close();
  await other.close();
});

afterEach(() => resetGuardStateForTests());

const get = (path: string, extra: Partial<GuardedFetchOptions> = {}) =>
  guardedFetch(path.startsWith('http') ? path : `${main.base}${path}`, {
    accept: 'text',
    allowance,
    ...extra,
  } as GuardedFetchOptions<'text'>);

async function failure(p: Promise<unknown>): Promise<NetError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(NetError);
    return e as NetError;
  }
  throw new Error('expected a NetError');
}

describe('guardedFetch', () => {
  it('fetches an allowed page', async () => {
    const r = await get('/page', { accept: 'html' });
    expect(r).toMatchObject({ status: 200, contentType: 'text/html', redirected: false });
    expect(r.body).toContain('<p>Hello</p>');
    expect(r.finalUrl).toBe(`${main.base}/page`);
  });

  it('refuses a loopback port outside the allowance before any request', async () => {
    const e = await failure(get(`${other.base}/`));
    expect(e.code).toBe('blocked');
    expect(e.message).toMatch(/private or local/);
    expect(other.hits).toEqual([]);
  });

  it('refuses every loopback URL in production', async () => {
    const before = main.hits.length;
    const e = await failure(
      guardedFetch(`${main.base}/page`, { accept: 'html', allowance: parsePorts('') }),
    );
    expect(e.code).toBe('blocked');
    expect(main.hits.length).toBe(before);
  });

  it('follows allowed redirects, checking each hop (relative and absolute)', async () => {
    const r = await get(`/redirect?to=${encodeURIComponent(`${main.base}/redirect?to=/page`)}`);
    expect(r.finalUrl).toBe(`${main.base}/page`);
    expect(r.redirected).toBe(true);
    expect(r.body).toContain('Hello');
  });

  it.each([
    ['another loopback port', () => `${other.base}/secret`],
    ['localhost', () => `http://localhost:${other.port}/secret`],
    ['a decimal loopback', () => `http://2130706433:${other.port}/`],
    ['IPv4-mapped loopback', () => `http://[::ffff:127.0.0.1]:${other.port}/`],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/'],
    ['a non-http scheme', () => 'file:///etc/passwd'],
  ])('refuses a redirect to %s without contacting it', async (_name, target) => {
    for (const code of [301, 302, 303, 307, 308]) {
      const e = await failure(get(`/redirect?code=${code}&to=${encodeURIComponent(target())}`));
      expect(e.code).toBe('blocked');
    }
    expect(other.hits).toEqual([]);
  });

  it('stops after maxRedirects hops', async () => {
    const e = await failure(get('/loop?n=0', { maxRedirects: 3 }));
    expect(e.code).toBe('too-many-redirects');
    expect(main.hits.filter((h) => h.startsWith('/loop')).slice(-4)).toEqual([
      '/loop?n=0',
      '/loop?n=1',
      '/loop?n=2',
      '/loop?n=3',
    ]);
  });

  it('behind an active wall lets the platform follow and re-checks the final URL', async () => {
    void setGuardState(Promise.resolve('active'));
    const ok = await get('/redirect?to=/page');
    expect(ok.finalUrl).toBe(`${main.base}/page`);
    // Node has no wall, so the hop is really made here; the final check must still refuse it.
    const e = await failure(get(`/redirect?to=${encodeURIComponent(`${other.base}/x`)}`));
    expect(e.code).toBe('blocked');
  });

  it('reports HTTP errors with their status', async () => {
    const e = await failure(get('/missing'));
    expect(e).toMatchObject({ code: 'http-status', status: 404 });
    expect(e.message).toContain('404');
  });

  it('refuses content types outside the allow-list', async () => {
    expect((await failure(get('/pdf'))).code).toBe('unsupported-type');
    expect((await failure(get('/plain', { accept: 'html' }))).code).toBe('unsupported-type');
    expect((await failure(get('/page', { accept: 'image' }))).code).toBe('unsupported-type');
    expect((await failure(get('/untyped?body=x', { accept: 'image' }))).code).toBe(
      'unsupported-type',
    );
  });

  it('returns plain text and image bytes when asked', async () => {
    expect(await get('/plain')).toMatchObject({
      contentType: 'text/plain',
      body: 'first\n\nsecond',
    });
    const icon = await guardedFetch(`${main.base}/icon`, { accept: 'image', allowance });
    expect(icon.contentType).toBe('image/png');
    expect(Array.from(icon.body)).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('sniffs a missing content type', async () => {
    const page = await get(`/untyped?body=${encodeURIComponent('<!DOCTYPE html><p>x')}`);
    expect(page.contentType).toBe('text/html');
    const text = await get('/untyped?body=just%20words');
    expect(text.contentType).toBe('text/plain');
    expect((await failure(get('/untyped?body=just%20words', { accept: 'html' }))).code).toBe(
      'unsupported-type',
    );
  });

  it('decodes the declared charset', async () => {
    expect((await get('/latin1')).body).toBe('<p>café “quoted”</p>');
    const sjis = await get('/sjis-meta');
    expect(sjis.charset).toBe('shift_jis');
    expect(sjis.body).toContain('日本');
    expect((await get('/koi8')).body).toBe('Мир');
  });

  it('refuses bodies over maxBytes, declared or streamed', async () => {
    expect((await failure(get('/big-declared', { maxBytes: 4000 }))).code).toBe('too-large');
    const e = await failure(get('/big-chunked', { maxBytes: 4000 }));
    expect(e.code).toBe('too-large');
    expect(e.message).toBe('The linked page is too large to read');
    expect((await get('/big-chunked', { maxBytes: 50_000 })).body.length).toBe(20_000);
  });

  it('times out on a server that never answers and on a slow drip', async () => {
    const t0 = Date.now();
    const stall = await failure(get('/stall', { timeoutMs: 200 }));
    expect(stall.code).toBe('timeout');
    expect(stall.message).toBe('The linked page took too long to answer');
    const drip = await failure(get('/drip', { timeoutMs: 300 }));
    expect(drip.code).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('aborts when the caller aborts, queued or in flight', async () => {
    const controller = new AbortController();
    const pending = get('/stall', { signal: controller.signal, timeoutMs: 5000 });
    setTimeout(() => controller.abort(), 50);
    expect((await failure(pending)).code).toBe('aborted');
    expect((await failure(get('/page', { signal: AbortSignal.abort() }))).code).toBe('aborted');
  });

  it('runs at most perHost requests to one host at once', async () => {
    maxInFlight = 0;
    const limiter = new Limiter({ total: 4, perHost: 2 });
    await Promise.all(Array.from({ length: 5 }, () => get('/slow', { limiter })));
    expect(maxInFlight).toBe(2);
    expect(limiter.load).toEqual({ active: 0, waiting: 0 });
  });
});
