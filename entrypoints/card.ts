import { CARD_PAINTER_KEY } from '@/utils/page/card-painter-types';
import { cardPainter } from '@/utils/page/card-painter';

/**
 * The card's painter, injected by the background into a page's isolated world (never listed in
 * the manifest, never web-accessible) when the content script first needs a card: it leaves the
 * painter where the content script looks for it (utils/page/card-painter-types.ts).
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_PAINTER_KEY] ??= cardPainter;
});
