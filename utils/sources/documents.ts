/**
 * Candidate source documents: fetched through the network door, extracted, split into passages,
 * with a small favicon, and kept in the persistent page cache so a restarted worker does not
 * fetch again. Concurrent requests for one URL share one load.
 */
import type { SentenceSpan } from '../sentences/segment';

/** A source page ready for ranking. */
export interface SourceDoc {
  url: string;
  finalUrl: string;
  title: string;
  siteName: string;
  publishedAt?: string;
  faviconDataUrl?: string;
  lang?: string;
  /** The page's main text: its blocks joined by blank lines. */
  text: string;
  /** Passages (sentences) as offsets into `text`, in order. */
  passages: Array<{ start: number; end: number }>;
}

/** A load that failed, remembered briefly so a page with a dead link does not retry per batch. */
export interface FailedDoc {
  url: string;
  error: string;
}

export type LoadedDoc = SourceDoc | FailedDoc;

export const isFailed = (d: LoadedDoc): d is FailedDoc => 'error' in d;

/** What the loader needs from the rest of the background (injected, so tests can fake it). */
export interface DocDeps {
  fetchText(url: string): Promise<{ finalUrl: string; body: string; contentType: string }>;
  fetchFavicon(url: string): Promise<string | undefined>;
  extract(
    body: string,
    url: string,
    contentType: string,
  ): {
    title: string;
    siteName: string;
    lang?: string;
    publishedAt?: string;
    faviconUrl?: string;
    blocks: string[];
  };
  segment(text: string, lang?: string): SentenceSpan[];
  cache: {
    get(key: string): Promise<LoadedDoc | undefined>;
    set(key: string, value: LoadedDoc, ttlMs?: number): Promise<void>;
  };
  /** Reader-facing message for a failed load. */
  describeError(err: unknown): string;
  /**
   * Whether a failure is worth remembering for a while; false for one the reader can lift at
   * once (no host permission yet), so the next batch after they allow it tries again.
   */
  remember?(err: unknown): boolean;
}

const FAILED_TTL_MS = 10 * 60 * 1000;
const MAX_PASSAGE_CHARS = 600;

/** Join blocks and split them into sentence passages, capping very long ones. */
export function toPassages(
  blocks: string[],
  segment: DocDeps['segment'],
  lang?: string,
): Pick<SourceDoc, 'text' | 'passages'> {
  let text = '';
  const passages: SourceDoc['passages'] = [];
  for (const raw of blocks) {
    const block = raw.replace(/[ \t\f\v\r]+/g, ' ').trim();
    if (!block) continue;
    if (text) text += '\n\n';
    const base = text.length;
    text += block;
    for (const span of segment(block, lang)) {
      if (span.end - span.start > MAX_PASSAGE_CHARS) {
        // Lists and tables come through as one run-on "sentence": cut them at word boundaries.
        for (let s = span.start; s < span.end;) {
          let e = Math.min(span.end, s + MAX_PASSAGE_CHARS);
          if (e < span.end) {
            const cut = block.lastIndexOf(' ', e);
            if (cut > s + 100) e = cut;
          }
          passages.push({ start: base + s, end: base + e });
          s = e;
          while (s < span.end && block[s] === ' ') s++;
        }
      } else passages.push({ start: base + span.start, end: base + span.end });
    }
  }
  return { text, passages };
}

/** Favicons remembered in the worker's memory, by icon URL (each at most a few dozen KB). */
const MAX_ICONS = 32;

export class DocumentLoader {
  private readonly inflight = new Map<string, Promise<LoadedDoc>>();
  /**
   * Favicons by icon URL: the pages of one site share one icon, and an article often cites
   * several pages of one site. Each page's load used to fetch it again (a permission check and a
   * request each), after the page's own extraction. A failed fetch is forgotten, so the next
   * page of the site tries again.
   */
  private readonly icons = new Map<string, Promise<string | undefined>>();

  constructor(private readonly deps: DocDeps) {}

  /** Load a candidate source; never throws (a failure is a FailedDoc). */
  load(url: string): Promise<LoadedDoc> {
    const running = this.inflight.get(url);
    if (running) return running;
    const loading = this.loadUncached(url);
    const p = loading.then((r) => r.doc);
    this.inflight.set(url, p);
    // Answer as soon as the page is read; the cache write finishes behind the answer, and
    // later callers share this load until it is stored, so nothing is fetched twice.
    void loading
      .then((r) => r.stored)
      .finally(() => this.inflight.delete(url))
      .catch(() => {});
    return p;
  }

  private favicon(url: string): Promise<string | undefined> {
    let icon = this.icons.get(url);
    if (icon) {
      // Most recently used last: the first key is the one to forget.
      this.icons.delete(url);
      this.icons.set(url, icon);
      return icon;
    }
    icon = this.deps.fetchFavicon(url).catch(() => {
      this.icons.delete(url);
      return undefined;
    });
    this.icons.set(url, icon);
    while (this.icons.size > MAX_ICONS) this.icons.delete(this.icons.keys().next().value!);
    return icon;
  }

  private async loadUncached(url: string): Promise<{ doc: LoadedDoc; stored: Promise<void> }> {
    const cached = await this.deps.cache.get(url).catch(() => undefined);
    if (cached) return { doc: cached, stored: Promise.resolve() };
    let doc: LoadedDoc;
    let remember = true;
    try {
      const res = await this.deps.fetchText(url);
      const ex = this.deps.extract(res.body, res.finalUrl, res.contentType);
      const { text, passages } = toPassages(ex.blocks, this.deps.segment, ex.lang);
      const favicon = await this.favicon(
        ex.faviconUrl ?? new URL('/favicon.ico', res.finalUrl).href,
      );
      doc = {
        url,
        finalUrl: res.finalUrl,
        title: ex.title || new URL(res.finalUrl).hostname,
        siteName: ex.siteName || new URL(res.finalUrl).hostname.replace(/^www\./, ''),
        ...(ex.publishedAt ? { publishedAt: ex.publishedAt } : {}),
        ...(ex.lang ? { lang: ex.lang } : {}),
        ...(favicon ? { faviconDataUrl: favicon } : {}),
        text,
        passages,
      };
    } catch (err) {
      doc = { url, error: this.deps.describeError(err) };
      remember = this.deps.remember?.(err) ?? true;
    }
    // A failure the reader can lift at once (no host permission yet) is not remembered.
    const stored = (
      !isFailed(doc)
        ? this.deps.cache.set(url, doc)
        : remember
          ? this.deps.cache.set(url, doc, FAILED_TTL_MS)
          : Promise.resolve()
    ).catch(() => {});
    return { doc, stored };
  }
}
