/**
 * Marks sentences with the CSS Custom Highlight API: ranges registered under a few highlight
 * names, styled by one page-level stylesheet that is adopted, never inserted into the DOM. The
 * page's DOM is never changed, so unmarking gives the page back exactly as it was.
 *
 * Only the highlights that paint something are registered with the page (sourced, numbers
 * differ, unsourced when the reader asks, the active one). Every registered range costs the
 * page on every frame after any change to its DOM or to a highlight: Chromium rebuilds its
 * highlight markers from all registered ranges. Measured in Chromium 156 on a page of 20,000
 * paragraphs with one unstyled highlight of 20,000 ranges: 87-207 ms of pre-paint per frame
 * (a long task each time the page appended a paragraph), against 6-7 ms without it. So the
 * set of all marked sentences is kept here, unregistered; test builds can show it to a test
 * for a moment (`expose`).
 */
import type { BlockSentence } from './block-text';
import { claimSheet, releaseSheet } from './highlight-sheet';

export const HIGHLIGHTS = {
  all: 'sourcelight-sentence',
  sourced: 'sourcelight-sourced',
  differ: 'sourcelight-numbers-differ',
  active: 'sourcelight-active',
  unsourced: 'sourcelight-unsourced',
} as const;

/** `unsourced`: checked, no source found; `none`: not checked or the check failed. */
export type MarkState = 'pending' | 'sourced' | 'numbers-differ' | 'unsourced' | 'none';

interface Entry {
  id: string;
  sentence: BlockSentence;
  state: MarkState;
  order: number;
}

function highlightApi(
  doc: Document,
): { Ctor: typeof Highlight; registry: HighlightRegistry } | null {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const registry = win?.CSS?.highlights;
  const Ctor = typeof Highlight === 'function' ? Highlight : win?.Highlight;
  return registry && Ctor ? { Ctor, registry } : null;
}

export class SentenceMarks {
  private readonly entries = new Map<string, Entry>();
  private readonly byNode = new Map<Text, Entry[]>();
  private readonly api: ReturnType<typeof highlightApi>;
  private readonly sets: Partial<Record<keyof typeof HIGHLIGHTS, Highlight>> = {};
  private sheet: CSSStyleSheet | null = null;
  private styleEl: HTMLStyleElement | null = null;
  private counter = 0;
  /** Whether checked sentences without a source are underlined too (a reader's option). */
  private showUnsourced = false;

  constructor(
    private readonly doc: Document,
    css: string,
  ) {
    this.api = highlightApi(doc);
    if (this.api) {
      for (const key of Object.keys(HIGHLIGHTS) as Array<keyof typeof HIGHLIGHTS>) {
        const hl = new this.api.Ctor();
        if (key === 'active') hl.priority = 2;
        if (key === 'differ') hl.priority = 1;
        this.sets[key] = hl;
        if (key !== 'all') this.api.registry.set(HIGHLIGHTS[key], hl);
      }
    }
    this.installStyles(css);
  }

  /** Whether the browser can show the marks (hover still works without). */
  get visible(): boolean {
    return this.api !== null;
  }

  private installStyles(css: string) {
    try {
      // Usually adopted at document_start already (see highlight-sheet.ts): adopting it into a
      // page that is already built restyles every element.
      this.sheet = claimSheet(this.doc, css);
    } catch {
      // Firefox content scripts cannot always adopt a sheet across the Xray boundary: fall back
      // to a <style> element, removed again by clear().
      const el = this.doc.createElement('style');
      el.textContent = css;
      (this.doc.head ?? this.doc.documentElement).append(el);
      this.styleEl = el;
    }
  }

  add(id: string, sentence: BlockSentence): void {
    const entry: Entry = { id, sentence, state: 'pending', order: this.counter++ };
    this.entries.set(id, entry);
    this.sets.all?.add(sentence.range);
    for (const p of sentence.pieces) {
      const list = this.byNode.get(p.node);
      if (list) list.push(entry);
      else this.byNode.set(p.node, [entry]);
    }
  }

