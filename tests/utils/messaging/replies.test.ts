/** Replies from a page's content script are checked like requests are. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { dispatch, MessageError, sendMessage, sendToTab } from '@/utils/messaging/channel';

const summary = {
  status: { state: 'done', sentences: 3, sourced: 1, sources: 1, pending: 0 },
  sources: [{ url: 'https://a.example/', siteName: 'A', title: 'T', sentences: 1 }],
  unsourced: 2,
  numbersDiffer: 0,
};

describe('reply validation', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('accepts a well-formed summary from a tab', async () => {
    vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: summary } as never);
    expect(await sendToTab(1, 'getSummary', {})).toEqual(summary);
  });

  it.each([
    ['an extra field', { ...summary, evil: 1 }],
    [
      'a javascript: source',
      { ...summary, sources: [{ ...summary.sources[0], url: 'javascript:x' }] },
    ],
    ['a negative count', { ...summary, unsourced: -1 }],
    ['too many sources', { ...summary, sources: Array(51).fill(summary.sources[0]) }],
  ])('refuses a summary with %s', async (_name, value) => {
    vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value } as never);
    await expect(sendToTab(1, 'getSummary', {})).rejects.toMatchObject({
      code: 'invalid-message',
    });
  });

  it('refuses a reveal reply that is not a boolean', async () => {
    vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({
      ok: true,
      value: { moved: 'yes' },
    } as never);
    await expect(sendToTab(1, 'reveal', { kind: 'unsourced' })).rejects.toBeInstanceOf(
      MessageError,
    );
  });

  it('markSource: only a content script may send it, with a bounded, http(s) payload', async () => {
    const handlers = { markSource: () => ({ wrong: [] }) };
    const tab = { id: 'test-extension-id', tab: { id: 7 }, url: 'https://news.example/a' };
    const page = { id: 'test-extension-id', url: browser.runtime.getURL('/popup.html') };
    const ok = { sentence: 'A sentence.', url: 'https://a.example/', wrong: true };
    expect(
      await dispatch(handlers, { sl: 1, type: 'markSource', payload: ok }, tab as never),
    ).toEqual({
      ok: true,
      value: { wrong: [] },
    });
    expect(
      await dispatch(handlers, { sl: 1, type: 'markSource', payload: ok }, page as never),
    ).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    for (const bad of [
      { ...ok, url: 'file:///etc/passwd' },
      { ...ok, wrong: 'true' },
      { ...ok, sentence: '' },
      { ...ok, extra: 1 },
    ])
      expect(
        await dispatch(handlers, { sl: 1, type: 'markSource', payload: bad }, tab as never),
      ).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('checks the background reply to markSource too', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({
      ok: true,
      value: { wrong: ['not a url'] },
    } as never);
    await expect(
      sendMessage('markSource', { sentence: 'S.', url: 'https://a.example/', wrong: true }),
    ).rejects.toMatchObject({ code: 'invalid-message' });
  });
});
