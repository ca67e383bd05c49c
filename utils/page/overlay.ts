/**
 * The one element Sourcelight adds to a page: a host at the end of <html> with a closed shadow
 * root holding the card, its inlined styles and a polite live region. Created on first use,
 * removed by destroy(). The card itself is painted and placed by the painter, loaded on first
 * need (see card-painter-types.ts); until it is there a card asked for waits, and the newest
 * one asked for is painted once it arrives.
 */
import type { SourceCardProps } from '../../components/SourceCard';
import { t, uiLocale } from '../../components/i18n';
import type { CardPainter } from './card-painter-types';
import { isPersonInput } from './guards';

/** How often a shown card checks that the page has not covered or faded it. */
const WATCH_MS = 250;
/** Below this opacity (host and ancestors multiplied) the card counts as faded. */
const MIN_OPACITY = 0.9;
/** Events inside the card that only a person may cause. */
const PERSON_ONLY = [
  'click',
  'auxclick',
  'dblclick',
  'keydown',
  'keyup',
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
];

// The same declarations, with `all: initial !important`, are in CARD_CSS's :host rule; these
// hold the host in place before its shadow stylesheet applies.
const HOST_STYLE = [
  'position: fixed',
  'top: 0',
  'left: 0',
  'width: 0',
  'height: 0',
  'overflow: visible',
  'display: block',
  'z-index: 2147483647',
  'pointer-events: none',
  'contain: none',
]
  .map((d) => `${d} !important`)
  .join('; ');

// The note shown when the card cannot be loaded: no stylesheet is there yet, so it is styled inline.
const UNAVAILABLE_STYLE = [
  'box-sizing: border-box',
  'max-width: 400px',
  'padding: 10px 12px',
  'border: 1px solid #8a8a8a',
  'border-radius: 8px',
  'background: #fff',
  'color: #1a1a1a',
  'font: 14px/1.4 system-ui, sans-serif',
  'box-shadow: 0 2px 8px rgb(0 0 0 / 0.2)',
].join('; ');

export interface ShowOptions extends Omit<SourceCardProps, 'labelId'> {
  anchor: Range;
}

/** The page's own theme, from the luminance of its background; undefined when transparent. */
function pageTheme(doc: Document): 'dark' | 'light' | undefined {
  const win = doc.defaultView;
  if (!win) return undefined;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const bg = win.getComputedStyle(el).backgroundColor;
    const m = bg.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/);
    if (!m || (m[4] !== undefined && Number(m[4]) === 0)) continue;
    const [r, g, b] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110 ? 'dark' : 'light';
  }
  return undefined;
}

export class Overlay {
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private style: HTMLStyleElement | null = null;
  private float: HTMLDivElement | null = null;
  private live: HTMLDivElement | null = null;
  private stopAutoUpdate: (() => void) | null = null;
  private shown = false;
  /** Whether the shown card has been painted (false while the painter loads). */
  private painted = false;
  /** The card asked for while the painter loads: painted when it arrives, unless replaced. */
  private waiting: ShowOptions | null = null;
  private focusWhenPainted = false;
  private painter: CardPainter | null = null;
  private loading: Promise<CardPainter | null> | null = null;
  private watchTimer: ReturnType<typeof setInterval> | null = null;
  private readonly obscuredListeners = new Set<() => void>();

  /**
   * `loadPainter` fetches the card's painter (the background injects it; tests pass it in). It
   * is called once, and again after a failure, at the next card asked for.
   */
  constructor(
    private readonly doc: Document,
    private readonly loadPainter: () => Promise<CardPainter>,
  ) {}

  get isShown(): boolean {
    return this.shown;
  }

  /** Whether an event target (retargeted to the host by the shadow boundary) is the overlay. */
  contains(target: EventTarget | null): boolean {
    return (
      !!this.host &&
      (target === this.host || (target instanceof Node && this.host.contains(target)))
    );
  }

  /**
   * Load the painter ahead of the first card (the reader's pointer is on its way to a sentence,
   * or the page has gone idle). Resolves true once it is there, false if it could not be had.
   */
  preload(): Promise<boolean> {
    if (this.painter) return Promise.resolve(true);
    this.loading ??= this.loadPainter().then(
      (p) => {
        this.painter = p;
        return p;
      },
      (err: unknown) => {
        console.warn('[sourcelight] the card could not be loaded', err);
        this.loading = null;
        return null;
      },
    );
    return this.loading.then((p) => p !== null);
  }

