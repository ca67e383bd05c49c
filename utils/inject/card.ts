/**
 * Background side of the card's lazy loading (see utils/page/card-painter-types.ts): the
 * painter's script (entrypoints/card.ts, built as /card.js) runs in the isolated world of the
 * content script that asked, in the very document that asked. It is an extension file run by
 * the scripting API, so it needs no web-accessible resource a page could probe for.
 */

export interface CardSender {
  tab?: { id?: number };
  frameId?: number;
  /** Chrome: the sender's document, so a frame that navigated meanwhile is not injected. */
  documentId?: string;
}

export type CardTarget =
  { tabId: number; documentIds: string[] } | { tabId: number; frameIds: number[] };

/**
 * Where to inject the painter for this sender: its document where the browser names it
 * (Chrome), else its frame (Firefox). Nothing is taken from the message itself.
 */
export function cardTarget(sender: CardSender): CardTarget {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) throw new Error('The card is only loaded into a tab');
  return typeof sender.documentId === 'string'
    ? { tabId, documentIds: [sender.documentId] }
    : { tabId, frameIds: [sender.frameId ?? 0] };
}
