/**
 * Pointer and keyboard behaviour of the card: hover intent before a tooltip opens, a grace period
 * to move into it, click (or a tap on touch screens) to pin, Escape / click outside / close button to dismiss, and moving
 * through sourced sentences from the keyboard. All listeners die with the AbortSignal.
 */
import { formatSentenceWithSources } from '../../components/copy-text';
import { t, tPlural } from '../../components/i18n';
import { mark, measure, PERF_MARKS } from '../perf/marks';
import { applyWrongSources } from '../feedback/demote';
import type { RevealKind } from '../messaging/types';
import type { PageController, SentenceInfo } from './controller';
import { isPersonInput } from './guards';
import type { Overlay, ShowOptions } from './overlay';

const GRACE_MS = 300;

export interface HoverOptions {
  hoverDelayMs: () => number;
  /** Store the reader's "wrong source" verdict; resolves to the sentence's wrong URLs. */
  markSource?: (sentence: string, url: string, wrong: boolean) => Promise<string[]>;
}

export class HoverController {
  private openId: string | null = null;
  private pinned = false;
  private candidate: string | null = null;
  private intentTimer: ReturnType<typeof setTimeout> | null = null;
  private closeTimer: ReturnType<typeof setTimeout> | null = null;
  private frame = 0;
  private lastPoint = { x: 0, y: 0 };
  /** Set when the card was opened from the keyboard: Enter pins it. */
  private keyboardId: string | null = null;
  private returnFocus: HTMLElement | null = null;
  private lastMove = 0;
  /** Where and when a finger went down, to tell a tap from a scroll. */
  private touchStart: { x: number; y: number; at: number } | null = null;

  constructor(
    private readonly doc: Document,
    private readonly page: PageController,
    private readonly overlay: Overlay,
    private readonly opts: HoverOptions,
  ) {}

  attach(signal: AbortSignal): void {
    const d = this.doc;
    const o = { capture: true, signal } as const;
    // Only a person's input opens, pins or moves the card: events the page dispatches itself
    // (el.click(), synthetic keys) are not acted on.
    const person =
      <E extends Event>(fn: (e: E) => void) =>
      (e: E) => {
        if (isPersonInput(e)) fn(e);
      };
    d.addEventListener(
      'pointermove',
      person((e) => this.onMove(e)),
      { ...o, passive: true },
    );
    d.addEventListener(
      'pointerdown',
      person((e) => this.onDown(e)),
      o,
    );
    d.addEventListener(
      'pointerup',
      person((e) => this.onUp(e)),
      o,
    );
    d.addEventListener(
      'click',
      person((e) => this.onClick(e)),
      o,
    );
    d.addEventListener(
      'keydown',
      person((e) => this.onKey(e)),
      o,
    );
    signal.addEventListener('abort', () => this.close(false));
    // The page covered or faded the card: take it away rather than leave it to be clicked blind.
    const offObscured = this.overlay.onObscured(() => this.close(false));
    signal.addEventListener('abort', offObscured);
    // Re-render when answers change (e.g. a pinned card whose answer just arrived).
    const off = this.page.onChange(() => {
      if (this.openId) this.render();
    });
    signal.addEventListener('abort', off);
  }

  get openSentence(): string | null {
    return this.openId;
  }

  get isPinned(): boolean {
    return this.pinned;
  }

  private sourced(id: string | null): boolean {
    return !!id && this.page.info(id)?.answer?.status === 'sourced';
  }

