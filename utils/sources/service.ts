/**
 * The source service: for a batch of sentences of one page, gather candidate sources (links in
 * the sentence, its footnotes' reference entries, the article's other outbound links), load
 * them, rank their passages against each sentence and answer with the sources worth showing.
 */
import {
  LIMITS,
  type FindSourcesRequest,
  type SentenceRequest,
  type SentenceSources,
  type SourceResult,
  type SourceVia,
} from '../messaging/types';
import {
  buildIndex,
  contentOnlyLevel,
  rankDocuments,
  SHOW_THRESHOLD,
  type Passage,
  type PassageIndex,
} from '../ranking';
import { NetError } from '../net/errors';
import { collapseCopies } from '../ranking/dedupe';
import { textFragmentFor } from '../ranking/fragment';
import { isFailed, type DocumentLoader, type LoadedDoc, type SourceDoc } from './documents';

/** Most sources shown for one sentence. */
const MAX_SOURCES = 6;
/**
 * A page the sentence itself cites has earned a lower bar than one merely linked from the
 * article: the author vouched for it, so a moderately matching passage is still the right quote.
 */
const CITED_THRESHOLD_FACTOR = 0.6;

/** Search providers, as the service sees them (see utils/sources/providers). */
export interface ProviderHook {
  /** Ids of the providers the reader turned on and consented to (part of the cache key). */
  active(): Promise<string[]>;
  /** Candidate URLs per sentence id, and why a provider stopped (for the reader); never throws. */
  find(
    sentences: SentenceRequest[],
    page: FindSourcesRequest['page'],
    signal: AbortSignal,
  ): Promise<ProviderFound>;
}

/** What the providers found for one batch. */
export interface ProviderFound {
  candidates: Map<string, Array<{ url: string; verdict?: string }>>;
  /** One reader-facing sentence per provider that failed ("Brave Search refused the API key…"). */
  failures: string[];
}

/** Longest explanation sent with an unsourced sentence. */
const MAX_NOTE_CHARS = 600;

export interface ResultCache {
  get(key: string): Promise<SentenceSources | undefined>;
  set(key: string, value: SentenceSources): Promise<void>;
}

interface Candidate {
  url: string;
  via: SourceVia;
}

/** Normalise a URL for identity: no fragment. */
const bare = (u: string) => u.split('#')[0]!;

/** The pages the sentences themselves cite (inline links, footnotes), each once, in order. */
function ownCitations(list: readonly { candidates: Candidate[] }[]): string[] {
  const urls: string[] = [];
  for (const { candidates } of list)
    for (const c of candidates)
      if ((c.via === 'inline' || c.via === 'footnote') && !urls.includes(c.url)) urls.push(c.url);
  return urls;
}

