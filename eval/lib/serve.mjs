// Serves each corpus page's source.html, byte for byte, from 127.0.0.1. No charset is added to
// the content type, so the browser finds the encoding the way it would on the real site.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Start a server for the page folders under `dir`; a page is at `/<name>/`. Anything else is a
 * fast 404 (pages ask for their images and scripts at relative paths).
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function servePages(dir, names) {
  const known = new Set(names);
  const server = createServer(async (req, res) => {
    const m = /^\/([^/]+)\/(?:index\.html)?(?:\?.*)?$/.exec(req.url ?? '');
    const name = m ? decodeURIComponent(m[1]) : '';
    if (!known.has(name)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    try {
      const body = await readFile(join(dir, name, 'source.html'));
      res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(500);
      res.end();
    }
  });
  // Port 0: the test build lets the extension fetch only from its own fixed ports, so corpus
  // pages on a random port are never fetched again by the background as "sources".
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
