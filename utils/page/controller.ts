/**
 * The content script's page lifecycle: find the article, mark its sentences in idle-time slices,
 * ask the background for sources in batches (nearest the viewport first), and keep the page's
 * status. Everything it does is undone by stop().
 */
import type { Article, ArticleBlock } from '../article';
import {
  LIMITS,
  type FindSourcesRequest,
  type PageSource,
  type PageStatus,
  type PageSummary,
  type RevealKind,
  type SentenceRequest,
  type SentenceSources,
} from '../messaging/types';
import { readBlockSteps, toSentencesSteps, type BlockSentence } from '../sentences/block-text';
import { SentenceMarks, type MarkState } from '../sentences/marks';
import {
  cleanHref,
  inReferenceList,
  pageContextSteps,
  referenceListsSteps,
  resolveFootnote,
  sentenceLinks,
} from '../sentences/requests';
import { mark, measure } from '../perf/marks';
import { newStats, runInSlices, type SliceStats } from '../sentences/scheduler';
import type { SentenceSpan } from '../sentences/segment';

export interface ControllerDeps {
  doc: Document;
  /** The article finder as resumable steps (see utils/article findArticleSteps). */
  findArticle: (doc: Document) => Generator<void, Article | null, void>;
  isSkippedInline: (node: Node) => boolean;
  segment: (text: string, lang?: string) => SentenceSpan[];
  /** The segmenter as resumable steps (a block of 100 KB of text is cut over several slices). */
  segmentSteps?: (text: string, lang?: string) => Generator<void, SentenceSpan[], void>;
  /** Ask the background; may reject when the worker was restarted mid-request. */
  send: (req: FindSourcesRequest) => Promise<{ results: SentenceSources[] }>;
  /** Tell the background the page's counts (badge). */
  report: (status: PageStatus) => void;
  /** The page-level stylesheet for the highlights. */
  highlightCss: string;
  /** Nodes of the extension's own UI, whose mutations are not the page's. */
  isOwnNode?: (node: Node) => boolean;
  /** Whether checked sentences without a source are underlined too (read on each start). */
  showUnsourced?: () => boolean;
  /** Test builds: announce status changes to the page (for the evaluation harness). */
  announce?: (detail: Record<string, unknown>) => void;
}

const BATCH = 12;
/** Sentences marked between two yields: small enough that a step never nears the slice budget. */
const MARKS_PER_STEP = 8;
const PARALLEL = 2;
const RETRIES = 5;
/** A rescan waits for this much quiet after the page's last change… */
const QUIET_MS = 400;
/** …but never longer than this after the first change it waits for (a page never quiet). */
const MAX_WAIT_MS = 2_000;

export interface SentenceInfo {
  id: string;
  text: string;
  sentence: BlockSentence;
  answer: SentenceSources | null;
  /** Headings are marked but not sent for sources. */
  askable: boolean;
  /** The range's own text when marked, whitespace-collapsed, to notice text changed in place. */
  rangeText: string;
}

export class PageController {
  readonly stats: SliceStats = newStats();
  private marks: SentenceMarks | null = null;
  private abort: AbortController | null = null;
  private readonly infos = new Map<string, SentenceInfo>();
  private readonly listeners = new Set<() => void>();
  private article: Article | null = null;
  private state: PageStatus['state'] = 'off';
  private reportTimer: ReturnType<typeof setTimeout> | null = null;
  private observer: MutationObserver | null = null;
  private rescanTimer: ReturnType<typeof setTimeout> | null = null;
  /** When the oldest change the pending rescan waits for happened (performance.now()). */
  private changedSince = 0;
  private rescanning = false;
  private nextId = 0;
  /** Texts already marked, by the text node each starts in: nothing is marked twice. */
  private marked = new WeakMap<Node, Set<string>>();

  constructor(private readonly deps: ControllerDeps) {}

  get running(): boolean {
    return this.abort !== null;
  }