  /** The card's root element, for focus management. */
  focusCard(): void {
    if (this.shown && !this.painted) {
      this.focusWhenPainted = true;
      return;
    }
    const el =
      this.float?.querySelector<HTMLElement>('[role="dialog"]') ??
      this.float?.querySelector<HTMLElement>('button, a[href]');
    el?.focus({ preventScroll: true });
  }

  private ensure(): { float: HTMLDivElement; live: HTMLDivElement } {
    if (this.host && this.float && this.live && this.host.isConnected)
      return { float: this.float, live: this.live };
    const host = this.doc.createElement('sourcelight-ui');
    host.setAttribute('style', HOST_STYLE);
    // Closed, so the page cannot read or drive the card; test builds open it for the e2e tests.
    const shadow = host.attachShadow({
      mode: import.meta.env.SOURCELIGHT_TEST_PORTS ? 'open' : 'closed',
    });
    const style = this.doc.createElement('style');
    style.textContent = this.painter?.css ?? '';
    const float = this.doc.createElement('div');
    float.className = 'sl-float';
    // The card speaks the UI's language, not the page's (screen readers pick the voice by it).
    float.setAttribute('lang', uiLocale());
    float.setAttribute(
      'style',
      'position: fixed; top: 0; left: 0; pointer-events: auto; display: none; max-width: min(400px, calc(100vw - 16px));',
    );
    const live = this.doc.createElement('div');
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('role', 'status');
    live.setAttribute(
      'style',
      'position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;',
    );
    // A page that reaches into the card (el.click() on its link or buttons, synthetic keys)
    // gets nothing: only trusted events pass into it.
    for (const type of PERSON_ONLY)
      float.addEventListener(
        type,
        (e) => {
          if (isPersonInput(e)) return;
          e.preventDefault();
          e.stopImmediatePropagation();
        },
        { capture: true },
      );
    shadow.append(style, float, live);
    this.doc.documentElement.append(host);
    Object.assign(this, { host, shadow, style, float, live });
    return { float, live };
  }

  /**
   * Show the card for a sentence, anchored to its range: at once when the painter is loaded,
   * else as soon as it is (a later show or hide meanwhile replaces or cancels this one).
   */
  show(opts: ShowOptions): void {
    this.ensure();
    this.shown = true;
    if (this.painter) {
      this.paint(this.painter, opts);
      return;
    }
    this.painted = false;
    this.waiting = opts;
    void this.preload().then((ok) => {
      if (this.waiting !== opts || !this.shown) return;
      this.waiting = null;
      if (ok && this.painter) this.paint(this.painter, opts);
      else this.unavailable(opts.anchor);
    });
  }

  private paint(painter: CardPainter, opts: ShowOptions): void {
    const { float } = this.ensure();
    if (this.style && !this.style.textContent) this.style.textContent = painter.css;
    const { anchor, ...props } = opts;
    float.style.display = 'block';
    const theme = pageTheme(this.doc);
    painter.render(float, {
      ...props,
      ...(theme ? { theme } : {}),
      labelId: 'sourcelight-card-title',
    });
    this.painted = true;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = painter.place(anchor, float, () => {
      if (!this.shown) return;
      this.watchTimer ??= setInterval(() => this.checkObscured(), WATCH_MS);
      this.checkObscured();
    });
    if (this.focusWhenPainted) {
      this.focusWhenPainted = false;
      this.focusCard();
    }
  }

  /**
   * The painter could not be had (the extension was updated or removed under the page): a plain
   * note under the sentence says so, in place of the card, until the reader moves on.
   */
  private unavailable(anchor: Range): void {
    const { float } = this.ensure();
    const note = this.doc.createElement('div');
    note.setAttribute('role', 'status');
    note.setAttribute('style', UNAVAILABLE_STYLE);
    note.textContent = t('cardUnavailable');
    float.replaceChildren(note);
    const r = anchor.getBoundingClientRect();
    const win = this.doc.defaultView;
    const maxLeft = Math.max(8, (win?.innerWidth ?? 800) - 408);
    float.style.left = `${Math.round(Math.min(Math.max(8, r.left), maxLeft))}px`;
    float.style.top = `${Math.round(r.bottom + 8)}px`;
    float.style.display = 'block';
    this.announce(note.textContent);
  }

  /** Called when the page covers or fades the shown card; returns the unsubscribe. */
  onObscured(cb: () => void): () => void {
    this.obscuredListeners.add(cb);
    return () => this.obscuredListeners.delete(cb);
  }

