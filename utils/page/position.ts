/**
 * Where the card goes: under the sentence's last line, start-aligned, or over its first line when
 * the card does not fit below and there is more room above; always inside the viewport, and no
 * taller than the room on its side. Pure geometry over rectangles (tested without a browser),
 * plus `follow`, which places the card again while the page scrolls or resizes.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  side: 'bottom' | 'top';
  x: number;
  y: number;
  /** The most the card may be tall on its side, px. */
  maxHeight: number;
}

/** Space between the sentence and the card, and between the card and the viewport's edges. */
export const GAP = 8;
export const PAD = 8;
const MIN_HEIGHT = 120;
const MAX_SHARE = 0.6;

/**
 * One box per line of text: a sentence's client rects (one per text run) merged line by line.
 * A rect starts a new line when it sits more than half its height below the current line's top.
 */
export function lineBoxes(rects: Iterable<Box>): Box[] {
  const lines: Box[] = [];
  for (const r of rects) {
    if (r.right - r.left <= 0 && r.bottom - r.top <= 0) continue;
    const line = lines[lines.length - 1];
    if (line && r.top - line.top <= (r.bottom - r.top) / 2) {
      line.left = Math.min(line.left, r.left);
      line.right = Math.max(line.right, r.right);
      line.top = Math.min(line.top, r.top);
      line.bottom = Math.max(line.bottom, r.bottom);
    } else lines.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  }
  return lines;
}

/**
 * Place a card of `card` size for a sentence on `lines` (at least one) in a `view`-sized
 * viewport. `side` forces the side (used once the card's height under its limit is known).
 */
export function place(
  lines: readonly Box[],
  card: { width: number; height: number },
  view: { width: number; height: number },
  side?: Placement['side'],
): Placement {
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  const below = view.height - PAD - (last.bottom + GAP);
  const above = first.top - GAP - PAD;
  const chosen = side ?? (card.height <= below || below >= above ? 'bottom' : 'top');
  const room = chosen === 'bottom' ? below : above;
  const maxHeight = Math.floor(Math.max(MIN_HEIGHT, Math.min(room, view.height * MAX_SHARE)));
  const height = Math.min(card.height, maxHeight);
  const line = chosen === 'bottom' ? last : first;
  const x = Math.max(PAD, Math.min(line.left, view.width - card.width - PAD));
  const y = chosen === 'bottom' ? last.bottom + GAP : first.top - GAP - height;
  return { side: chosen, x: Math.round(x), y: Math.round(y), maxHeight };
}

/**
 * Call `update` whenever the page scrolls (any scroller: the listener captures),
 * the window resizes, or the card or the sentence's element changes size; at most once a frame.
 * Returns the function that stops following.
 */
export function follow(float: HTMLElement, anchor: Element | null, update: () => void): () => void {
  const win = float.ownerDocument.defaultView;
  if (!win) return () => {};
  let frame = 0;
  const schedule = () => {
    if (!frame)
      frame = win.requestAnimationFrame(() => {
        frame = 0;
        update();
      });
  };
  const stop = new AbortController();
  win.addEventListener('scroll', schedule, { capture: true, passive: true, signal: stop.signal });
  win.addEventListener('resize', schedule, { passive: true, signal: stop.signal });
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
  observer?.observe(float);
  if (anchor) observer?.observe(anchor);
  return () => {
    stop.abort();
    observer?.disconnect();
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
  };
}
