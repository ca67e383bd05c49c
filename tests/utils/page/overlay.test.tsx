import { afterEach, describe, expect, it } from 'vitest';
import { cardFonts, Overlay } from '@/utils/page/overlay';
import { drain } from '@/utils/sentences/scheduler';

const answer = {
  id: 's1',
  status: 'sourced' as const,
  sources: [
    {
      url: 'https://example.org/a',
      fragmentUrl: 'https://example.org/a#:~:text=ferry',
      title: 'Ferry service resumes',
      siteName: 'example.org',
      passage: 'The ferry resumes on 3 June.',
      matchedTerms: ['ferry'],
      score: 0.9,
      level: 'supports' as const,
      via: 'inline' as const,
    },
  ],
};

const props = {
  sentence: 'The ferry resumes on 3 June.',
  answer,
  mode: 'tooltip' as const,
  onPin: () => {},
  onClose: () => {},
};

afterEach(() => {
  document.body.innerHTML = '';
  document.querySelector('sourcelight-ui')?.remove();
});

describe('Overlay.warmSteps', () => {
  it('renders a card off the page and leaves nothing behind', () => {
    document.body.innerHTML = '<p>The ferry resumes on 3 June.</p>';
    const before = document.documentElement.outerHTML;
    const overlay = new Overlay(document);
    drain(overlay.warmSteps(props));
    expect(document.documentElement.outerHTML).toBe(before);
    expect(document.querySelector('sourcelight-ui')).toBeNull();
    expect(overlay.isShown).toBe(false);
  });

  it('yields between its pieces, so the scheduler can spread them over idle time', () => {
    const overlay = new Overlay(document);
    const steps = overlay.warmSteps(props);
    let n = 0;
    while (!steps.next().done) n++;
    // The formatters, the first message, the render, then one step per typeface (happy-dom may
    // lack a canvas context, in which case the font steps are skipped).
    expect(n).toBeGreaterThanOrEqual(4);
  });
});

