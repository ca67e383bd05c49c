// @vitest-environment node
/**
 * Case 6 of issue 7: the fetch guard. Every spelling of "the reader's own machine or network" is
 * refused by the real guardedFetch before any request is made: `fetch` is never called, and a
 * recording server listening on every loopback address hears nothing. The production policy
 * (no loopback at all) is used, except where a test needs one permitted port — then the policy
 * is the test build's kind: 127.0.0.1 on that one port only.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { NO_LOOPBACK, parsePorts } from '../../../utils/net/allowance';
import { NetError } from '../../../utils/net/errors';
import { guardedFetch } from '../../../utils/net/fetch';
import { resetGuardStateForTests } from '../../../utils/net/guard-state';
import { buildWallRules } from '../../../utils/net/wall';
import { startRecorder, type RecordingServer } from './servers';

/** The loopback server nobody may reach; `P` in the URLs below is its port. */
let victim: RecordingServer;
/** A permitted first hop (the test-build policy allows its port) that redirects on request. */
let hop: RecordingServer;

beforeAll(async () => {
  victim = await startRecorder();
  hop = await startRecorder((req, res) => {
    const to = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
    if (to) {
      res.writeHead(302, { location: to });
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<p>first hop</p>');
  });
});
afterAll(async () => {
  await victim.close();
  await hop.close();
});

const fetchSpy = vi.spyOn(globalThis, 'fetch');
afterEach(() => {
  // Each case starts from silence, so one leak fails its own test and no other.
  victim.hits.length = 0;
  hop.hits.length = 0;
  fetchSpy.mockClear();
  resetGuardStateForTests();
});

async function refusal(p: Promise<unknown>): Promise<NetError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof NetError) return e;
    throw e;
  }
  throw new Error('the guard let the request through');
}

const withPort = (url: string) => url.replace('P', String(victim.port));

/** Addresses the recording server really listens on: a leak would be heard. */
const LOCAL_SPELLINGS = [
  'http://0x7f000001:P/',
  'http://2130706433:P/',
  'http://127.1:P/',
  'http://0177.0.0.1:P/',
  'http://127.0.0.2:P/',
  'http://0.0.0.0:P/',
  'http://[::1]:P/',
  'http://[::ffff:127.0.0.1]:P/',
  'http://[::ffff:7f00:1]:P/',
  'http://localhost:P/',
  'http://localhost.:P/',
  'http://LOCALHOST:P/',
  'http://sub.localhost:P/',
];

/** Private and special addresses no test can listen on: `fetch` must simply never be called. */
const PRIVATE_ADDRESSES = [
  'file:///etc/passwd',
  'http://169.254.169.254/latest/meta-data/',
  'http://[::ffff:169.254.169.254]/latest/meta-data/',
  'http://10.0.0.1/',
  'http://10.255.255.254/',
  'http://172.16.0.1/',
  'http://172.31.255.254/',
  'http://192.168.0.1/',
  'http://192.168.255.254/',
  'http://100.64.0.1/',
  'http://[fd00::1]/',
  'http://[fe80::1]/',
  'http://router/',
  'http://printer.local/',
  'http://nas.home.arpa/',
];