  /**
   * TEST BUILDS ONLY: register (or take back) the set of all marked sentences under
   * `sourcelight-sentence`, so a test can read it from the page in the same task.
   */
  expose(on: boolean): void {
    const all = this.sets.all;
    if (!all || !this.api) return;
    if (on) this.api.registry.set(HIGHLIGHTS.all, all);
    else this.api.registry.delete(HIGHLIGHTS.all);
  }

  /**
   * TEST BUILDS ONLY: each marked sentence's text as the extension reads it (hidden and skipped
   * inline content left out, unlike `Range.toString()`), in document order.
   */
  texts(): string[] {
    return [...this.entries.values()]
      .map((e) => e.sentence)
      .sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range))
      .map((s) => s.text);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  get(id: string): BlockSentence | undefined {
    return this.entries.get(id)?.sentence;
  }

  state(id: string): MarkState | undefined {
    return this.entries.get(id)?.state;
  }

  /** Sentence ids in the order they were marked (document order). */
  ids(): string[] {
    return [...this.entries.values()].sort((a, b) => a.order - b.order).map((e) => e.id);
  }

  get size(): number {
    return this.entries.size;
  }

  setState(id: string, state: MarkState): void {
    const e = this.entries.get(id);
    if (!e) return;
    e.state = state;
    const r = e.sentence.range;
    this.sets.sourced?.delete(r);
    this.sets.differ?.delete(r);
    this.sets.unsourced?.delete(r);
    if (state === 'sourced') this.sets.sourced?.add(r);
    if (state === 'numbers-differ') this.sets.differ?.add(r);
    if (state === 'unsourced' && this.showUnsourced) this.sets.unsourced?.add(r);
  }

  /** Underline (or stop underlining) the sentences checked and found without a source. */
  setShowUnsourced(show: boolean): void {
    if (show === this.showUnsourced) return;
    this.showUnsourced = show;
    const set = this.sets.unsourced;
    if (!set) return;
    set.clear();
    if (show)
      for (const e of this.entries.values()) if (e.state === 'unsourced') set.add(e.sentence.range);
  }

  setActive(id: string | null): void {
    this.sets.active?.clear();
    const e = id ? this.entries.get(id) : undefined;
    if (e) this.sets.active?.add(e.sentence.range);
  }

  /** Drop one sentence (its text changed under us). */
  remove(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    this.entries.delete(id);
    for (const set of Object.values(this.sets)) set?.delete(e.sentence.range);
    for (const p of e.sentence.pieces) {
      const list = this.byNode.get(p.node)?.filter((x) => x !== e);
      if (list?.length) this.byNode.set(p.node, list);
      else this.byNode.delete(p.node);
    }
  }

  /** The id of the marked sentence under the viewport point (x, y), if any. */
  at(x: number, y: number): string | null {
    const pos = caretAt(this.doc, x, y);
    if (!pos) return null;
    const list = this.byNode.get(pos.node as Text);
    if (!list) return null;
    for (const e of list) {
      const piece = e.sentence.pieces.find((p) => p.node === pos.node);
      if (!piece || pos.offset < piece.start || pos.offset > piece.end) continue;
      for (const rect of e.sentence.range.getClientRects()) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1)
          return e.id;
      }
    }
    return null;
  }

  /** Remove every mark and the stylesheet: the page is as it was. */
  clear(): void {
    if (this.api) for (const name of Object.values(HIGHLIGHTS)) this.api.registry.delete(name);
    for (const set of Object.values(this.sets)) set?.clear();
    if (this.sheet) {
      releaseSheet(this.doc, this.sheet);
      this.sheet = null;
    }
    this.styleEl?.remove();
    this.styleEl = null;
    this.entries.clear();
    this.byNode.clear();
  }
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}