describe('Overlay.show: placing the card', () => {
  // happy-dom lays nothing out: the sentence's line boxes, the card's natural size and the host's
  // corner are given here, the card's height following --sl-max-height as the stylesheet's
  // min(60vh, var(--sl-max-height)) would.
  let lines: DOMRect[] = [];
  let natural = { width: 400, height: 300 };
  let corner = { left: 0, top: 0 };
  const realRect = Element.prototype.getBoundingClientRect;
  const realAttach = Element.prototype.attachShadow;
  const { addEventListener: add, removeEventListener: remove } = window;

  function setUp() {
    document.body.innerHTML = '<p>The ferry resumes on 3 June.</p>';
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('p')!);
    range.getClientRects = () => lines as unknown as DOMRectList;
    Element.prototype.getBoundingClientRect = function (this: Element) {
      if (this.localName === 'sourcelight-ui') return new DOMRect(corner.left, corner.top, 0, 0);
      if (!this.classList.contains('sl-card')) return realRect.call(this);
      const float = this.parentElement!;
      const v = float.style.getPropertyValue('--sl-max-height');
      const cap = innerHeight * 0.6;
      const max = v.endsWith('px') ? Math.min(cap, parseFloat(v)) : cap;
      const left = parseFloat(float.style.left) || 0;
      const top = parseFloat(float.style.top) || 0;
      return new DOMRect(left, top, natural.width, Math.min(natural.height, max));
    };
    // The shadow root is closed outside test builds: keep the handle attachShadow returns.
    let root: ShadowRoot | undefined;
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      root = realAttach.call(this, init);
      return root;
    };
    const overlay = new Overlay(document);
    overlay.show({ ...props, anchor: range });
    const float = root!.querySelector<HTMLElement>('.sl-float')!;
    return { overlay, float };
  }
  const at = (float: HTMLElement) => ({
    left: float.style.left,
    top: float.style.top,
    max: float.style.getPropertyValue('--sl-max-height'),
  });

  afterEach(() => {
    Element.prototype.getBoundingClientRect = realRect;
    Element.prototype.attachShadow = realAttach;
    window.addEventListener = add;
    window.removeEventListener = remove;
    natural = { width: 400, height: 300 };
    corner = { left: 0, top: 0 };
  });

  it('opens under the last line and always sets its own --sl-max-height', () => {
    lines = [new DOMRect(120, 300, 500, 20), new DOMRect(100, 330, 300, 20)];
    const { overlay, float } = setUp();
    // The page's own --sl-max-height would inherit into the shadow root: the card sets its own.
    expect(at(float)).toEqual({ left: '100px', top: '358px', max: '60vh' });
    overlay.destroy();
  });

  it('is held to the room on its side, and opens over the first line when that has more', () => {
    natural = { width: 400, height: 700 };
    lines = [new DOMRect(120, 300, 500, 20), new DOMRect(100, 330, 300, 20)];
    const { overlay, float } = setUp();
    // Below: innerHeight - 8 - 358 (402 in happy-dom's 768 px window); above: 300 - 16 = 284.
    expect(innerHeight).toBeGreaterThan(700);
    expect(at(float)).toEqual({ left: '100px', top: '358px', max: `${innerHeight - 366}px` });
    lines = [
      new DOMRect(120, innerHeight - 80, 500, 20),
      new DOMRect(100, innerHeight - 50, 300, 20),
    ];
    dispatchEvent(new Event('scroll'));
    const above = Math.floor(Math.min(innerHeight - 80 - 16, innerHeight * 0.6));
    expect(at(float)).toEqual({
      left: '120px',
      top: `${Math.round(innerHeight - 80 - 8 - above)}px`,
      max: `${above}px`,
    });
    overlay.destroy();
  });

  it('held to a small room, grows back when the room grows', () => {
    natural = { width: 400, height: 700 };
    lines = [new DOMRect(100, 330, 300, 20)];
    const { overlay, float } = setUp();
    expect(at(float).max).toBe(`${innerHeight - 366}px`);
    // Near the top: room below for more than 60% of the viewport, the most it may take.
    lines = [new DOMRect(100, 100, 300, 20)];
    dispatchEvent(new Event('scroll'));
    expect(at(float)).toEqual({
      left: '100px',
      top: '128px',
      max: `${Math.floor(innerHeight * 0.6)}px`,
    });
    lines = [new DOMRect(100, 330, 300, 20)];
    dispatchEvent(new Event('scroll'));
    expect(at(float).max).toBe(`${innerHeight - 366}px`);
    overlay.destroy();
  });

  it('follows a scroll anywhere in the page until hidden, then listens no more', () => {
    lines = [new DOMRect(100, 300, 500, 20)];
    // The window's scroll and resize listeners, added and not yet removed (or aborted).
    const listening = new Map<string, unknown>();
    window.addEventListener = function (this: Window, ...args: Parameters<typeof add>) {
      const [type, listener, options] = args;
      if (/^(scroll|resize)$/.test(type)) {
        listening.set(type, listener);
        // A listener added with a signal goes when the signal aborts.
        const signal = typeof options === 'object' ? options.signal : undefined;
        signal?.addEventListener('abort', () => {
          if (listening.get(type) === listener) listening.delete(type);
        });
      }
      return add.apply(this, args);
    } as typeof add;
    window.removeEventListener = function (this: Window, ...args: Parameters<typeof remove>) {
      if (listening.get(args[0]) === args[1]) listening.delete(args[0]);
      return remove.apply(this, args);
    } as typeof remove;
    const { overlay, float } = setUp();
    expect(listening.size).toBeGreaterThan(0);
    expect(at(float).top).toBe('328px');
    lines = [new DOMRect(100, 200, 500, 20)];
    // A scrolling element's scroll does not bubble: heard in the capture phase.
    document.querySelector('p')!.dispatchEvent(new Event('scroll'));
    expect(at(float).top).toBe('228px');
    overlay.hide();
    expect(listening.size).toBe(0);
    lines = [new DOMRect(100, 100, 500, 20)];
    dispatchEvent(new Event('scroll'));
    expect(at(float).top).toBe('228px');
    overlay.destroy();
  });

  it('counts from its containing block when the page makes the root one (a transform)', () => {
    lines = [new DOMRect(100, 300, 500, 20)];
    corner = { left: 0, top: -1200 };
    const { overlay, float } = setUp();
    expect(at(float)).toMatchObject({ left: '100px', top: `${328 + 1200}px` });
    overlay.destroy();
  });
});

describe('cardFonts', () => {
  it('names every size and weight of the card stylesheet, upright and italic', () => {
    const fonts = cardFonts();
    for (const size of ['10px', '11px', '12px', '13px', '14px'])
      expect(fonts.some((f) => f.includes(` ${size} `))).toBe(true);
    for (const weight of ['400', '600', '700'])
      expect(fonts.some((f) => f.startsWith(`normal ${weight} `))).toBe(true);
    expect(fonts.some((f) => f.startsWith('italic 400 12px '))).toBe(true);
    expect(new Set(fonts).size).toBe(fonts.length);
  });
});