describe('case 6: fetch guard', () => {
  it.each(LOCAL_SPELLINGS)(
    '%s (loopback spelling; production policy) → refused before any request, loopback server hears nothing',
    async (raw) => {
      const e = await refusal(
        guardedFetch(withPort(raw), { accept: 'html', allowance: NO_LOOPBACK }),
      );
      expect(e.code).toBe('blocked');
      expect(e.message).toBe('Sourcelight does not open addresses on private or local networks');
      expect(fetchSpy).not.toHaveBeenCalled();
      expect(victim.hits).toEqual([]);
    },
  );

  it.each(PRIVATE_ADDRESSES)('%s → refused before any request', async (raw) => {
    const e = await refusal(guardedFetch(raw, { accept: 'html', allowance: NO_LOOPBACK }));
    expect(e.code).toBe('blocked');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it.each([
    ['http://user:pass@127.0.0.1:P/', 'user:pass@'],
    ['http://user@127.0.0.1:P/', 'user@'],
    ['http://:pass@127.0.0.1:P/', ':pass@'],
  ])(
    '%s (port permitted by a test policy) → refused for its credentials, server hears nothing',
    async (raw) => {
      const allowance = parsePorts(String(victim.port));
      // Control: the same address without credentials is permitted by this policy.
      await guardedFetch(withPort('http://127.0.0.1:P/control'), { accept: 'html', allowance });
      expect(victim.hits).toEqual(['/control']);
      victim.hits.length = 0;
      fetchSpy.mockClear();
      const e = await refusal(guardedFetch(withPort(raw), { accept: 'html', allowance }));
      expect(e.code).toBe('blocked');
      expect(e.detail).toMatch(/credentials/);
      expect(fetchSpy).not.toHaveBeenCalled();
      expect(victim.hits).toEqual([]);
    },
  );

  it('https://user:pass@example.org/ (public host) → refused for its credentials', async () => {
    const e = await refusal(guardedFetch('https://user:pass@example.org/', { accept: 'html' }));
    expect(e.detail).toMatch(/credentials/);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('http://localhost:<permitted port>/ (test policy names 127.0.0.1 only) → refused', async () => {
    const allowance = parsePorts(String(victim.port));
    const e = await refusal(
      guardedFetch(withPort('http://localhost:P/'), { accept: 'html', allowance }),
    );
    expect(e.code).toBe('blocked');
    expect(victim.hits).toEqual([]);
  });

  it.each([
    'http://127.0.0.1:P/',
    'http://localhost:P/',
    'http://[::1]:P/',
    'http://0x7f000001:P/',
    'http://127.0.0.2:P/',
    'http://169.254.169.254/latest/meta-data/',
    'file:///etc/passwd',
  ])(
    'a 302 from a permitted page to %s → refused before the second request, loopback server hears nothing',
    async (target) => {
      const allowance = parsePorts(String(hop.port));
      hop.hits.length = 0;
      for (const code of [301, 302, 303, 307, 308]) {
        const first = `${hop.base}/r?code=${code}&to=${encodeURIComponent(withPort(target))}`;
        const e = await refusal(guardedFetch(first, { accept: 'html', allowance }));
        expect(e.code).toBe('blocked');
        expect(e.detail).toMatch(/^redirect refused/);
      }
      // The permitted first hop was really asked each time; only the redirect target was not.
      expect(hop.hits).toHaveLength(5);
      expect(fetchSpy).toHaveBeenCalledTimes(5);
      expect(victim.hits).toEqual([]);
    },
  );

  it('a 302 to the permitted server itself with user:pass@ → refused, the target path is never asked', async () => {
    const allowance = parsePorts(String(hop.port));
    hop.hits.length = 0;
    const to = `http://user:pass@127.0.0.1:${hop.port}/secret`;
    const e = await refusal(
      guardedFetch(`${hop.base}/r?to=${encodeURIComponent(to)}`, { accept: 'html', allowance }),
    );
    expect(e.detail).toMatch(/credentials/);
    expect(hop.hits.filter((h) => h.startsWith('/secret'))).toEqual([]);
  });

  it('a 302 chain that stays on the permitted server → followed (the guard is not a blanket ban)', async () => {
    const allowance = parsePorts(String(hop.port));
    const r = await guardedFetch(`${hop.base}/r?to=${encodeURIComponent('/landing')}`, {
      accept: 'html',
      allowance,
    });
    expect(r.finalUrl).toBe(`${hop.base}/landing`);
    expect(r.body).toContain('first hop');
  });

  /** Chrome's second line: the session rules the worker installs, applied as Chrome would. */
  const wallBlocks = (raw: string) => {
    const href = new URL(raw).href;
    const rules = buildWallRules('extension-id', NO_LOOPBACK);
    return rules.some(
      (r) => r.action.type === 'block' && new RegExp(r.condition.regexFilter).test(href),
    );
  };

  it.each([...LOCAL_SPELLINGS, ...PRIVATE_ADDRESSES.filter((u) => u.startsWith('http'))])(
    '%s → also blocked by the browser wall (Chrome session rules), in case the first guard is bypassed',
    (raw) => {
      expect(wallBlocks(withPort(raw))).toBe(true);
    },
  );

  it('https://example.org/news (public) → passes both guards (control)', () => {
    expect(wallBlocks('https://example.org/news')).toBe(false);
  });
});
