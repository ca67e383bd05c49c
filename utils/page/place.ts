/**
 * Where the card goes next to its sentence. Pure geometry in viewport pixels, so it is tested
 * without a layout engine; the overlay (overlay.tsx) measures and applies.
 *
 * The rule, as a reader sees it: the card opens under the sentence's last line, 8 px down,
 * starting where that line starts; when it does not fit there and fits (or has more room) above,
 * it opens over the sentence's first line instead. It is moved sideways to stay 8 px inside the
 * viewport, and it is never taller than the room on its side (at least 120 px, at most 60% of
 * the viewport): the card's body scrolls within that.
 */

/** A box in viewport pixels. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  /** The card's top-left corner, in viewport pixels. */
  x: number;
  y: number;
  side: 'below' | 'above';
  /** The tallest the card may be here. */
  maxHeight: number;
}

/** Between the sentence and the card. */
export const GAP = 8;
/** Between the card and the viewport's edges. */
export const MARGIN = 8;
const MIN_HEIGHT = 120;
const MAX_SHARE = 0.6;

/**
 * The line boxes of a range's client rects, top to bottom. A range gives one rect per inline box
 * it crosses (a text run, a link, an emphasis), several on one line; those on a line, that is
 * whose vertical middles fall inside each other, are merged. Empty rects (a collapsed run, a
 * line break) are left out.
 */
export function lineBoxes(rects: ArrayLike<Box>): Box[] {
  const lines: Box[] = [];
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (r.right - r.left <= 0 || r.bottom - r.top <= 0) continue;
    const mid = (r.top + r.bottom) / 2;
    const line = lines.find((l) => {
      const lineMid = (l.top + l.bottom) / 2;
      return (mid >= l.top && mid <= l.bottom) || (lineMid >= r.top && lineMid <= r.bottom);
    });
    if (line) {
      line.left = Math.min(line.left, r.left);
      line.top = Math.min(line.top, r.top);
      line.right = Math.max(line.right, r.right);
      line.bottom = Math.max(line.bottom, r.bottom);
    } else lines.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  }
  return lines.sort((a, b) => a.top - b.top);
}

/**
 * Place a card of `size` (as laid out with no room given: at most 60% of the viewport) next to a
 * sentence of `lines` (at least one, from lineBoxes) in the viewport `view`.
 */
export function placeBox(
  lines: readonly Box[],
  size: { width: number; height: number },
  view: Box,
): Placement {
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  const below = view.bottom - MARGIN - (last.bottom + GAP);
  const above = first.top - GAP - (view.top + MARGIN);
  const side =
    size.height <= below ? 'below' : size.height <= above || above > below ? 'above' : 'below';
  const room = side === 'below' ? below : above;
  const maxHeight = Math.floor(
    Math.max(MIN_HEIGHT, Math.min(room, (view.bottom - view.top) * MAX_SHARE)),
  );
  const height = Math.min(size.height, maxHeight);
  const line = side === 'below' ? last : first;
  // Sideways into the viewport; a card wider than the room keeps its left edge in view.
  const x = Math.max(view.left + MARGIN, Math.min(line.left, view.right - MARGIN - size.width));
  const y = side === 'below' ? last.bottom + GAP : first.top - GAP - height;
  return { x, y, side, maxHeight };
}
