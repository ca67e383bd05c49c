import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardPainter } from '@/utils/page/card-painter-types';
import { Overlay, type ShowOptions } from '@/utils/page/overlay';

/** A painter that writes the sentence as text and records what it was asked. */
function fakePainter() {
  const painted: Array<string | null> = [];
  const painter: CardPainter = {
    css: '.sl-card { color: red; }',
    render(float, props) {
      painted.push(props ? props.sentence : null);
      float.replaceChildren();
      if (props) {
        const b = document.createElement('button');
        b.textContent = props.sentence;
        float.append(b);
      }
    },
    place: vi.fn((_anchor: Range, _float: HTMLElement, placed: () => void) => {
      placed();
      return () => {};
    }),
  };
  return { painter, painted };
}

/** A loader the test resolves or rejects by hand. */
function manualLoader(painter: CardPainter) {
  const calls: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  const load = () =>
    new Promise<CardPainter>((resolve, reject) =>
      calls.push({ resolve: () => resolve(painter), reject }),
    );
  return { load, calls };
}

function options(sentence: string): ShowOptions {
  const p = document.querySelector('p')!;
  const anchor = document.createRange();
  anchor.selectNodeContents(p);
  return {
    anchor,
    sentence,
    answer: { status: 'loading' },
    mode: 'tooltip',
    onPin: () => {},
    onClose: () => {},
    onCopy: async () => false,
  };
}

const shadowOf = () => document.querySelector('sourcelight-ui')!.shadowRoot!;
const cardText = () => shadowOf().querySelector('.sl-float')!.textContent;
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  // Test builds open the shadow root (production closes it), so the card can be read here.
  vi.stubEnv('SOURCELIGHT_TEST_PORTS', '8601');
  document.body.innerHTML = '<p>The ferry resumes on 3 June.</p>';
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  document.querySelector('sourcelight-ui')?.remove();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('Overlay: the card’s painter comes on first need', () => {
  it('loads nothing until a card is asked for or preloaded', () => {
    const { painter } = fakePainter();
    const loader = manualLoader(painter);
    const overlay = new Overlay(document, loader.load);
    expect(overlay.contains(document.body)).toBe(false);
    expect(loader.calls).toHaveLength(0);
    expect(document.querySelector('sourcelight-ui')).toBeNull();
  });

  it('paints only the newest card asked for while the painter loads, with its styles', async () => {
    const { painter, painted } = fakePainter();
    const loader = manualLoader(painter);
    const overlay = new Overlay(document, loader.load);
    overlay.show(options('first'));
    overlay.show(options('second'));
    expect(overlay.isShown).toBe(true);
    // Nothing on screen yet, so nothing the page could be hiding.
    expect(overlay.obscured()).toBe(false);
    expect(loader.calls).toHaveLength(1);
    loader.calls[0]!.resolve();
    await flush();
    expect(painted).toEqual(['second']);
    expect(cardText()).toBe('second');
    expect(shadowOf().querySelector('style')!.textContent).toBe(painter.css);
    expect(painter.place).toHaveBeenCalledTimes(1);
    // Once loaded, a card is painted at once.
    overlay.show(options('third'));
    expect(cardText()).toBe('third');
    expect(loader.calls).toHaveLength(1);
  });

  it('a card hidden before the painter arrives is never painted', async () => {
    const { painter, painted } = fakePainter();
    const loader = manualLoader(painter);
    const overlay = new Overlay(document, loader.load);
    overlay.show(options('gone'));
    overlay.hide();
    loader.calls[0]!.resolve();
    await flush();
    expect(painted).toEqual([]);
    expect(overlay.isShown).toBe(false);
  });

  it('focus asked for while loading moves into the card once it is painted', async () => {
    const { painter } = fakePainter();
    const loader = manualLoader(painter);
    const overlay = new Overlay(document, loader.load);
    overlay.show(options('focus me'));
    overlay.focusCard();
    loader.calls[0]!.resolve();
    await flush();
    expect(shadowOf().activeElement?.textContent).toBe('focus me');
  });

  it('a painter that cannot be had: a plain note says so, and the next card tries again', async () => {
    const { painter } = fakePainter();
    const loader = manualLoader(painter);
    const overlay = new Overlay(document, loader.load);
    overlay.show(options('first'));
    loader.calls[0]!.reject(new Error('Extension context invalidated.'));
    await flush();
    expect(cardText()).toMatch(/could not open its card/);
    overlay.hide();
    expect(cardText()).toBe('');
    overlay.show(options('again'));
    expect(loader.calls).toHaveLength(2);
    loader.calls[1]!.resolve();
    await flush();
    expect(cardText()).toBe('again');
  });

  it('preload resolves true once the painter is there, and loads it once', async () => {
    const { painter } = fakePainter();
    const loader = manualLoader(painter);
    const overlay = new Overlay(document, loader.load);
    const a = overlay.preload();
    const b = overlay.preload();
    expect(loader.calls).toHaveLength(1);
    loader.calls[0]!.resolve();
    expect(await a).toBe(true);
    expect(await b).toBe(true);
    expect(await overlay.preload()).toBe(true);
    expect(loader.calls).toHaveLength(1);
  });
});
