/**
 * Stand-in search providers for end-to-end tests, on the fixture ports the test build may reach
 * (8611–8619). Each counts every request it receives, so a test can prove that nothing was
 * asked before the reader consented, and that the extension asked once they had.
 */
import type { IncomingMessage } from 'node:http';
import { startFixtureServer, type FixtureServer } from '../harness/index.ts';

/** One entry of the stand-in engine's index. */
export interface SearchDoc {
  url: string;
  title: string;
  /** The snippet the engine shows; also what a query is matched against. */
  content: string;
}

/** The words of `text` a query can match: lower-cased, four characters or more, or figures. */
function words(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}.]*/gu) ?? [])
      .map((w) => w.replace(/\.$/, ''))
      .filter((w) => w.length >= 4 || /\d/.test(w)),
  );
}

/** The documents sharing at least `minShared` words with `q`, most shared first. */
export function searchDocs(docs: readonly SearchDoc[], q: string, minShared = 2): SearchDoc[] {
  const want = words(q);
  return docs
    .map((d) => {
      const have = words(`${d.title} ${d.content}`);
      return { d, shared: [...want].filter((w) => have.has(w)).length };
    })
    .filter((x) => x.shared >= minShared)
    .sort((a, b) => b.shared - a.shared)
    .map((x) => x.d);
}

/** A running SearxNG-format server. */
export interface SearxngServer {
  origin: string;
  /** Every request, in arrival order (path with query). */
  readonly requests: FixtureServer['requests'];
  /** Requests of any path. */
  count(): number;
  /** The `q` of every `/search` request. */
  queries(): string[];
  close(): Promise<void>;
}

/**
 * A server answering like SearxNG with `format=json`: `/search?q=…&format=json` →
 * `{ query, results: [{ url, title, content }] }` from `docs`, matched by shared words the way a
 * keyword engine would. Other formats get 403, as a SearxNG instance without JSON enabled does.
 */
export async function startSearxngServer(
  docs: readonly SearchDoc[],
  port = 8616,
): Promise<SearxngServer> {
  const server = await startFixtureServer(
    {
      '/search': (req: IncomingMessage) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (url.searchParams.get('format') !== 'json') return { status: 403, body: 'Forbidden' };
        const q = url.searchParams.get('q') ?? '';
        const results = searchDocs(docs, q).map((d) => ({ ...d, engine: 'fixture' }));
        return {
          status: 200,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify({ query: q, number_of_results: results.length, results }),
        };
      },
    },
    { port },
  );
  return {
    origin: server.origin,
    get requests() {
      return server.requests;
    },
    count: () => server.count(),
    queries: () =>
      server.requests
        .map((r) => new URL(r.url, server.origin))
        .filter((u) => u.pathname === '/search')
        .map((u) => u.searchParams.get('q') ?? ''),
    close: () => server.close(),
  };
}