  /** Subscribe to any change of marks or answers. */
  onChange(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  info(id: string): SentenceInfo | undefined {
    return this.infos.get(id);
  }

  get sentenceMarks(): SentenceMarks | null {
    return this.marks;
  }

  /** Ids of the sentences that have sources, in document order. */
  sourcedIds(): string[] {
    return (this.marks?.ids() ?? []).filter(
      (id) => this.infos.get(id)?.answer?.status === 'sourced',
    );
  }

  /** Ids of the checked sentences of one kind, in document order. */
  idsOf(kind: RevealKind): string[] {
    return (this.marks?.ids() ?? []).filter((id) => {
      const answer = this.infos.get(id)?.answer;
      if (!answer) return false;
      if (kind === 'unsourced') return answer.status === 'none';
      return answer.status === 'sourced' && markState(answer) === 'numbers-differ';
    });
  }

  /** The popup's view of the page: counts, sources by sentences backed, what to review. */
  summary(): PageSummary {
    const bySource = new Map<string, PageSource>();
    let unsourced = 0;
    let numbersDiffer = 0;
    for (const info of this.infos.values()) {
      const answer = info.answer;
      if (answer?.status === 'none') unsourced++;
      if (answer?.status !== 'sourced') continue;
      if (markState(answer) === 'numbers-differ') numbersDiffer++;
      const seen = new Set<string>();
      for (const s of answer.sources) {
        if (seen.has(s.url) || s.flagged) continue;
        seen.add(s.url);
        const entry = bySource.get(s.url);
        if (entry) entry.sentences++;
        else
          bySource.set(s.url, {
            url: s.url,
            siteName: s.siteName.slice(0, LIMITS.titleChars),
            title: s.title.slice(0, LIMITS.titleChars),
            sentences: 1,
          });
      }
    }
    const sources = [...bySource.values()]
      .sort((a, b) => b.sentences - a.sentences || a.siteName.localeCompare(b.siteName))
      .slice(0, LIMITS.summarySources);
    return { status: this.status(), sources, unsourced, numbersDiffer };
  }

  /** Replace a sentence's answer (e.g. after the reader marked a source wrong). */
  updateAnswer(id: string, answer: SentenceSources): void {
    if (this.infos.get(id)?.answer) this.setAnswer(id, answer);
  }

  status(): PageStatus {
    let sourced = 0;
    let pending = 0;
    const sources = new Set<string>();
    let sentences = 0;
    for (const info of this.infos.values()) {
      sentences++;
      if (info.askable && !info.answer) pending++;
      if (info.answer?.status === 'sourced') {
        sourced++;
        for (const s of info.answer.sources) sources.add(s.url);
      }
    }
    return { state: this.state, sentences, sourced, sources: sources.size, pending };
  }

  /** Start (or restart) on the current page. */
  async start(): Promise<void> {
    this.stop();
    const abort = new AbortController();
    this.abort = abort;
    this.marks = new SentenceMarks(this.deps.doc, this.deps.highlightCss);
    this.marks.setShowUnsourced(this.deps.showUnsourced?.() ?? false);
    this.setState('scanning');
    let requests: SentenceRequest[];
    try {
      requests = await runInSlices(this.scan(), { signal: abort.signal, stats: this.stats });
    } catch (err) {
      if (abort.signal.aborted) return;
      throw err;
    }
    if (abort.signal.aborted) return;
    if (!this.article) {
      this.setState('not-article');
      return;
    }
    if (!requests.length) {
      this.setState('done');
      return;
    }
    this.observe(abort.signal);
    this.setState('matching');
    await this.ask(requests, abort.signal);
    if (!abort.signal.aborted) this.setState('done');
  }

  /**
   * Watch the page for text added or replaced later (infinite scroll, "read more", a framework
   * re-rendering): drop marks whose text is gone or changed, then mark what is new, once.
   */
  private observe(signal: AbortSignal): void {
    const root = this.deps.doc.body ?? this.deps.doc.documentElement;
    const View = this.deps.doc.defaultView;
    if (!View || typeof View.MutationObserver !== 'function') return;
    this.observer = new View.MutationObserver((records) => {
      if (records.every((r) => this.deps.isOwnNode?.(r.target))) return;
      this.scheduleRescan(signal);
    });
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => this.observer?.disconnect());
  }

  /**
   * Debounce rescans: wait for QUIET_MS without changes, but at most MAX_WAIT_MS after the first
   * change waited for, so a page that changes every few hundred ms is still rescanned.
   */
  private scheduleRescan(signal: AbortSignal): void {
    const now = performance.now();
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    else this.changedSince = now;
    const wait = Math.max(0, Math.min(QUIET_MS, this.changedSince + MAX_WAIT_MS - now));
    this.rescanTimer = setTimeout(() => void this.rescan(signal), wait);
  }

  private async rescan(signal: AbortSignal): Promise<void> {
    this.rescanTimer = null;
    if (signal.aborted) return;
    if (this.rescanning) {
      // One rescan at a time; come back for what changed meanwhile.
      this.scheduleRescan(signal);
      return;
    }
    this.rescanning = true;
    try {
      const requests = await runInSlices(this.pruneThenScan(), { signal, stats: this.stats });
      if (signal.aborted || !requests.length) return;
      this.setState('matching');
      await this.ask(requests, signal);
      if (!signal.aborted) this.setState('done');
    } catch (err) {
      if (!signal.aborted) console.warn('[sourcelight] rescan failed', err);
    } finally {
      this.rescanning = false;
    }
  }

  private *pruneThenScan(): Generator<unknown, SentenceRequest[], void> {
    yield* this.prune();
    return yield* this.scan();
  }

