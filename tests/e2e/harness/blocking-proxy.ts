/**
 * A proxy on 127.0.0.1 that refuses every request and writes down where it was going.
 *
 * Both browsers are told to send everything that is not loopback through it, so a request to
 * any other host (named, public IP or private IP) fails at once with a 502 instead of leaving
 * the machine, and a test can assert that nothing tried to leave.
 */
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';

/** A running refusal proxy. */
export interface BlockingProxy {
  /** Port on 127.0.0.1. */
  port: number;
  /** Every refused request, in order: `GET http://host/path` or `CONNECT host:443`. */
  attempts: string[];
  close(): Promise<void>;
}

/** Starts the proxy on an ephemeral port. */
export async function startBlockingProxy(): Promise<BlockingProxy> {
  const attempts: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    attempts.push(`${req.method ?? '?'} ${req.url ?? ''}`);
    res.writeHead(502, { 'content-type': 'text/plain', connection: 'close' });
    res.end('blocked by the e2e harness: tests stay on 127.0.0.1');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // HTTPS (and wss) arrive as CONNECT: refuse before any tunnel exists.
  server.on('connect', (req, socket: Socket) => {
    attempts.push(`CONNECT ${req.url ?? ''}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\n\r\n');
  });
  server.on('upgrade', (req, socket: Socket) => {
    attempts.push(`UPGRADE ${req.url ?? ''}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');
  return {
    port: address.port,
    attempts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
