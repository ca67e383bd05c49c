/**
 * The one element Sourcelight adds to a page: a host at the end of <html> with a closed shadow
 * root holding the card, its inlined styles and a polite live region. Created on first use,
 * removed by destroy(); positioned with Floating UI against the sentence's Range.
 */
import {
  autoUpdate,
  computePosition,
  flip,
  inline,
  offset,
  shift,
  size,
  type VirtualElement,
} from '@floating-ui/dom';
import { render } from 'preact';
import { SourceCard, type SourceCardProps } from '../../components/SourceCard';
import { uiLocale } from '../../components/i18n';
import { CARD_CSS } from '../../components/styles';

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
  private stopAutoUpdate: (() => void) | null = null;
  private shown = false;

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
    this.stopAutoUpdate?.();
    const reference: VirtualElement = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
      contextElement:
        anchor.commonAncestorContainer instanceof Element
          ? anchor.commonAncestorContainer
          : (anchor.commonAncestorContainer.parentElement ?? undefined),
    };
    const update = () =>
      computePosition(reference, float, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(),
          offset(8),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight, elements }) {
              const max = Math.max(120, Math.min(availableHeight, window.innerHeight * 0.6));
              elements.floating.style.setProperty('--sl-max-height', `${Math.floor(max)}px`);
            },
          }),
        ],
      }).then(({ x, y }) => {
        float.style.left = `${Math.round(x)}px`;
        float.style.top = `${Math.round(y)}px`;
      });
    this.stopAutoUpdate = autoUpdate(reference, float, () => void update(), {
      animationFrame: false,
    });
  }

  hide(): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    if (this.float) {
      render(null, this.float);
      this.float.style.display = 'none';
    }
    this.shown = false;
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