  private onMove(e: PointerEvent): void {
    // A finger has no hover: a tap opens the card (a click), dragging only scrolls.
    if (e.pointerType === 'touch') return;
    this.lastPoint = { x: e.clientX, y: e.clientY };
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.track(e.target);
    });
  }

  private track(target: EventTarget | null): void {
    if (this.overlay.contains(target)) {
      this.clearClose();
      return;
    }
    const marks = this.page.sentenceMarks;
    const hit = marks ? marks.at(this.lastPoint.x, this.lastPoint.y) : null;
    const id = this.sourced(hit) ? hit : null;
    if (this.pinned) return;
    if (id && id === this.openId) {
      this.clearClose();
      this.candidate = id;
      return;
    }
    if (id !== this.candidate) {
      this.candidate = id;
      this.clearIntent();
      if (id) this.intentTimer = setTimeout(() => this.openFromHover(id), this.opts.hoverDelayMs());
    }
    if (!id && this.openId && !this.closeTimer)
      this.closeTimer = setTimeout(() => this.close(false), GRACE_MS);
  }

  private openFromHover(id: string): void {
    this.intentTimer = null;
    if (this.candidate !== id || this.pinned) return;
    this.keyboardId = null;
    const start = performance.now();
    mark('hover-intent');
    this.open(id, false);
    // Test builds: end of the intent delay → the frame that paints the card (the bench's figure).
    if (PERF_MARKS && this.openId === id) requestAnimationFrame(() => measure('hover-card', start));
  }

  private onDown(e: PointerEvent): void {
    this.touchStart =
      e.pointerType === 'touch' ? { x: e.clientX, y: e.clientY, at: performance.now() } : null;
    if (!this.openId || this.overlay.contains(e.target)) return;
    const marks = this.page.sentenceMarks;
    if (marks?.at(e.clientX, e.clientY) === this.openId) return;
    this.close(false);
  }

  /**
   * A tap (finger down and up in one place, quickly) pins the card of the sentence under it,
   * without waiting for the click a browser may or may not synthesise from the touch.
   */
  private onUp(e: PointerEvent): void {
    const start = this.touchStart;
    this.touchStart = null;
    if (e.pointerType !== 'touch' || !start) return;
    const still = Math.hypot(e.clientX - start.x, e.clientY - start.y) < 10;
    if (still && performance.now() - start.at < 600) this.onClick(e);
  }

  private onClick(e: MouseEvent): void {
    if (this.overlay.contains(e.target) || e.button !== 0) return;
    // Links keep working; a selection being made is not a click on the sentence.
    if (e.target instanceof Element && e.target.closest('a[href], button, input, textarea, select'))
      return;
    if (!this.doc.getSelection()?.isCollapsed) return;
    const id = this.page.sentenceMarks?.at(e.clientX, e.clientY) ?? null;
    if (!this.sourced(id)) return;
    // The click that follows a tap finds the card already pinned. A pinned card the page has
    // removed or hidden since (noticed by the next obscured check, up to 250 ms later) is not
    // shown: the click opens it afresh rather than being swallowed.
    if (this.openId === id && this.pinned) {
      if (!this.overlay.obscured()) return;
      this.close(false);
    }
    this.open(id!, true);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.openId) {
      this.close(true);
      return;
    }
    const editing =
      e.target instanceof Element &&
      !!e.target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
    if (editing || this.overlay.contains(e.target)) return;
    if (e.key === 'Enter' && this.keyboardId && this.openId === this.keyboardId && !this.pinned) {
      e.preventDefault();
      this.open(this.keyboardId, true, true);
      return;
    }
    // The browser's commands API delivers the shortcut (rebindable); this catches it when the
    // browser passes the keys through to the page instead.
    if (
      e.altKey &&
      e.shiftKey &&
      !e.ctrlKey &&
      !e.metaKey &&
      (e.code === 'KeyJ' || e.code === 'KeyK')
    ) {
      e.preventDefault();
      this.move(e.code === 'KeyJ' ? 'next' : 'previous');
    }
  }

  /** Move to the next or previous sourced sentence and show its card. */
  move(direction: 'next' | 'previous'): boolean {
    // The same keypress may arrive twice (page keydown and the commands API): count it once.
    const now = performance.now();
    if (now - this.lastMove < 60) return true;
    this.lastMove = now;
    const ids = this.page.sourcedIds();
    if (!ids.length) {
      this.overlay.announce(t('noneTitle'));
      return false;
    }
    const at = this.openId ? ids.indexOf(this.openId) : -1;
    let next: number;
    if (at < 0) next = direction === 'next' ? 0 : ids.length - 1;
    else next = (at + (direction === 'next' ? 1 : -1) + ids.length) % ids.length;
    const id = ids[next]!;
    const info = this.page.info(id);
    if (!info) return false;
    if (!this.returnFocus && this.doc.activeElement instanceof HTMLElement)
      this.returnFocus = this.doc.activeElement;
    scrollRangeIntoView(info.sentence.range);
    this.keyboardId = id;
    this.pinned = false;
    this.open(id, false);
    const n = info.answer?.sources.length ?? 0;
    this.overlay.announce(
      `${next + 1} / ${ids.length}: ${tPlural('sourceCount', n)}. ${info.text}`,
    );
    return true;
  }

  /**
   * Scroll to the next sentence of a kind after the open one (wrapping) and pin its card with
   * focus in it, for the popup's "next unsourced sentence" buttons.
   */
  reveal(kind: RevealKind): boolean {
    const ids = this.page.idsOf(kind);
    if (!ids.length) return false;
    const all = this.page.sentenceMarks?.ids() ?? [];
    const from = this.openId ? all.indexOf(this.openId) : -1;
    const id = ids.find((x) => all.indexOf(x) > from) ?? ids[0]!;
    const info = this.page.info(id);
    if (!info) return false;
    scrollRangeIntoView(info.sentence.range);
    this.keyboardId = id;
    this.open(id, true, true);
    return true;
  }

  private open(id: string, pinned: boolean, focus = false): void {
    this.clearIntent();
    this.clearClose();
    this.openId = id;
    this.pinned = pinned;
    this.page.sentenceMarks?.setActive(id);
    this.render();
    if (focus || (pinned && this.keyboardId === id)) this.overlay.focusCard();
  }

  private render(): void {
    const id = this.openId;
    const info = id ? this.page.info(id) : undefined;
    if (!id || !info) {
      this.close(false);
      return;
    }
    this.overlay.show({ anchor: info.sentence.range, ...this.cardProps(id, info) });
  }

  /**
   * Render the first sourced sentence's card once, off the page, and load its fonts
   * (Overlay.warmSteps), so that the reader's first hover finds the card's code compiled and its
   * fonts loaded. The content script runs the steps in idle time once a sentence is sourced.
   */
  *warmSteps(): Generator<void, void, void> {
    const id = this.page.sourcedIds()[0];
    const info = id ? this.page.info(id) : undefined;
    if (id && info?.answer) yield* this.overlay.warmSteps(this.cardProps(id, info));
  }

  /** The card's props for sentence `id`, as shown now (tooltip or pinned). */
  private cardProps(id: string, info: SentenceInfo): Omit<ShowOptions, 'anchor'> {
    return {
      sentence: info.text,
      answer: info.answer ?? { status: 'loading' },
      mode: this.pinned ? 'pinned' : 'tooltip',
      onPin: () => this.open(id, true, true),
      onClose: () => this.close(true),
      // Only a real click of the reader's may copy or record a verdict, never a page's script.
      onCopy: async (format, event) => {
        if (!event.isTrusted || info.answer?.status !== 'sourced') return false;
        return this.overlay.copy(formatSentenceWithSources(info.text, info.answer.sources, format));
      },
      ...(this.opts.markSource
        ? {
            onMarkWrong: (url: string, wrong: boolean, event: Event) => {
              if (event.isTrusted) void this.markWrong(id, url, wrong);
            },
          }
        : {}),
    };
  }

  private async markWrong(id: string, url: string, wrong: boolean): Promise<void> {
    const info = this.page.info(id);
    if (!info?.answer || !this.opts.markSource) return;
    try {
      const urls = await this.opts.markSource(info.text, url, wrong);
      const now = this.page.info(id)?.answer;
      if (now) this.page.updateAnswer(id, applyWrongSources(now, new Set(urls)));
      this.overlay.announce(t(wrong ? 'flaggedNote' : 'unflaggedNote'));
    } catch {
      this.overlay.announce(t('flagFailed'));
    }
  }

  /** Close the card; `restoreFocus` returns focus to where it was before the card took it. */
  close(restoreFocus: boolean): void {
    this.clearIntent();
    this.clearClose();
    const wasOpen = this.openId !== null;
    this.openId = null;
    this.pinned = false;
    this.candidate = null;
    this.page.sentenceMarks?.setActive(null);
    if (wasOpen) this.overlay.hide();
    if (restoreFocus && this.returnFocus?.isConnected)
      this.returnFocus.focus({ preventScroll: true });
    if (restoreFocus) this.returnFocus = null;
    this.keyboardId = null;
  }

  private clearIntent() {
    if (this.intentTimer) clearTimeout(this.intentTimer);
    this.intentTimer = null;
  }

  private clearClose() {
    if (this.closeTimer) clearTimeout(this.closeTimer);
    this.closeTimer = null;
  }
}

/** Scroll so the range sits in the upper third of the viewport. */
function scrollRangeIntoView(range: Range): void {
  const rect = range.getBoundingClientRect();
  const win = range.startContainer.ownerDocument?.defaultView;
  if (!win) return;
  if (rect.top >= 60 && rect.bottom <= win.innerHeight - 160) return;
  win.scrollBy({ top: rect.top - win.innerHeight / 3, behavior: 'instant' });
}