  /**
   * Forget sentences whose text left the page or changed under us, one sentence per step (a
   * page of 20,000 sentences is checked over many idle slices, never in one long task).
   */
  private *prune(): Generator<void, void, void> {
    let removed = false;
    for (const [id, info] of [...this.infos]) {
      yield;
      if (this.infos.get(id) !== info) continue;
      const s = info.sentence;
      const gone = s.pieces.some((p) => !p.node.isConnected);
      if (!gone && s.range.toString().replace(/\s+/g, ' ').trim() === info.rangeText) continue;
      this.marks?.remove(id);
      this.infos.delete(id);
      removed = true;
      const first = s.pieces[0]?.node;
      if (first) this.marked.get(first)?.delete(info.text);
    }
    if (removed) this.changed();
  }

  /** Remove every mark and listener-visible state: the page is as it was. */
  stop(): void {
    this.abort?.abort();
    this.abort = null;
    this.marks?.clear();
    this.marks = null;
    this.infos.clear();
    this.article = null;
    this.observer?.disconnect();
    this.observer = null;
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    this.rescanTimer = null;
    this.marked = new WeakMap();
    this.nextId = 0;
    if (this.reportTimer) clearTimeout(this.reportTimer);
    this.reportTimer = null;
    if (this.state !== 'off') this.setState('off');
  }

  private *scan(): Generator<unknown, SentenceRequest[], void> {
    const { doc } = this.deps;
    // A page that is an editor as a whole (designMode) is someone's draft, not an article.
    if (doc.designMode === 'on') return [];
    const article = yield* this.deps.findArticle(doc);
    yield;
    this.article = article ?? this.article;
    if (!article) return [];
    const lang = article.lang ?? (doc.documentElement.lang || undefined);
    const refs = yield* referenceListsSteps(doc);
    const pageUrl = cleanHref(doc.URL);
    const requests: SentenceRequest[] = [];
    for (const block of article.blocks) {
      if (inReferenceList(block.element, refs)) continue;
      const sentences = yield* this.blockSentences(block, lang);
      let prev: string | undefined;
      let n = 0;
      for (const s of sentences) {
        if (++n % MARKS_PER_STEP === 0) yield;
        const start = s.pieces[0]?.node;
        if (!start) continue;
        let seen = this.marked.get(start);
        if (seen?.has(s.text)) {
          prev = s.text;
          continue;
        }
        if (!seen) this.marked.set(start, (seen = new Set()));
        seen.add(s.text);
        const id = `s${this.nextId++}`;
        const askable = block.kind !== 'heading' && s.text.length >= 12;
        this.marks?.add(id, s);
        this.infos.set(id, {
          id,
          text: s.text,
          sentence: s,
          answer: null,
          askable,
          rangeText: s.range.toString().replace(/\s+/g, ' ').trim(),
        });
        if (askable) {
          requests.push({
            id,
            text: s.text.slice(0, 2000),
            ...(prev ? { prevText: prev.slice(0, 2000) } : {}),
            links: sentenceLinks(s).filter((l) => l.href !== pageUrl),
            footnotes: s.footnotes
              .map((f) => resolveFootnote(doc, f.marker, f.targetId))
              .filter((f) => f !== null)
              .slice(0, 12),
          });
        }
        prev = s.text;
      }
      this.marks?.flush();
      this.changed();
      yield;
    }
    this.marks?.flush();
    return requests;
  }

  /** One block's sentences, as resumable steps (reading, segmenting, locating). */
  private *blockSentences(
    block: ArticleBlock,
    lang: string | undefined,
  ): Generator<void, BlockSentence[], void> {
    const bt = yield* readBlockSteps(block.element, this.deps.isSkippedInline);
    if (!bt.text.trim()) return [];
    yield;
    let spans: SentenceSpan[];
    if (block.kind === 'heading') {
      const start = bt.text.search(/\S/);
      spans = [{ start, end: bt.text.trimEnd().length }];
    } else if (this.deps.segmentSteps) spans = yield* this.deps.segmentSteps(bt.text, lang);
    else spans = this.deps.segment(bt.text, lang);
    yield;
    return yield* toSentencesSteps(this.deps.doc, bt, spans);
  }

