/**
 * The card's painter: renders SourceCard with Preact and places it with Floating UI. Built into
 * its own script (entrypoints/card.ts), not into the content script; see card-painter-types.ts.
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
import { SourceCard } from '../../components/SourceCard';
import { CARD_CSS } from '../../components/styles';
import type { CardPainter } from './card-painter-types';

export const cardPainter: CardPainter = {
  css: CARD_CSS,

  render(float, props) {
    render(props ? <SourceCard {...props} /> : null, float);
  },

  place(anchor, float, placed) {
    const reference: VirtualElement = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
      contextElement:
        anchor.commonAncestorContainer instanceof Element
          ? anchor.commonAncestorContainer
          : (anchor.commonAncestorContainer.parentElement ?? undefined),
    };
    const win = float.ownerDocument.defaultView ?? window;
    // Below the sentence's line (inline), flipped above when there is no room, shifted into the
    // viewport, and at most 60% of the viewport tall (size); re-placed on scroll and resize.
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
              const max = Math.max(120, Math.min(availableHeight, win.innerHeight * 0.6));
              elements.floating.style.setProperty('--sl-max-height', `${Math.floor(max)}px`);
            },
          }),
        ],
      }).then(({ x, y }) => {
        float.style.left = `${Math.round(x)}px`;
        float.style.top = `${Math.round(y)}px`;
        placed();
      });
    return autoUpdate(reference, float, () => void update(), { animationFrame: false });
  },
};