  private checkObscured(): void {
    if (!this.shown || !this.obscured()) return;
    for (const cb of [...this.obscuredListeners]) cb();
  }

  /**
   * Whether the page has hidden the shown card from the reader while leaving it clickable:
   * removed or hid its host, faded it (opacity on the host or an ancestor), or put something
   * over it — an element that takes the pointer there, or a later sibling of the host or a
   * top-layer element (modal dialog, popover, fullscreen) drawn across it.
   */
  obscured(): boolean {
    const { host, float } = this;
    const win = this.doc.defaultView;
    // A card still waiting for its painter has nothing on screen to hide.
    if (!host || !float || !win || !this.painted) return false;
    if (!host.isConnected) return true;
    const style = win.getComputedStyle(float);
    if (style.visibility !== 'visible' || style.display === 'none') return true;
    if (float.checkVisibility && !float.checkVisibility({ opacityProperty: true })) return true;
    let opacity = 1;
    for (let el: Element | null = float; el;) {
      opacity *= Number(win.getComputedStyle(el).opacity) || 0;
      const parent: Node | null = el.parentNode;
      el = parent instanceof ShadowRoot ? parent.host : parent instanceof Element ? parent : null;
    }
    if (opacity < MIN_OPACITY) return true;
    const card = float.getBoundingClientRect();
    if (card.width < 2 || card.height < 2) return true;
    // Points well inside the card (clear of its rounded corners), within the viewport.
    const inset = Math.min(12, card.width / 4, card.height / 4);
    const points = [
      [card.left + card.width / 2, card.top + card.height / 2],
      [card.left + inset, card.top + inset],
      [card.right - inset, card.top + inset],
      [card.left + inset, card.bottom - inset],
      [card.right - inset, card.bottom - inset],
    ].filter(([x, y]) => x! >= 0 && y! >= 0 && x! < win.innerWidth && y! < win.innerHeight);
    for (const [x, y] of points) {
      const top = this.doc.elementsFromPoint(x!, y!)[0];
      if (top && top !== host) return true;
    }
    // Elements that may paint over the host without taking the pointer (pointer-events: none).
    const above: Element[] = [];
    for (let el = host.nextElementSibling; el; el = el.nextElementSibling) above.push(el);
    for (const sel of [':modal', ':popover-open', ':fullscreen']) {
      try {
        above.push(...this.doc.querySelectorAll(sel));
      } catch {
        // Selector not supported by this browser.
      }
    }
    for (const el of above) {
      if (el === host) continue;
      const r = el.getBoundingClientRect();
      const overlaps =
        r.width > 0 &&
        r.height > 0 &&
        r.left < card.right &&
        r.right > card.left &&
        r.top < card.bottom &&
        r.bottom > card.top;
      if (
        overlaps &&
        el.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) !== false
      )
        return true;
    }
    return false;
  }

  hide(): void {
    if (this.watchTimer) clearInterval(this.watchTimer);
    this.watchTimer = null;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    this.waiting = null;
    this.focusWhenPainted = false;
    if (this.float) {
      if (this.painter) this.painter.render(this.float, null);
      else this.float.replaceChildren();
      this.float.style.display = 'none';
    }
    this.shown = false;
    this.painted = false;
  }

  /**
   * Put text on the clipboard. Only from a trusted click (the browser grants the clipboard to a
   * user gesture); falls back to a hidden textarea in the shadow root and `execCommand('copy')`
   * where the async clipboard is missing (pages that are not a secure context).
   */
  async copy(text: string): Promise<boolean> {
    const clipboard = this.doc.defaultView?.navigator.clipboard;
    if (clipboard?.writeText) {
      try {
        await clipboard.writeText(text);
        return true;
      } catch {
        // fall through to the textarea
      }
    }
    if (!this.shadow) return false;
    const area = this.doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.setAttribute('aria-hidden', 'true');
    area.setAttribute('style', 'position: fixed; top: 0; left: -9999px; opacity: 0;');
    const previous = this.shadow.activeElement as HTMLElement | null;
    this.shadow.append(area);
    area.select();
    let ok: boolean;
    try {
      ok = this.doc.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    previous?.focus({ preventScroll: true });
    return ok;
  }

  /** Say something to screen readers, politely. */
  announce(text: string): void {
    const { live } = this.ensure();
    live.textContent = '';
    setTimeout(() => (live.textContent = text), 30);
  }

  /** Remove the host: the page's DOM is as it was. */
  destroy(): void {
    this.hide();
    this.host?.remove();
    this.host = this.shadow = this.style = this.float = this.live = null;
  }
}
