/** A fixture HTTP server on 127.0.0.1 for provider tests, and Node's fetch as a ProviderFetch. */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ProviderFetch } from '@/utils/sources/providers/types';

/** A fixture file's text. */
export const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../fixtures/providers', name), 'utf8');

export type Handler = (req: IncomingMessage, url: URL, res: ServerResponse) => void;

export interface FixtureServer {
  base: string;
  /** Every request received: path+query and headers. */
  requests: Array<{ url: URL; headers: IncomingMessage['headers'] }>;
  handle(h: Handler): void;
  close(): Promise<void>;
}

export async function startServer(): Promise<FixtureServer> {
  let handler: Handler = (_req, _url, res) => res.writeHead(404).end();
  const requests: FixtureServer['requests'] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ url, headers: req.headers });
    handler(req, url, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    handle: (h) => (handler = h),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Answers `body` with `status`, JSON unless told. */
export function send(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) {
  res.writeHead(status, headers).end(body);
}

/** Sends headers, then one byte every 100 ms, forever (until the client goes). */
export function drip(res: ServerResponse) {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{');
  const t = setInterval(() => res.write(' '), 100);
  res.on('close', () => clearInterval(t));
}

/**
 * Node's fetch as the providers' fetch, reading the body under the signal. The body read races
 * the signal itself: Node 20's fetch does not always reject a pending `text()` when its signal
 * aborts mid-body (seen here: the sixth dripping response of a run never ended), and a browser's
 * does.
 */
export const nodeFetch: ProviderFetch = async (url, init) => {
  const r = await fetch(url, { headers: init.headers, signal: init.signal, redirect: 'error' });
  const body = await new Promise<string>((resolve, reject) => {
    const onAbort = () => {
      reject(init.signal.reason instanceof Error ? init.signal.reason : new Error('aborted'));
      void r.body?.cancel().catch(() => {});
    };
    if (init.signal.aborted) return onAbort();
    init.signal.addEventListener('abort', onAbort, { once: true });
    r.text()
      .then(resolve, reject)
      .finally(() => init.signal.removeEventListener('abort', onAbort));
  });
  return { status: r.status, headers: r.headers, body };
};