  /** Ask for sources in batches, nearest the viewport first, a few batches at a time. */
  private async ask(requests: SentenceRequest[], signal: AbortSignal): Promise<void> {
    const { doc } = this.deps;
    const article = this.article!;
    const hrefs = new Set<string>();
    for (const r of requests) {
      for (const l of r.links) hrefs.add(l.href);
      for (const f of r.footnotes) for (const l of f.links) hrefs.add(l.href);
    }
    // The page context walks every link of the article (thousands on an encyclopedia page), and
    // each sentence's distance from the viewport is measured once (a sort that measured in its
    // comparator took a long task on pages of thousands of sentences): both in slices.
    let page: FindSourcesRequest['page'];
    let distance: Map<string, number>;
    try {
      page = await runInSlices(
        pageContextSteps(
          doc,
          {
            root: article.root,
            ...(article.lang ? { lang: article.lang } : {}),
            ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
            ...(article.canonicalUrl ? { canonicalUrl: article.canonicalUrl } : {}),
          },
          hrefs,
        ),
        { signal, stats: this.stats },
      );
      distance = await runInSlices(this.distances(requests), { signal, stats: this.stats });
    } catch (err) {
      if (signal.aborted) return;
      throw err;
    }
    const far = (r: SentenceRequest) => distance.get(r.id) ?? Infinity;
    const queue = [...requests].sort((a, b) => far(a) - far(b));
    const batches: SentenceRequest[][] = [];
    for (let i = 0; i < queue.length; i += BATCH) batches.push(queue.slice(i, i + BATCH));
    const worker = async () => {
      for (let batch = batches.shift(); batch && !signal.aborted; batch = batches.shift())
        await this.askBatch(page, batch, signal);
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  }

  private *distances(requests: SentenceRequest[]): Generator<void, Map<string, number>, void> {
    const viewH = this.deps.doc.defaultView?.innerHeight ?? 800;
    const out = new Map<string, number>();
    for (const r of requests) {
      yield;
      const rect = this.infos.get(r.id)?.sentence.range.getBoundingClientRect();
      if (!rect) continue;
      out.set(r.id, rect.bottom < 0 ? -rect.bottom : rect.top > viewH ? rect.top - viewH : 0);
    }
    return out;
  }

  private async askBatch(
    page: FindSourcesRequest['page'],
    sentences: SentenceRequest[],
    signal: AbortSignal,
  ): Promise<void> {
    let lastError = '';
    for (let attempt = 0; attempt <= RETRIES && !signal.aborted; attempt++) {
      try {
        const { results } = await this.deps.send({ page, sentences });
        if (signal.aborted) return;
        const start = performance.now();
        for (const r of results) this.setAnswer(r.id, r);
        // Anything the background left out is answered "none", never left pending.
        for (const s of sentences)
          if (!this.infos.get(s.id)?.answer)
            this.setAnswer(s.id, { id: s.id, status: 'none', sources: [] });
        measure('answers', start);
        return;
      } catch (err) {
        lastError = err instanceof Error ? err.message : String(err);
        const code = (err as { code?: string }).code;
        // A restarted worker or a transient failure: try again after a pause. A refused or
        // malformed request will not get better: stop.
        if (code && code !== 'no-receiver' && code !== 'internal' && code !== 'unavailable') break;
        await new Promise((r) => setTimeout(r, 300 * 2 ** attempt));
      }
    }
    if (signal.aborted) return;
    console.warn('[sourcelight] could not get sources:', lastError);
    for (const s of sentences)
      this.setAnswer(s.id, {
        id: s.id,
        status: 'error',
        sources: [],
        error:
          'Sourcelight could not look up sources for this sentence. Reload the page to try again.',
      });
  }

  private setAnswer(id: string, answer: SentenceSources): void {
    const info = this.infos.get(id);
    if (!info) return;
    info.answer = answer;
    const state = markState(answer);
    this.marks?.setState(id, state);
    if (state === 'sourced' || state === 'numbers-differ') mark('sourced');
    this.changed();
  }

  private setState(state: PageStatus['state']): void {
    this.state = state;
    this.changed(true);
  }

  private changed(now = false): void {
    for (const cb of this.listeners) cb();
    if (now) this.flushReport();
    else if (!this.reportTimer) this.reportTimer = setTimeout(() => this.flushReport(), 250);
  }

  private flushReport(): void {
    if (this.reportTimer) clearTimeout(this.reportTimer);
    this.reportTimer = null;
    const status = this.status();
    this.deps.report(status);
    this.deps.announce?.({
      ...status,
      headline: this.article?.headline ?? '',
      workMs: Math.round(this.stats.workMs * 10) / 10,
      longestSliceMs: Math.round(this.stats.longestSliceMs * 10) / 10,
    });
  }
}

/** How a sentence is underlined for its answer. */
export function markState(answer: SentenceSources): MarkState {
  if (answer.status === 'none') return 'unsourced';
  if (answer.status !== 'sourced') return 'none';
  // Sources the reader marked wrong no longer count.
  const sources = answer.sources.filter((s) => !s.flagged);
  if (!sources.length) return 'unsourced';
  return sources.some((s) => s.level === 'numbers-differ') &&
    !sources.some((s) => s.level === 'supports')
    ? 'numbers-differ'
    : 'sourced';
}
