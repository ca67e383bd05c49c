import { describe, expect, it } from 'vitest';
import { cardTarget } from '@/utils/inject/card';
import { dispatch } from '@/utils/messaging/channel';
import { browser } from 'wxt/browser';

describe('cardTarget', () => {
  it('names the sender’s own document where the browser gives one (Chrome)', () => {
    expect(cardTarget({ tab: { id: 7 }, frameId: 3, documentId: 'D0C' })).toEqual({
      tabId: 7,
      documentIds: ['D0C'],
    });
  });

  it('else the sender’s frame, the top one when none is given (Firefox)', () => {
    expect(cardTarget({ tab: { id: 7 }, frameId: 3 })).toEqual({ tabId: 7, frameIds: [3] });
    expect(cardTarget({ tab: { id: 7 } })).toEqual({ tabId: 7, frameIds: [0] });
  });

  it('refuses a sender that is not in a tab', () => {
    expect(() => cardTarget({})).toThrow(/tab/);
    expect(() => cardTarget({ tab: { id: -1 } })).toThrow(/tab/);
  });
});

describe('loadCard message', () => {
  const ownId = browser.runtime.id;
  const page = { id: ownId, url: 'https://news.example/a', tab: { id: 4 }, frameId: 0 } as never;
  const handlers = { loadCard: async () => null };

  it('is answered for a content script of ours', async () => {
    expect(await dispatch(handlers, { sl: 1, type: 'loadCard', payload: {} }, page)).toEqual({
      ok: true,
      value: null,
    });
  });

  it('takes nothing from the message: any field is refused', async () => {
    const r = await dispatch(
      handlers,
      { sl: 1, type: 'loadCard', payload: { file: '/background.js', tabId: 9 } },
      page,
    );
    expect(r).toMatchObject({ ok: false });
  });

  it('is refused from an extension page or another extension', async () => {
    const popup = { id: ownId, url: browser.runtime.getURL('/popup.html') } as never;
    expect(await dispatch(handlers, { sl: 1, type: 'loadCard', payload: {} }, popup)).toMatchObject(
      {
        ok: false,
      },
    );
    const other = { ...(page as object), id: 'someone-else' } as never;
    expect(await dispatch(handlers, { sl: 1, type: 'loadCard', payload: {} }, other)).toMatchObject(
      {
        ok: false,
      },
    );
  });
});
