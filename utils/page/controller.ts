/**
 * The content script's page lifecycle: find the article, mark its sentences in idle-time slices,
 * ask the background for sources in batches (nearest the viewport first), and keep the page's
 * status. Everything it does is undone by stop().
 */
import type { Article, ArticleBlock } from '../article';
import { articleBlock, inLongRuns, isOutsideLoose } from '../article/loose';
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
import { viewportDistances, type Distances } from './viewport';
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
import { mark, measure, phase } from '../perf/marks';
import { newStats, runInSlices, timed, type SliceStats } from '../sentences/scheduler';
import type { SentenceSpan } from '../sentences/segment';

export interface ControllerDeps {
  doc: Document;
  /** The article finder as resumable steps (see utils/article findArticleSteps). */
  findArticle: (doc: Document) => Generator<void, Article | null, void>;
  /**
   * The body blocks in subtrees added after the article was found, as resumable steps (see
   * utils/article findAddedBlocksSteps): a growing page is never searched whole again.
   */
  findAddedBlocks: (added: Element[], root: Element) => Generator<void, ArticleBlock[], void>;
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
/** Changed nodes, or known blocks checked for removal, between two yields of a rescan. */
const NODES_PER_STEP = 64;
const BLOCKS_PER_STEP = 256;
const PARALLEL = 2;
const RETRIES = 5;
/** A rescan waits for this much quiet after the page's last change… */
const QUIET_MS = 400;
/** …but never longer than this after the first change it waits for (a page never quiet). */
const MAX_WAIT_MS = 2_000;
/** More changed nodes than this waiting for one rescan: search the whole article again. */
const MAX_PENDING_NODES = 4_000;
/** Text added outside the article (characters) that is worth searching the page again… */
const OUTSIDE_CHARS = 500;
/** …at most this often. */
const REFIND_EVERY_MS = 5_000;
/** Passes one rescan makes at most while the page keeps changing under it. */
const CHASE_PASSES = 3;
/** Blocks' sentence spans kept by text (a re-rendered block is not segmented again). */
const SPAN_CACHE = 2_000;
/** Listeners hear of new marks at most this often while a scan runs. */
const FLUSH_EVERY_MS = 250;

export interface SentenceInfo {
  id: string;
  text: string;
  sentence: BlockSentence;
  answer: SentenceSources | null;
  /** Headings are marked but not sent for sources. */
  askable: boolean;
}

/** A block as last read and marked: its text, to notice a change, and its sentences. */
interface BlockRecord {
  kind: ArticleBlock['kind'];
  loose: boolean;
  text: string;
  ids: string[];
}

/** Answers of sentences dropped in this rescan, by text, for the same text marked again. */
type Carry = Map<string, SentenceSources>;

/** One run's queue of batches for the background, shared by a few workers. */
interface AskQueue {
  batches: Array<{ page: FindSourcesRequest['page']; sentences: SentenceRequest[] }>;
  workers: number;
  idle: Array<() => void>;
}

export class PageController {
  readonly stats: SliceStats = newStats();
  private marks: SentenceMarks | null = null;
  private abort: AbortController | null = null;
  private readonly infos = new Map<string, SentenceInfo>();
  private readonly listeners = new Set<() => void>();
  private article: Article | null = null;
  private lang: string | undefined;
  private state: PageStatus['state'] = 'off';
  private reportTimer: ReturnType<typeof setTimeout> | null = null;
  private observer: MutationObserver | null = null;
  private rescanTimer: ReturnType<typeof setTimeout> | null = null;
  private refindTimer: ReturnType<typeof setTimeout> | null = null;
  /** When the oldest change the pending rescan waits for happened (performance.now()). */
  private changedSince = 0;
  /** A scan or rescan is running (the first scan counts: changes meanwhile wait for it). */
  private rescanning = false;
  private nextId = 0;
  /** Texts already marked, by the text node each starts in: nothing is marked twice. */
  private marked = new WeakMap<Node, Set<string>>();
  /** Every block marked, by element: a rescan reads only blocks that changed or are new. */
  private readonly blocks = new Map<Element, BlockRecord>();
  /** Reference lists found by the last full scan (their text is not marked). */
  private refs: Element[] = [];
  private pageCtx: FindSourcesRequest['page'] | null = null;
  /** Since the last rescan: parents whose children changed (re-read the block they are in)… */
  private touched = new Set<Node>();
  /** …nodes added or whose text changed (new blocks, or re-read the block they are in)… */
  private added = new Set<Node>();
  /** …whether an element was removed (check which known blocks left the page)… */
  private removedElements = false;
  /** …and whether there were too many changes to follow one by one. */
  private overflow = false;
  /** Characters added outside the article since the last full scan. */
  private outsideChars = 0;
  /** When the last full scan ended (performance.now()). */
  private lastFind = 0;
  private lastFlush = 0;
  private marksChanged = false;
  private asking: AskQueue = { batches: [], workers: 0, idle: [] };
  private readonly spansByText = new Map<string, SentenceSpan[]>();
  /** `cleanHref` of the document URL it was computed from (parsed once, not once per block). */
  private pageUrl: { from: string; clean: string | null } = { from: '', clean: null };

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
    // Watch from the start: text added while the first scan runs is picked up right after it.
    this.observe(abort.signal);
    let requests: SentenceRequest[];
    this.rescanning = true;
    try {
      requests = await this.slices(
        this.scan(new Map(), () => true),
        abort.signal,
      );
    } catch (err) {
      if (abort.signal.aborted) return;
      throw err;
    } finally {
      // A restart meanwhile has its own first scan running: leave its flag alone.
      if (!abort.signal.aborted) this.rescanning = false;
    }
    if (abort.signal.aborted) return;
    if (!this.article) {
      this.observer?.disconnect();
      this.setState('not-article');
      return;
    }
    if (!requests.length) {
      this.setState('done');
      return;
    }
    this.setState('matching');
    await this.ask(requests, abort.signal);
    this.settle(abort.signal);
  }

