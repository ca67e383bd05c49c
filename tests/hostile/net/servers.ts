/**
 * Real HTTP servers for the hostile network cases, on loopback only: each records every request
 * it receives and how many body bytes it managed to write, so a test can prove that a guarded
 * fetch sent nothing (zero hits) or stopped reading early (few bytes left the server).
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';

export type Handler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  server: RecordingServer,
) => void;

export interface RecordingServer {
  port: number;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** Request paths (with query), in arrival order, whatever address or Host they came through. */
  hits: string[];
  /** Bytes written to sockets so far (headers included), summed over all connections. */
  bytesOut(): number;
  close(): Promise<void>;
}

/**
 * Starts a server on every loopback address (`::` with dual stack, so 127.0.0.1, 127.0.0.2,
 * 0.0.0.0 and ::1 all reach it): a request that slips past the guard by any spelling is heard.
 */
export async function startRecorder(handler?: Handler, port = 0): Promise<RecordingServer> {
  const hits: string[] = [];
  const sockets = new Set<Socket>();
  let closedBytes = 0;
  // eslint-disable-next-line prefer-const
  let recorder: RecordingServer;
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    if (handler) return handler(req, res, recorder);
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<p>You reached a private address.</p>');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      closedBytes += socket.bytesWritten;
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen({ port, host: '::' }, resolve));
  const bound = (server.address() as AddressInfo).port;
  recorder = {
    port: bound,
    base: `http://127.0.0.1:${bound}`,
    hits,
    bytesOut: () => closedBytes + [...sockets].reduce((n, s) => n + s.bytesWritten, 0),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return recorder;
}

/**
 * A stream of `total` zero bytes, produced only as fast as it is consumed: piped through gzip it
 * becomes a decompression bomb that costs the server almost nothing until someone reads it.
 */
export function zeros(total: number, chunk = 64 * 1024): Readable {
  let left = total;
  const block = Buffer.alloc(chunk);
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const n = Math.min(chunk, left);
      left -= n;
      this.push(n === chunk ? block : block.subarray(0, n));
    },
  });
}

/** Answers with `total` zero bytes gzip-compressed on the fly (about 1/1000 on the wire). */
export function gzipBomb(res: http.ServerResponse, total: number, contentType = 'text/html'): void {
  res.writeHead(200, { 'content-type': contentType, 'content-encoding': 'gzip' });
  const gz = createGzip({ level: 9 });
  const source = zeros(total);
  res.on('close', () => {
    source.destroy();
    gz.destroy();
  });
  source.pipe(gz).pipe(res);
}

/** Writes `total` bytes of `fill` as fast as the client reads them, without Content-Length. */
export function streamBody(
  res: http.ServerResponse,
  total: number,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(200, { 'content-type': contentType, ...headers });
  const source = zeros(total);
  res.on('close', () => source.destroy());
  source.pipe(res);
}

/** One byte every `everyMs`, forever: never idle long enough for an inactivity timeout. */
export function drip(res: http.ServerResponse, everyMs: number): void {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.write('<!doctype html><p>');
  const timer = setInterval(() => res.write('.'), everyMs);
  res.on('close', () => clearInterval(timer));
}
