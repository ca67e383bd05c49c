// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { NetError, type guardedFetch } from '@/utils/net';
import { isProviderError } from '@/utils/sources/providers/errors';
import { fromGuardedFetch } from '@/utils/sources/providers/guarded';
import { searxng } from '@/utils/sources/providers/searxng';

/** A door that always fails with `err`. */
const failing = (err: NetError) =>
  (async () => Promise.reject(err)) as unknown as typeof guardedFetch;

async function codeFor(err: NetError) {
  const e = await searxng
    .search(
      searxng.buildQuery({ text: 'The Bank of England raised rates.' }, {}),
      { endpoint: 'https://searx.example' },
      {
        signal: AbortSignal.timeout(1000),
        fetch: fromGuardedFetch(failing(err)),
      },
    )
    .catch((x: unknown) => x);
  return isProviderError(e) ? [e.code, e.message] : e;
}

describe('fromGuardedFetch', () => {
  it('turns the door’s failures into provider errors named after the provider', async () => {
    expect(await codeFor(new NetError('http-status', 'HTTP 401', 401))).toEqual([
      'bad-key',
      "SearxNG refused the API key; check it in Sourcelight's options",
    ]);
    expect(((await codeFor(new NetError('http-status', 'HTTP 429', 429))) as string[])[0]).toBe(
      'quota',
    );
    expect(((await codeFor(new NetError('http-status', 'HTTP 502', 502))) as string[])[0]).toBe(
      'server',
    );
    expect(((await codeFor(new NetError('blocked', 'loopback'))) as string[])[0]).toBe('blocked');
    expect(
      ((await codeFor(new NetError('unsupported-type', 'application/json'))) as string[])[0],
    ).toBe('wrong-endpoint');
    expect(((await codeFor(new NetError('network', 'ECONNREFUSED'))) as string[])[0]).toBe(
      'unreachable',
    );
  });

  it('passes a 2xx body through', async () => {
    const door = (async () => ({
      finalUrl: 'x',
      status: 200,
      contentType: 'text/plain',
      redirected: false,
      body: '{"results":[]}',
      charset: 'utf-8',
    })) as unknown as typeof guardedFetch;
    const got = await searxng.search(
      searxng.buildQuery({ text: 'The Bank of England raised rates.' }, {}),
      { endpoint: 'https://searx.example' },
      {
        signal: AbortSignal.timeout(1000),
        fetch: fromGuardedFetch(door),
      },
    );
    expect(got).toEqual([]);
  });
});
