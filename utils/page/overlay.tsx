/**
 * The one element Sourcelight adds to a page: a host at the end of <html> with a closed shadow
 * root holding the card, its inlined styles and a polite live region. Created on first use,
 * removed by destroy(); placed next to the sentence's Range by place.ts, and kept there while the
 * page scrolls, resizes or moves the sentence.
 */
import { render } from 'preact';
import { SourceCard, type SourceCardProps } from '../../components/SourceCard';
import { t, uiLocale } from '../../components/i18n';
import { CARD_CSS, FONT_STACK } from '../../components/styles';
import { isPersonInput } from './guards';
import { GAP, lineBoxes, placeBox, type Box } from './place';

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
  private float: HTMLDivElement | null = null;
  private live: HTMLDivElement | null = null;
  /** The shown card's placing: `update` places it again (the watch's tick), `stop` ends it. */
  private following: { update(): void; stop(): void } | null = null;
  private shown = false;
  private watchTimer: ReturnType<typeof setInterval> | null = null;
  private readonly obscuredListeners = new Set<() => void>();

  constructor(private readonly doc: Document) {}

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

  /** The card's root element, for focus management. */
  focusCard(): void {
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
    style.textContent = CARD_CSS;
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
    Object.assign(this, { host, shadow, float, live });
    return { float, live };
  }

  /** Show the card for a sentence, anchored to its range. */
  show(opts: ShowOptions): void {
    const { float } = this.ensure();
    const { anchor, ...props } = opts;
    float.style.display = 'block';
    const theme = pageTheme(this.doc);
    render(
      <SourceCard {...props} {...(theme ? { theme } : {})} labelId="sourcelight-card-title" />,
      float,
    );
    this.shown = true;
    this.following?.stop();
    this.following = this.follow(anchor, float);
    this.watchTimer ??= setInterval(() => {
      this.following?.update();
      this.checkObscured();
    }, WATCH_MS);
    this.checkObscured();
  }

  /**
   * Place the card by its sentence (place.ts) now, and again whenever either may have moved:
   * - a scroll anywhere in the page (one capturing listener hears every scrolling element);
   * - a resize of the window or of the visual viewport (pinch zoom, a phone's keyboard);
   * - a change in the size of the card (its content) or of the sentence's element (a reflow);
   * - the watch's tick (WATCH_MS), for a layout shift that no event tells of.
   * A placement writes only what changed, and measures the card free of its limit only when the
   * room grew.
   */
  private follow(anchor: Range, float: HTMLElement): { update(): void; stop(): void } | null {
    const win = this.doc.defaultView;
    const host = this.host;
    if (!win || !host) return null;
    // The --sl-max-height in force; 0 while only the stylesheet's 60vh holds the card. The
    // property is always set here: a custom property inherits into a shadow root, so one the
    // page sets on its root would otherwise reach the card (a hostile page tries 3px).
    let limit = 0;
    const free = () => float.style.setProperty('--sl-max-height', '60vh');
    free();
    // The card's size as the last placement left it, to tell its own changes from ours.
    let seen = '';
    const sizeKey = () => {
      const r = float.getBoundingClientRect();
      return `${Math.round(r.width)}x${Math.round(r.height)}`;
    };
    const update = () => {
      if (!this.shown) return;
      const lines = lineBoxes(anchor.getClientRects());
      // The sentence is gone or hidden: the card stays where it is (the controller decides).
      if (!lines.length) return;
      const vv = win.visualViewport;
      const view: Box = vv
        ? {
            left: vv.offsetLeft,
            top: vv.offsetTop,
            right: vv.offsetLeft + vv.width,
            bottom: vv.offsetTop + vv.height,
          }
        : { left: 0, top: 0, right: win.innerWidth, bottom: win.innerHeight };
      const card = float.firstElementChild ?? float;
      let size = card.getBoundingClientRect();
      let p = placeBox(lines, size, view);
      // Held to its room by an earlier placement, and given more room now: measured free again,
      // and placed by its own height.
      if (limit && size.height >= limit - 1 && p.maxHeight > limit) {
        free();
        limit = 0;
        size = card.getBoundingClientRect();
        p = placeBox(lines, size, view);
      }
      if (p.maxHeight < size.height && p.maxHeight !== limit) {
        float.style.setProperty('--sl-max-height', `${p.maxHeight}px`);
        limit = p.maxHeight;
      }
      // Over the sentence, the card's bottom edge is what stays put: its real height sets its top.
      const y =
        p.side === 'above' ? lines[0]!.top - GAP - card.getBoundingClientRect().height : p.y;
      // The host sits at the corner of its containing block: the viewport, unless the page made
      // the root one (a transform, a filter). Measured, not assumed.
      const origin = host.getBoundingClientRect();
      const left = `${Math.round(p.x - origin.left)}px`;
      const top = `${Math.round(y - origin.top)}px`;
      if (float.style.left !== left) float.style.left = left;
      if (float.style.top !== top) float.style.top = top;
      seen = sizeKey();
    };
    // Ends the listeners below, and tells the observer's late callbacks that placing stopped.
    const stopping = new AbortController();
    const { signal } = stopping;
    // Placing may resize the card (its room changed): unobserved meanwhile, so that the observer
    // does not see its own callback's change in the same frame (a "loop" error in the page).
    const resized = new ResizeObserver((entries) => {
      if (signal.aborted) return;
      if (entries.every((e) => e.target === float) && sizeKey() === seen) return;
      resized.unobserve(float);
      update();
      requestAnimationFrame(() => signal.aborted || resized.observe(float));
    });
    const sentenceEl =
      anchor.commonAncestorContainer instanceof Element
        ? anchor.commonAncestorContainer
        : anchor.commonAncestorContainer.parentElement;
    if (sentenceEl) resized.observe(sentenceEl);
    const listen = { capture: true, passive: true, signal } as const;
    for (const target of [win, win.visualViewport])
      for (const type of ['scroll', 'resize']) target?.addEventListener(type, update, listen);
    update();
    resized.observe(float);
    return {
      update,
      stop: () => {
        stopping.abort();
        resized.disconnect();
      },
    };
  }

  /**
   * Head starts for the first card, as resumable steps for the idle-time scheduler
   * (utils/sentences/scheduler.ts), each short, none touching the page:
   * - the engine's formatters and the message catalogue, each loaded once per page;
   * - render a card once into an element that is never attached, and take it down again: the
   *   first real card then finds Preact and the card's code compiled (bench: the first hover
   *   took about 35 ms against 9 for the later ones);
   * - measure a line in each of the card's typefaces on a detached canvas, so the engine finds
   *   and loads those fonts now rather than in the first card's layout (bench: that layout took
   *   4 ms against 0.7 for the later ones; the first hover 12–16 ms, 9–10 ms with this step).
   * Done in one task, all this took 40 ms; in these steps no slice passed 15 ms (Chromium 156).
   */
  *warmSteps(props: Omit<ShowOptions, 'anchor'>): Generator<void, void, void> {
    if (this.shown) return;
    // What the card's first rendering would do at once, in separate steps: the engine's
    // relative-time formatter (its first use in a page loads number and plural data: 10 ms in
    // Chromium 156, first so the scheduler gives it a slice of its own), the first message
    // (settles the UI locale, loads the message catalogue: 2–3 ms), the date formatter, then the
    // card itself (5 ms).
    // The browser's language stands in for the UI's in the first step, so that settling the UI
    // locale (the message step's work) stays out of it; the two differ only where the extension
    // has no messages in the browser's language, and the third step covers that case.
    new Intl.RelativeTimeFormat(navigator.language, { numeric: 'auto' }).format(-3, 'hour');
    yield;
    t('close');
    yield;
    const locale = uiLocale();
    new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-3, 'hour');
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date());
    yield;
    const scratch = this.doc.createElement('div');
    render(<SourceCard {...props} labelId="sourcelight-card-warm" />, scratch);
    render(null, scratch);
    yield;
    const ctx = this.doc.createElement('canvas').getContext('2d');
    if (!ctx) return;
    for (const font of cardFonts()) {
      if (this.shown) return;
      ctx.font = font;
      ctx.measureText(FONT_SAMPLE);
      yield;
    }
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
    if (!host || !float || !win) return false;
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
    this.following?.stop();
    this.following = null;
    if (this.float) {
      render(null, this.float);
      this.float.style.display = 'none';
    }
    this.shown = false;
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
    this.host = this.shadow = this.float = this.live = null;
  }
}

/** Letters, figures and punctuation a card shows, for the font warm-up. */
const FONT_SAMPLE = 'Sourcelight 0123456789 “quote” — é ü ß';

let fonts: string[] | undefined;

/**
 * The card's typefaces: one `font` shorthand for each size and weight its stylesheet names, upright
 * and italic. Read from CARD_CSS itself, so the list follows the styles.
 */
export function cardFonts(): string[] {
  if (fonts) return fonts;
  const grab = (re: RegExp) => [...new Set([...CARD_CSS.matchAll(re)].map((m) => m[1]!))];
  const sizes = grab(/font-size:\s*(\d+)px/g);
  const weights = grab(/font-weight:\s*(\d+)/g);
  fonts = [];
  for (const size of sizes)
    for (const weight of weights)
      for (const style of ['normal', 'italic'])
        fonts.push(`${style} ${weight} ${size}px ${FONT_STACK}`);
  return fonts;
}
