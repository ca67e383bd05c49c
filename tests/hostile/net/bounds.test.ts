// @vitest-environment node
/**
 * Case 7 of issue 7: bounded fetches. Sources that answer with too much, too slowly, with a
 * decompression bomb or with something that is not a page are cut off by the real guardedFetch
 * with a specific error (size, time, type), having read little and waited no longer than the
 * limit; and the next normal page is fetched as usual. The limits asserted are the ones the
 * source service uses (guardedFetch's defaults), except the time limit, shortened so the suite
 * stays quick: that the default applies is checked separately.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parsePorts, type LoopbackAllowance } from '../../../utils/net/allowance';
import { NetError } from '../../../utils/net/errors';
import { guardedFetch, type GuardedFetchOptions } from '../../../utils/net/fetch';
import { resetGuardStateForTests } from '../../../utils/net/guard-state';
import { drip, gzipBomb, startRecorder, streamBody, type RecordingServer } from './servers';

const MB = 1024 * 1024;
/** guardedFetch's default body cap, which the source service relies on. */
const DEFAULT_MAX_BYTES = 2_000_000;

let server: RecordingServer;
let allowance: LoopbackAllowance;

beforeAll(async () => {
  server = await startRecorder((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    switch (path) {
      case '/50mb-declared':
        // An honest 50 MB, written only as fast as the client reads it.
        return streamBody(res, 50 * MB, 'text/html', { 'content-length': String(50 * MB) });
      case '/50mb-chunked':
        return streamBody(res, 50 * MB, 'text/html');
      case '/drip':
        return drip(res, 100);
      case '/stall':
        return; // headers never come
      case '/gzip-bomb':
        return gzipBomb(res, 1024 * MB);
      case '/gzip-bomb-plain':
        return gzipBomb(res, 1024 * MB, 'text/plain; charset=utf-8');
      case '/50mb-pdf':
        return streamBody(res, 50 * MB, 'application/pdf');
      case '/50mb-octet':
        return streamBody(res, 50 * MB, 'application/octet-stream');
      case '/zip-untyped': {
        // A ZIP archive's first bytes, sent without any Content-Type.
        const zip = Buffer.concat([
          Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]),
          Buffer.alloc(2000, 0x01),
        ]);
        res.writeHead(200);
        return res.end(zip);
      }
      case '/js':
        res.writeHead(200, { 'content-type': 'application/javascript' });
        return res.end('fetch("/pwned")');
      case '/image':
        res.writeHead(200, { 'content-type': 'image/png' });
        return res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      case '/normal':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end('<!doctype html><title>Normal</title><p>A normal page.</p>');
      default:
        res.writeHead(404);
        res.end();
    }
  });
  allowance = parsePorts(String(server.port));
});
afterAll(() => server.close());
afterEach(() => resetGuardStateForTests());

const get = (path: string, extra: Partial<GuardedFetchOptions> = {}) =>
  guardedFetch(`${server.base}${path}`, {
    accept: 'text',
    allowance,
    ...extra,
  } as GuardedFetchOptions<'text'>);

/** Runs `p`, expecting a NetError; returns it with the time taken. */
async function failure(p: Promise<unknown>): Promise<{ error: NetError; ms: number }> {
  const t0 = performance.now();
  try {
    await p;
  } catch (e) {
    if (e instanceof NetError) return { error: e, ms: performance.now() - t0 };
    throw e;
  }
  throw new Error('expected the fetch to be cut off');
}

/** The server's written bytes settle once the client has closed the connection. */
async function bytesSentSettled(): Promise<number> {
  let last = -1;
  for (let i = 0; i < 50; i++) {
    const now = server.bytesOut();
    if (now === last) return now;
    last = now;
    await new Promise((r) => setTimeout(r, 40));
  }
  return last;
}

/** Server-side byte counts before a case, so each case reads its own. */
let before = 0;
const startCounting = async () => {
  before = await bytesSentSettled();
};
const sentSince = async () => (await bytesSentSettled()) - before;

describe('case 7: bounded fetches', () => {
  it('50 MB body with Content-Length → too-large before reading it, almost nothing transferred', async () => {
    await startCounting();
    const { error } = await failure(get('/50mb-declared'));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('The linked page is too large to read');
    expect(error.detail).toMatch(/declared/);
    expect(await sentSince()).toBeLessThan(8 * MB);
  });

  it('50 MB chunked body (no length) → too-large once past the 2 MB cap, reading stopped there', async () => {
    await startCounting();
    const { error } = await failure(get('/50mb-chunked'));
    expect(error.code).toBe('too-large');
    expect(error.detail).toBe(`more than ${DEFAULT_MAX_BYTES} bytes`);
    // The cap plus what was in flight in socket buffers — far from 50 MB.
    expect(await sentSince()).toBeLessThan(8 * MB);
  });

  it('slow drip (a byte every 100 ms, forever) → timeout at the limit, although never idle', async () => {
    const { error, ms } = await failure(get('/drip', { timeoutMs: 1500 }));
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('The linked page took too long to answer');
    expect(ms).toBeGreaterThanOrEqual(1400);
    // Generous: the machine is shared; what matters is that it ends, not how soon.
    expect(ms).toBeLessThan(6000);
  });

  it('headers that never come → timeout at the limit', async () => {
    const { error, ms } = await failure(get('/stall', { timeoutMs: 800 }));
    expect(error.code).toBe('timeout');
    expect(ms).toBeLessThan(5000);
  });

  it('slow drip with the default limits → timeout after 10 s, not later', async () => {
    const { error, ms } = await failure(get('/drip'));
    expect(error.code).toBe('timeout');
    expect(error.detail).toBe('no complete answer within 10000 ms');
    expect(ms).toBeGreaterThanOrEqual(9900);
    expect(ms).toBeLessThan(15_000);
  }, 20_000);

  it.each(['/gzip-bomb', '/gzip-bomb-plain'])(
    'gzip bomb (1 GB of zeros, Content-Encoding: gzip) at %s → too-large at 2 MB decoded, under 1 MB on the wire',
    async (path) => {
      await startCounting();
      const heapBefore = process.memoryUsage().heapUsed;
      const { error } = await failure(get(path));
      expect(error.code).toBe('too-large');
      expect(error.detail).toBe(`more than ${DEFAULT_MAX_BYTES} bytes`);
      const wire = await sentSince();
      // 1 GB of zeros compresses about 1000:1; stopping at 2 MB decoded reads a few KB of it.
      expect(wire).toBeLessThan(1 * MB);
      // Nothing like the bomb's size was kept in memory.
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * MB);
    },
  );

  it.each([
    ['/50mb-pdf', 'application/pdf'],
    ['/50mb-octet', 'application/octet-stream'],
    ['/js', 'application/javascript'],
    ['/image', 'image/png'],
  ])('non-HTML type at %s → unsupported-type, body left unread', async (path, type) => {
    await startCounting();
    const { error } = await failure(get(path));
    expect(error.code).toBe('unsupported-type');
    expect(error.message).toBe('The link is not a page Sourcelight can read');
    expect(error.detail).toBe(type);
    expect(await sentSince()).toBeLessThan(8 * MB);
  });

  it('binary body without a Content-Type (ZIP bytes) → unsupported-type, not decoded as text', async () => {
    const { error } = await failure(get('/zip-untyped'));
    expect(error.code).toBe('unsupported-type');
  });

  it('a normal page after all of the above → fetched as usual', async () => {
    const r = await get('/normal', { accept: 'html' });
    expect(r.status).toBe(200);
    expect(r.body).toContain('A normal page.');
  });
});