async function sha256(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export class SourceService {
  private readonly indexes = new Map<
    string,
    { index: PassageIndex; docs: Map<string, SourceDoc> }
  >();

  constructor(
    private readonly loader: DocumentLoader,
    private readonly results: ResultCache,
    private readonly providers?: ProviderHook,
  ) {}

  /** The candidates of one sentence, its own citations first. */
  static candidates(s: SentenceRequest, page: FindSourcesRequest['page']): Candidate[] {
    const out: Candidate[] = [];
    const seen = new Set<string>([
      bare(page.url),
      ...(page.canonicalUrl ? [bare(page.canonicalUrl)] : []),
    ]);
    const add = (href: string, via: SourceVia) => {
      const url = bare(href);
      if (seen.has(url)) return;
      seen.add(url);
      out.push({ url, via });
    };
    for (const l of s.links) add(l.href, 'inline');
    for (const f of s.footnotes) for (const l of f.links) add(l.href, 'footnote');
    for (const l of page.outboundLinks) add(l.href, 'outbound');
    return out;
  }

  async find(req: FindSourcesRequest, signal?: AbortSignal): Promise<SentenceSources[]> {
    const perSentence = req.sentences.map((s) => ({
      s,
      candidates: SourceService.candidates(s, req.page),
    }));
    const preloaded = this.preload(perSentence);
    const active = this.providers ? await this.providers.active().catch(() => []) : [];
    const keys = await Promise.all(
      perSentence.map(({ s, candidates }) =>
        sha256(
          JSON.stringify([
            s.text,
            s.prevText ?? '',
            req.page.title,
            candidates.map((c) => `${c.via}:${c.url}`),
            active,
          ]),
        ),
      ),
    );
    const answers: Array<SentenceSources | undefined> = await Promise.all(
      keys.map((k) => this.results.get(k).catch(() => undefined)),
    );
    const todo = perSentence.map((p, i) => ({ ...p, i })).filter(({ i }) => !answers[i]);
    const verdicts = new Map<string, string>();
    let providerFailures: string[] = [];
    if (todo.length && active.length && this.providers) {
      // Providers only hear about sentences with no answer yet; their URLs join the sentence's
      // candidates after its own citations and are ranked like any other page.
      const found = await this.providers.find(
        todo.map((t) => t.s),
        req.page,
        signal ?? new AbortController().signal,
      );
      providerFailures = found.failures;
      for (const t of todo) {
        const seen = new Set(t.candidates.map((c) => c.url));
        const own = t.candidates.filter((c) => c.via !== 'outbound');
        const rest = t.candidates.filter((c) => c.via === 'outbound');
        const extra: Candidate[] = [];
        for (const c of found.candidates.get(t.s.id) ?? []) {
          const url = bare(c.url);
          if (seen.has(url)) continue;
          seen.add(url);
          extra.push({ url, via: 'provider' });
          if (c.verdict) verdicts.set(url, c.verdict);
        }
        t.candidates = [...own, ...extra, ...rest];
      }
    }
    if (todo.length) {
      // Every page any of these sentences may cite, own citations first, capped.
      const urls = ownCitations(todo);
      for (const { candidates } of todo)
        for (const c of candidates.filter((c) => c.via === 'provider'))
          if (!urls.includes(c.url)) urls.push(c.url);
      for (const l of req.page.outboundLinks) {
        const u = bare(l.href);
        if (!urls.includes(u)) urls.push(u);
      }
      const wanted = urls.slice(0, LIMITS.pagesPerBatch);
      const loaded = await Promise.all(wanted.map((u) => preloaded.get(u) ?? this.loader.load(u)));
      if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
      const failures = new Map<string, string>();
      const docs = new Map<string, SourceDoc>();
      for (const d of loaded) {
        if (isFailed(d)) failures.set(d.url, d.error);
        else docs.set(d.url, d);
      }
      const { index } = this.indexFor(docs, req.page.lang);
      for (const { s, candidates, i } of todo) {
        const answer = this.answer(s, candidates, docs, failures, index, req.page, verdicts);
        // An unsourced sentence says why a search that could have helped did not run. Such an
        // answer is not cached: the reader may fix the cause (a key, a permission) at once.
        const notes =
          answer.status === 'none' ? this.notes(candidates, failures, providerFailures) : '';
        if (notes) answer.error = notes;
        answers[i] = answer;
        // Stored behind the answer: the reader does not wait for the cache write.
        if (answer.status !== 'error' && !notes)
          void this.results.set(keys[i]!, answer).catch(() => {});
      }
    }
    return answers.map((a, i): SentenceSources => ({
      ...(a ?? { status: 'none', sources: [] }),
      id: req.sentences[i]!.id,
    }));
  }

  /**
   * Start reading the pages the sentences themselves cite (inline links, footnotes) while their
   * cached answers are looked up: on a cold start the lookups take 50–200 ms (Chromium 156, the
   * demo article), and a sentence without a cached answer then needs these pages anyway. The
   * article's other links are left to find(): every sentence shares them, and a revisit whose
   * answers are all cached would read them from the page cache for every batch. Loads are shared
   * (DocumentLoader) and kept for find() to use, so a page whose cache write failed (a full
   * store) is not read twice.
   */
  private preload(perSentence: { candidates: Candidate[] }[]): Map<string, Promise<LoadedDoc>> {
    const loads = new Map<string, Promise<LoadedDoc>>();
    for (const u of ownCitations(perSentence).slice(0, LIMITS.pagesPerBatch))
      loads.set(u, this.loader.load(u));
    return loads;
  }

  /**
   * Why an unsourced sentence may lack a source: failed providers, pages not yet allowed, pages it
   * cites that could not be read.
   */
  private notes(
    candidates: Candidate[],
    failures: Map<string, string>,
    providers: string[],
  ): string {
    const notes = [...providers];
    const denied = new NetError('no-access').message;
    if (candidates.some((c) => failures.get(c.url) === denied)) notes.push(denied);
    // A page the sentence itself cites that could not be read may hold its source: say so, once
    // per reason (every cited page failing is an error answer, handled in answer()).
    const reasons = new Set<string>();
    for (const c of candidates) {
      const why = (c.via === 'inline' || c.via === 'footnote') && failures.get(c.url);
      if (why && why !== denied) reasons.add(why.replace(/[.\s]+$/, ''));
    }
    for (const why of [...reasons].slice(0, 2))
      notes.push(`A page this sentence cites was not read: ${lowerFirst(why)}`);
    const text = notes.map((n) => n.replace(/[.\s]+$/, '')).join('. ');
    return text ? `${text}.`.slice(0, MAX_NOTE_CHARS) : '';
  }

  private indexFor(docs: Map<string, SourceDoc>, lang?: string) {
    const key = [...docs.keys()].sort().join('\n');
    let entry = this.indexes.get(key);
    if (!entry) {
      const passages: Passage[] = [];
      for (const [url, d] of docs)
        d.passages.forEach((p, index) =>
          passages.push({ docId: url, index, text: d.text.slice(p.start, p.end) }),
        );
      entry = { index: buildIndex(passages, lang ? { lang } : {}), docs };
      this.indexes.set(key, entry);
      // A handful of pages' indexes is plenty; the worker's memory is not a cache.
      if (this.indexes.size > 8) this.indexes.delete(this.indexes.keys().next().value!);
    }
    return entry;
  }

  private answer(
    s: SentenceRequest,
    candidates: Candidate[],
    docs: Map<string, SourceDoc>,
    failures: Map<string, string>,
    index: PassageIndex,
    page: FindSourcesRequest['page'],
    verdicts: Map<string, string>,
  ): SentenceSources {
    const via = new Map(candidates.map((c) => [c.url, c.via]));
    const ranked = rankDocuments(
      index,
      {
        text: s.text,
        ...(s.prevText ? { prevText: s.prevText } : {}),
        ...(page.title ? { title: page.title } : {}),
        ...(page.lang ? { lang: page.lang } : {}),
        ...(page.publishedAt ? { pageDate: page.publishedAt } : {}),
      },
      MAX_SOURCES * 3,
    );
    const shown: SourceResult[] = [];
    for (const r of ranked) {
      const v = via.get(r.docId);
      const doc = docs.get(r.docId);
      if (!v || !doc) continue;
      // Only the article's own citations earn the lower bar; outbound links and provider results
      // must match by content.
      const cited = v === 'inline' || v === 'footnote';
      const bar = cited ? SHOW_THRESHOLD * CITED_THRESHOLD_FACTOR : SHOW_THRESHOLD;
      if (r.score < bar) continue;
      // A page matched by content alone must do more than touch the same topic: it needs a
      // stricter score and coverage than a cited link before it says "partly" or more.
      const level = cited ? r.level : contentOnlyLevel(r);
      if (!cited && level === 'related') continue;
      // The fragment selects the whole passage (or window) the quote was taken from.
      const first = doc.passages[r.index];
      const last = doc.passages[r.index + Math.max(1, r.span) - 1] ?? first;
      const fragment = first && last ? textFragmentFor(doc.text, first.start, last.end) : '';
      const base = bare(doc.finalUrl);
      shown.push({
        url: doc.finalUrl,
        fragmentUrl: fragment ? `${base}#:~:text=${fragment}` : base,
        title: doc.title,
        siteName: doc.siteName,
        ...(doc.faviconDataUrl ? { faviconDataUrl: doc.faviconDataUrl } : {}),
        ...(doc.publishedAt ? { publishedAt: doc.publishedAt } : {}),
        passage: r.text,
        matchedTerms: r.matchedTerms,
        score: Math.round(r.score * 1000) / 1000,
        level,
        via: v,
        ...(verdicts.get(r.docId) ? { verdict: verdicts.get(r.docId) } : {}),
      });
    }
    const sources = collapseCopies(shown, docs).slice(0, MAX_SOURCES);
    if (sources.length) return { id: s.id, status: 'sourced', sources };
    const own = candidates.filter((c) => c.via === 'inline' || c.via === 'footnote');
    const ownFailed = own.filter((c) => failures.has(c.url));
    if (own.length && ownFailed.length === own.length)
      return {
        id: s.id,
        status: 'error',
        sources: [],
        error: failures.get(ownFailed[0]!.url) ?? 'The linked page could not be read.',
      };
    return { id: s.id, status: 'none', sources: [] };
  }
}

/** "The linked page took too long" → "the linked page took too long" (after a colon). */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
