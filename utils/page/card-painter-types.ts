/**
 * The seam between the content script and the card's painter. The painter (Preact, the card's
 * components and styles, Floating UI: about a third of the content script's code) is a separate
 * script the background injects into the page's isolated world when a card is first needed
 * (entrypoints/card.ts): the content script the page loads with stays small, and none of the
 * card's code is compiled on a page whose reader never hovers. Types only, so importing this
 * file pulls no painting code into the content script.
 */
import type { SourceCardProps } from '../../components/SourceCard';

/** Where the injected script leaves the painter: a global of the extension's isolated world. */
export const CARD_PAINTER_KEY = '__sourcelightCardPainter';

export interface CardPainter {
  /** The card's stylesheet, for the shadow root. */
  readonly css: string;
  /** Render the card into `float`, or empty it (null). */
  render(float: HTMLElement, props: SourceCardProps | null): void;
  /**
   * Keep `float` placed against `anchor` (below the line, flipped, shifted into the viewport,
   * at most 60% of it tall) until the returned stop is called; `placed` runs after each placing.
   */
  place(anchor: Range, float: HTMLElement, placed: () => void): () => void;
}

/** The painter left by the injected script in this world, if it ran. */
export function injectedPainter(scope: object = globalThis): CardPainter | null {
  const p = (scope as Record<string, unknown>)[CARD_PAINTER_KEY] as CardPainter | undefined;
  return p && typeof p.render === 'function' && typeof p.place === 'function' ? p : null;
}
