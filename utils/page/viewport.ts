/**
 * How far elements are from the viewport, read without forcing a layout. Reading
 * `getBoundingClientRect` right after the page appended a thousand nodes lays out the whole page
 * inside our slice: on an infinite feed of 15,000 paragraphs that one read took 50–65 ms in CI.
 * An IntersectionObserver gets the same rectangles from the browser's own next rendering update.
 */

/** Distance in CSS pixels from the viewport (0 when any part is in view). */
export type Distances = Map<Element, number>;

/** Give up waiting for a frame after this long (a background tab renders no frames). */
const FRAME_WAIT_MS = 300;

/**
 * The distance of each element from the viewport, from one IntersectionObserver notification;
 * null when the browser has no observer or draws no frame in time (callers keep document order).
 */
export function viewportDistances(
  elements: Iterable<Element>,
  win: (Window & typeof globalThis) | null,
  waitMs = FRAME_WAIT_MS,
): Promise<Distances | null> {
  const Observer = win?.IntersectionObserver;
  const targets = [...new Set(elements)].filter((el) => el.isConnected);
  if (!win || !Observer || targets.length === 0) return Promise.resolve(null);
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new Observer((entries) => {
      const viewH = Math.max(1, win.innerHeight);
      const out: Distances = new Map();
      for (const e of entries) {
        const r = e.boundingClientRect;
        out.set(e.target, r.bottom < 0 ? -r.bottom : r.top > viewH ? r.top - viewH : 0);
      }
      finish(out);
    });
    const finish = (value: Distances | null) => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      observer.disconnect();
      resolve(value);
    };
    timer = setTimeout(() => finish(null), waitMs);
    for (const el of targets) observer.observe(el);
  });
}
