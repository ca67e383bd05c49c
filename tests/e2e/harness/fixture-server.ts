/**
 * A small HTTP server on 127.0.0.1 for tests that need their own pages: routes written in the
 * test, or a folder served as is, with every request recorded so a test can count fetches
 * (e.g. "the extension fetched each cited page once, and the cache served the second visit").
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Socket } from 'node:net';

/** What a route answers. A string is an HTML body with status 200. */
export type RouteResponse =
  | string
  | { status?: number; headers?: Record<string, string>; body?: string | Buffer; delayMs?: number };

/** A route: a fixed answer or a function of the request. */
export type Route =
  RouteResponse | ((req: IncomingMessage) => RouteResponse | Promise<RouteResponse>);

/** One request the server received. */
export interface RecordedRequest {
  method: string;
  /** Path with query, e.g. `/a.html?x=1`. */
  url: string;
  headers: IncomingMessage['headers'];
  /** `Date.now()` on arrival. */
  at: number;
}

/** A running fixture server. */
export interface FixtureServer {
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Absolute URL of a path on this server. */
  url(path: string): string;
  /** Every request so far, in arrival order. */
  requests: RecordedRequest[];
  /** Requests whose path (query ignored) equals `path`; all requests when omitted. */
  count(path?: string): number;
  /** Forgets the recorded requests. */
  resetRequests(): void;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.pdf': 'application/pdf',
};

async function fromDirectory(root: string, urlPath: string): Promise<RouteResponse> {
  const decoded = decodeURIComponent(urlPath);
  const target = normalize(join(root, decoded));
  // Never serve outside the folder, whatever the path says.
  if (target !== root && !target.startsWith(root + sep)) return { status: 403, body: 'forbidden' };
  try {
    const info = await stat(target);
    const file = info.isDirectory() ? join(target, 'index.html') : target;
    const body = await readFile(file);
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return { status: 200, headers: { 'content-type': type }, body };
  } catch {
    return { status: 404, body: 'not found' };
  }
}

/**
 * Starts a server on 127.0.0.1. `source` is a folder to serve or a map from path (no query) to
 * route; unknown paths get 404. `port` 0 (default) picks a free one.
 */
export async function startFixtureServer(
  source: string | Record<string, Route>,
  opts: { port?: number } = {},
): Promise<FixtureServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const root = typeof source === 'string' ? resolve(source) : undefined;

  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push({ method: req.method ?? 'GET', url, headers: req.headers, at: Date.now() });
    const path = url.split('?')[0] ?? '/';
    void (async () => {
      let answer: RouteResponse;
      if (root !== undefined) {
        answer = await fromDirectory(root, path);
      } else {
        const route = (source as Record<string, Route>)[path];
        answer =
          route === undefined
            ? { status: 404, body: 'not found' }
            : typeof route === 'function'
              ? await route(req)
              : route;
      }
      const full = typeof answer === 'string' ? { body: answer } : answer;
      if (full.delayMs) await new Promise((r) => setTimeout(r, full.delayMs));
      res.writeHead(full.status ?? 200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...full.headers,
      });
      res.end(full.body ?? '');
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', resolveListen);
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('fixture server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    port: address.port,
    origin,
    url: (path) => new URL(path, origin).href,
    requests,
    count: (path) =>
      path === undefined
        ? requests.length
        : requests.filter((r) => r.url.split('?')[0] === path).length,
    resetRequests: () => void requests.splice(0),
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolveClose());
      }),
  };
}