  /** Run steps in idle-time slices, telling of new marks at most every FLUSH_EVERY_MS. */
  private async slices<T>(work: Generator<unknown, T, void>, signal: AbortSignal): Promise<T> {
    const out = await runInSlices(work, {
      signal,
      stats: this.stats,
      afterSlice: () => this.publish(false),
    });
    timed(this.stats, () => this.publish(true));
    return out;
  }

  /** Tell of the marks added since the last time (at most every FLUSH_EVERY_MS unless `now`). */
  private publish(now: boolean): void {
    const t = performance.now();
    if (!now && t - this.lastFlush < FLUSH_EVERY_MS) return;
    this.lastFlush = t;
    if (this.marksChanged) {
      this.marksChanged = false;
      this.changed();
    }
  }

  /** 'done' once nothing is being scanned, waited for or asked. */
  private settle(signal: AbortSignal): void {
    if (signal.aborted || this.rescanning || this.rescanTimer || this.asking.workers) return;
    if (this.state !== 'done') this.setState('done');
  }

  /**
   * Watch the page for text added or replaced later (infinite scroll, "read more", a framework
   * re-rendering). The observer only notes what changed; a rescan reads just those blocks.
   */
  private observe(signal: AbortSignal): void {
    const root = this.deps.doc.body ?? this.deps.doc.documentElement;
    const View = this.deps.doc.defaultView;
    if (!View || typeof View.MutationObserver !== 'function') return;
    this.observer = new View.MutationObserver((records) => this.note(records, signal));
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => this.observer?.disconnect());
  }

  private note(records: MutationRecord[], signal: AbortSignal): void {
    const own = this.deps.isOwnNode;
    let any = false;
    for (const r of records) {
      if (own?.(r.target)) continue;
      any = true;
      if (r.type === 'characterData') {
        this.added.add(r.target);
        continue;
      }
      this.touched.add(r.target);
      for (const n of r.addedNodes) if (!own?.(n)) this.added.add(n);
      if (!this.removedElements)
        for (const n of r.removedNodes) if (n.nodeType === 1) this.removedElements = true;
    }
    if (this.added.size + this.touched.size > MAX_PENDING_NODES) {
      this.overflow = true;
      this.added.clear();
      this.touched.clear();
    }
    if (any) this.scheduleRescan(signal);
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
      // One scan at a time; come back for what changed meanwhile.
      this.scheduleRescan(signal);
      return;
    }
    this.rescanning = true;
    let requests: SentenceRequest[] = [];
    try {
      requests = await this.slices(this.rescanSteps(signal), signal);
    } catch (err) {
      if (!signal.aborted) console.warn('[sourcelight] rescan failed', err);
    } finally {
      if (!signal.aborted) this.rescanning = false;
    }
    if (signal.aborted) return;
    if (requests.length) {
      this.setState('matching');
      // Not awaited: changes that come while the background answers are rescanned meanwhile.
      void this.ask(requests, signal).then(() => this.settle(signal));
    } else this.settle(signal);
  }

  /**
   * What changed since the last scan, as resumable steps: blocks that left the page are
   * forgotten, blocks whose text or nodes changed are read and marked again, subtrees added to
   * the article are searched for new blocks. Known blocks nothing touched cost nothing.
   */
  private *rescanSteps(signal: AbortSignal): Generator<unknown, SentenceRequest[], void> {
    const requests: SentenceRequest[] = [];
    for (let pass = 0; pass < CHASE_PASSES; pass++) {
      yield* this.rescanPass(signal, requests);
      // A page that replaced what this pass was reading (a framework re-rendering in a loop)
      // is followed at once, not after another debounce, so its newest nodes get marked.
      if (!this.added.size && !this.touched.size && !this.removedElements && !this.overflow) break;
    }
    return requests;
  }

  private *rescanPass(
    signal: AbortSignal,
    requests: SentenceRequest[],
  ): Generator<unknown, void, void> {
    phase('rescan');
    const touched = this.touched;
    const added = this.added;
    const removed = this.removedElements;
    const overflow = this.overflow;
    this.touched = new Set();
    this.added = new Set();
    this.removedElements = false;
    this.overflow = false;
    const article = this.article;
    if (!article) return;
    const carry: Carry = new Map();
    const root = article.root;
    if (overflow || !root.isConnected) {
      for (const r of yield* this.scan(carry, () => true)) requests.push(r);
      return;
    }

    if (removed) {
      let n = 0;
      for (const [el, rec] of this.blocks) {
        if (++n % BLOCKS_PER_STEP === 0) yield;
        if (!el.isConnected) this.dropBlock(el, rec, carry);
      }
    }
    const changed = new Set<Element>();
    let n = 0;
    for (const node of touched) {
      if (++n % NODES_PER_STEP === 0) yield;
      if (!node.isConnected) continue;
      const block = this.blockAround(node, root);
      if (block) changed.add(block);
    }
    const fresh = new Set<Element>();
    for (const node of added) {
      if (++n % NODES_PER_STEP === 0) yield;
      if (!node.isConnected) continue;
      const block = this.blockAround(node, root);
      if (block) changed.add(block);
      else if (block === null) {
        const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
        if (el && el !== root) fresh.add(el);
      } else this.outsideChars += Math.min(node.textContent?.length ?? 0, OUTSIDE_CHARS);
    }
    if (this.outsideChars >= OUTSIDE_CHARS) {
      // Much text appeared beside the article (it may be the article, loaded late): search the
      // page again, at most every REFIND_EVERY_MS.
      const due = this.lastFind + REFIND_EVERY_MS - performance.now();
      if (due <= 0) {
        const check = (el: Element) => changed.has(el) || fresh.has(el);
        for (const r of yield* this.scan(carry, check)) requests.push(r);
        return;
      }
      if (!this.refindTimer)
        this.refindTimer = setTimeout(() => {
          this.refindTimer = null;
          if (!signal.aborted) this.scheduleRescan(signal);
        }, due);
    }
    for (const el of changed) {
      const rec = this.blocks.get(el);
      if (rec) yield* this.markBlock(articleBlock(el, rec.kind, rec.loose), requests, carry);
    }
    // Subtrees inside another added subtree are searched with it.
    const roots: Element[] = [];
    for (const el of fresh) {
      if (++n % NODES_PER_STEP === 0) yield;
      let up = el.parentElement;
      while (up && up !== root && !fresh.has(up)) up = up.parentElement;
      if (!up || up === root) roots.push(el);
    }
    if (!roots.length) return;
    const found = yield* this.deps.findAddedBlocks(roots, root);
    for (const block of found) {
      if (this.blocks.has(block.element) || inReferenceList(block.element, this.refs)) continue;
      yield* this.markBlock(block, requests, carry);
    }
  }

  /**
   * The known block `node` is in (null: inside the article root but in no known block;
   * undefined: outside the article).
   */
  private blockAround(node: Node, root: Element): Element | null | undefined {
    // Text inside a block-level child of a loose block is not the loose block's text.
    let inChild = false;
    for (let n: Node | null = node; n; n = n.parentNode) {
      const rec = this.blocks.get(n as Element);
      if (rec && !(rec.loose && inChild)) return n as Element;
      if (n === root) return null;
      if (isOutsideLoose(n)) inChild = true;
    }
    return undefined;
  }

  /** Remove every mark and listener-visible state: the page is as it was. */
  stop(): void {
    this.abort?.abort();
    this.abort = null;
    this.marks?.clear();
    this.marks = null;
    this.infos.clear();
    this.blocks.clear();
    this.article = null;
    this.refs = [];
    this.pageCtx = null;
    this.observer?.disconnect();
    this.observer = null;
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    this.rescanTimer = null;
    if (this.refindTimer) clearTimeout(this.refindTimer);
    this.refindTimer = null;
    this.touched = new Set();
    this.added = new Set();
    this.removedElements = false;
    this.overflow = false;
    this.outsideChars = 0;
    this.rescanning = false;
    this.asking = { batches: [], workers: 0, idle: [] };
    this.spansByText.clear();
    this.marked = new WeakMap();
    this.nextId = 0;
    if (this.reportTimer) clearTimeout(this.reportTimer);
    this.reportTimer = null;
    if (this.state !== 'off') this.setState('off');
  }

  /**
   * Find the article in the whole page and mark its blocks. Known blocks are read again only
   * when `check` says they may have changed; known blocks no longer in the article are dropped.
   */
  private *scan(
    carry: Carry,
    check: (el: Element) => boolean,
  ): Generator<unknown, SentenceRequest[], void> {
    const { doc } = this.deps;
    // A page that is an editor as a whole (designMode) is someone's draft, not an article.
    if (doc.designMode === 'on') return [];
    const article = yield* this.deps.findArticle(doc);
    yield;
    this.lastFind = performance.now();
    this.outsideChars = 0;
    if (!article) return [];
    this.article = article;
    this.pageCtx = null;
    this.lang = article.lang ?? (doc.documentElement.lang || undefined);
    this.refs = yield* referenceListsSteps(doc);
    const requests: SentenceRequest[] = [];
    const keep = new Set<Element>();
    for (const block of article.blocks) {
      if (inReferenceList(block.element, this.refs)) continue;
      keep.add(block.element);
      if (this.blocks.has(block.element) && !check(block.element)) continue;
      yield* this.markBlock(block, requests, carry);
    }
    phase('drop');
    let n = 0;
    for (const [el, rec] of this.blocks) {
      if (++n % BLOCKS_PER_STEP === 0) yield;
      if (!keep.has(el)) this.dropBlock(el, rec, carry);
    }
    return requests;
  }

  /** Whether every sentence of a known block still lies in the block's live text nodes. */
  private intact(el: Element, rec: BlockRecord): boolean {
    for (const id of rec.ids) {
      const info = this.infos.get(id);
      if (!info) return false;
      for (const p of info.sentence.pieces)
        if (!p.node.isConnected || !el.contains(p.node)) return false;
    }
    return true;
  }

  /** Forget a block's sentences (its answers kept in `carry` for the same text marked again). */
  private dropBlock(el: Element, rec: BlockRecord, carry: Carry): void {
    this.blocks.delete(el);
    for (const id of rec.ids) {
      const info = this.infos.get(id);
      if (!info) continue;
      if (info.answer && info.answer.status !== 'error') carry.set(info.text, info.answer);
      this.marks?.remove(id);
      this.infos.delete(id);
      const first = info.sentence.pieces[0]?.node;
      if (first) this.marked.get(first)?.delete(info.text);
    }
    this.marksChanged = true;
  }

  /**
   * Read one block and mark its sentences, unless it is known with the same text in the same
   * nodes. Sentences that need an answer are added to `requests`.
   */
  private *markBlock(
    block: ArticleBlock,
    requests: SentenceRequest[],
    carry: Carry,
  ): Generator<void, void, void> {
    const { doc } = this.deps;
    const el = block.element;
    const known = this.blocks.get(el);
    if (!el.isConnected) {
      if (known) this.dropBlock(el, known, carry);
      return;
    }
    const skip = this.deps.isSkippedInline;
    const bt = block.loose
      ? yield* readBlockSteps(el, (n) => isOutsideLoose(n) || skip(n), isOutsideLoose)
      : yield* readBlockSteps(el, skip);
    if (known) {
      if (known.text === bt.text && this.intact(el, known)) return;
      this.dropBlock(el, known, carry);
    }
    const ids: string[] = [];
    this.blocks.set(el, { kind: block.kind, loose: block.loose === true, text: bt.text, ids });
    if (!bt.text.trim()) return;
    yield;
    let spans: SentenceSpan[] | undefined;
    if (block.kind === 'heading') {
      const start = bt.text.search(/\S/);
      spans = [{ start, end: bt.text.trimEnd().length }];
    } else {
      const key = `${this.lang ?? ''}\u0000${bt.text}`;
      spans = this.spansByText.get(key);
      if (!spans) {
        spans = this.deps.segmentSteps
          ? yield* this.deps.segmentSteps(bt.text, this.lang)
          : this.deps.segment(bt.text, this.lang);
        if (this.spansByText.size >= SPAN_CACHE) this.spansByText.clear();
        this.spansByText.set(key, spans);
        yield;
      }
    }
    if (block.loose) {
      // Only the long runs of loose text are prose; the short ones beside them are labels.
      spans = inLongRuns(spans, bt.text, bt.breaks);
    }
    const sentences = yield* toSentencesSteps(doc, bt, spans);
    if (this.pageUrl.from !== doc.URL) this.pageUrl = { from: doc.URL, clean: cleanHref(doc.URL) };
    const pageUrl = this.pageUrl.clean;
    phase('marks');
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
      ids.push(id);
      this.marks?.add(id, s);
      this.marksChanged = true;
      this.infos.set(id, { id, text: s.text, sentence: s, answer: null, askable });
      const answer = askable ? carry.get(s.text) : undefined;
      if (answer) {
        // The same sentence in new nodes (a framework re-rendered it): keep its answer.
        this.setAnswer(id, { ...answer, id });
      } else if (askable) {
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
  }

  /**
   * Queue requests for sources, nearest the viewport first. Every scan's batches share one
   * queue, a few in flight at a time. Resolves when the queue is empty.
   */
  private async ask(requests: SentenceRequest[], signal: AbortSignal): Promise<void> {
    // Test builds: the bench splits the time to the first source at these marks.
    mark('ask');
    const q = this.asking;
    let queue: SentenceRequest[];
    let page: FindSourcesRequest['page'];
    try {
      const elements = requests.map((r) => this.elementOf(r.id));
      const distances = await viewportDistances(
        elements.filter((el) => el !== null),
        this.deps.doc.defaultView as (Window & typeof globalThis) | null,
      );
      if (signal.aborted) return;
      queue = await runInSlices(this.nearestFirst(requests, elements, distances), {
        signal,
        stats: this.stats,
      });
      page = await runInSlices(this.pageSteps(requests), { signal, stats: this.stats });
    } catch (err) {
      if (signal.aborted) return;
      throw err;
    }
    if (signal.aborted) return;
    for (let i = 0; i < queue.length; i += BATCH)
      q.batches.push({ page, sentences: queue.slice(i, i + BATCH) });
    const done = new Promise<void>((resolve) => q.idle.push(resolve));
    for (let more = PARALLEL - q.workers; more > 0; more--) {
      q.workers++;
      void this.work(q, signal);
    }
    await done;
  }

  private async work(q: AskQueue, signal: AbortSignal): Promise<void> {
    try {
      for (let b = q.batches.shift(); b && !signal.aborted; b = q.batches.shift())
        await this.askBatch(b.page, b.sentences, signal);
    } finally {
      q.workers--;
      if (q.workers === 0) for (const resolve of q.idle.splice(0)) resolve();
    }
  }

  /**
   * The page context sent with every batch, built once per article found, in slices (it walks
   * every link of the article: thousands on an encyclopedia page).
   */
  private *pageSteps(
    requests: SentenceRequest[],
  ): Generator<void, FindSourcesRequest['page'], void> {
    if (this.pageCtx) return this.pageCtx;
    const article = this.article!;
    const hrefs = new Set<string>();
    for (const r of requests) {
      for (const l of r.links) hrefs.add(l.href);
      for (const f of r.footnotes) for (const l of f.links) hrefs.add(l.href);
    }
    this.pageCtx = yield* pageContextSteps(
      this.deps.doc,
      {
        root: article.root,
        ...(article.lang ? { lang: article.lang } : {}),
        ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
        ...(article.canonicalUrl ? { canonicalUrl: article.canonicalUrl } : {}),
      },
      hrefs,
    );
    return this.pageCtx;
  }

  /** The element around a sentence's start, whose box stands for the sentence's place. */
  private elementOf(id: string): Element | null {
    const node = this.infos.get(id)?.sentence.range.startContainer;
    if (!node) return null;
    return node.nodeType === 1 ? (node as Element) : node.parentElement;
  }

  /**
   * The requests nearest the viewport first, by the distances an IntersectionObserver read (see
   * utils/page/viewport.ts: no layout forced here); without them, in document order. `elements`
   * are the requests' elements, index for index. Sorting the numbers is cheap: 20,000 take a few
   * milliseconds.
   */
  private *nearestFirst(
    requests: SentenceRequest[],
    elements: (Element | null)[],
    distances: Distances | null,
  ): Generator<void, SentenceRequest[], void> {
    if (!distances) return requests;
    phase('nearest');
    const far = new Map<string, number>();
    for (let i = 0; i < requests.length; i++) {
      if ((i + 1) % NODES_PER_STEP === 0) yield;
      const el = elements[i];
      far.set(requests[i]!.id, (el && distances.get(el)) ?? Infinity);
    }
    return [...requests].sort((a, b) => far.get(a.id)! - far.get(b.id)!);
  }

  private async askBatch(
    page: FindSourcesRequest['page'],
    sentences: SentenceRequest[],
    signal: AbortSignal,
  ): Promise<void> {
    let lastError = '';
    for (let attempt = 0; attempt <= RETRIES && !signal.aborted; attempt++) {
      try {
        mark('asked');
        const { results } = await this.deps.send({ page, sentences });
        if (signal.aborted) return;
        mark('answered');
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
      longestStepMs: Math.round(this.stats.longestStepMs * 10) / 10,
      longestStepPhase: this.stats.longestStepPhase,
      longestAfterMs: Math.round(this.stats.longestAfterMs * 10) / 10,
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
