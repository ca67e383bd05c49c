import { afterEach, describe, expect, it, vi } from 'vitest';
import { viewportDistances } from '../../../utils/page/viewport';

type Callback = (entries: { target: Element; boundingClientRect: DOMRectReadOnly }[]) => void;

/** A stand-in observer: records its targets, and answers when the test says a frame came. */
function fakeWindow(rects: Map<Element, { top: number; bottom: number }> | null) {
  const observers: { cb: Callback; targets: Element[]; disconnected: boolean }[] = [];
  class Observer {
    private o: (typeof observers)[number];
    constructor(cb: Callback) {
      this.o = { cb, targets: [], disconnected: false };
      observers.push(this.o);
    }
    observe(el: Element) {
      this.o.targets.push(el);
    }
    disconnect() {
      this.o.disconnected = true;
    }
  }
  const win = { innerHeight: 800, IntersectionObserver: Observer } as unknown as Window &
    typeof globalThis;
  const frame = () => {
    for (const o of observers)
      if (!o.disconnected && rects)
        o.cb(
          o.targets.map((target) => ({
            target,
            boundingClientRect: rects.get(target) as unknown as DOMRectReadOnly,
          })),
        );
  };
  return { win, frame, observers };
}

const para = (): Element => {
  const p = document.createElement('p');
  document.body.append(p);
  return p;
};

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('viewportDistances', () => {
  it('measures each element from the viewport: 0 in view, pixels above or below', async () => {
    const [above, inView, below] = [para(), para(), para()];
    const rects = new Map([
      [above, { top: -500, bottom: -120 }],
      [inView, { top: 100, bottom: 300 }],
      [below, { top: 1300, bottom: 1400 }],
    ]);
    const { win, frame, observers } = fakeWindow(rects);
    const pending = viewportDistances([above, inView, below, inView], win);
    frame();
    const d = await pending;
    expect(d?.get(above)).toBe(120);
    expect(d?.get(inView)).toBe(0);
    expect(d?.get(below)).toBe(500);
    // One observer, each element observed once, and let go after the answer.
    expect(observers).toHaveLength(1);
    expect(observers[0]!.targets).toHaveLength(3);
    expect(observers[0]!.disconnected).toBe(true);
  });

  it('gives up (null) when no frame comes, as in a background tab, and disconnects', async () => {
    vi.useFakeTimers();
    const { win, observers } = fakeWindow(null);
    const pending = viewportDistances([para()], win, 300);
    vi.advanceTimersByTime(300);
    expect(await pending).toBeNull();
    expect(observers[0]!.disconnected).toBe(true);
  });

  it('returns null at once without an observer, a window or connected elements', async () => {
    const detached = document.createElement('p');
    expect(await viewportDistances([para()], { innerHeight: 800 } as never)).toBeNull();
    expect(await viewportDistances([para()], null)).toBeNull();
    expect(await viewportDistances([detached], fakeWindow(new Map()).win)).toBeNull();
  });
});
