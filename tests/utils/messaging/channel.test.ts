import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { dispatch, HandlerError, senderIs, type Handlers } from '@/utils/messaging/channel';
import { LIMITS, type FindSourcesRequest } from '@/utils/messaging/types';

const tabSender = { id: 'test-extension-id', tab: { id: 7 }, url: 'https://news.example/a' };
const pageSender = { id: 'test-extension-id', url: browser.runtime.getURL('/popup.html') };

const goodRequest = (): FindSourcesRequest => ({
  page: { url: 'https://news.example/a', title: 'A story', outboundLinks: [] },
  sentences: [{ id: 's1', text: 'The council voted 7 to 2.', links: [], footnotes: [] }],
});

const handlers: Handlers = {
  findSources: (req) => ({
    results: req.sentences.map((s) => ({ id: s.id, status: 'none', sources: [] })),
  }),
  getStatus: () => ({ state: 'done', sentences: 1, sourced: 0, sources: 0, pending: 0 }),
};

describe('message channel', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers a valid message with ok: true', async () => {
    const reply = await dispatch(
      handlers,
      { sl: 1, type: 'findSources', payload: goodRequest() },
      tabSender as never,
    );
    expect(reply).toEqual({
      ok: true,
      value: { results: [{ id: 's1', status: 'none', sources: [] }] },
    });
  });

  it('ignores messages that are not ours, and ones this context does not handle', async () => {
    expect(await dispatch(handlers, { hello: 1 }, tabSender as never)).toBeUndefined();
    expect(
      await dispatch(
        {},
        { sl: 1, type: 'findSources', payload: goodRequest() },
        tabSender as never,
      ),
    ).toBeUndefined();
  });

  it('refuses unknown types', async () => {
    const reply = await dispatch(
      handlers,
      { sl: 1, type: 'evalThis', payload: {} },
      tabSender as never,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
  });

  it('refuses the wrong sender kind', async () => {
    const fromPage = await dispatch(
      handlers,
      { sl: 1, type: 'findSources', payload: goodRequest() },
      pageSender as never,
    );
    expect(fromPage).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    const fromTab = await dispatch(
      handlers,
      { sl: 1, type: 'getStatus', payload: {} },
      tabSender as never,
    );
    expect(fromTab).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    const otherExtension = { ...tabSender, id: 'someone-else' };
    expect(senderIs('content', otherExtension as never)).toBe(false);
  });

  it.each([
    [
      'a non-http link',
      (r: FindSourcesRequest) =>
        (r.sentences[0]!.links = [{ href: 'javascript:alert(1)', text: 'x' }]),
    ],
    ['an extra field', (r: FindSourcesRequest) => Object.assign(r.page, { evil: true })],
    [
      'a too-long sentence',
      (r: FindSourcesRequest) => (r.sentences[0]!.text = 'a'.repeat(LIMITS.sentenceChars + 1)),
    ],
    [
      'too many sentences',
      (r: FindSourcesRequest) =>
        (r.sentences = Array.from({ length: LIMITS.sentencesPerBatch + 1 }, (_, i) => ({
          id: `s${i}`,
          text: 'x',
          links: [],
          footnotes: [],
        }))),
    ],
    ['a bad id', (r: FindSourcesRequest) => (r.sentences[0]!.id = '<img>')],
    [
      'a wrong type',
      (r: FindSourcesRequest) => ((r.page as unknown as { title: number }).title = 5),
    ],
  ])('rejects %s with a clear error', async (_name, mutate) => {
    const req = goodRequest();
    mutate(req);
    const reply = await dispatch(
      handlers,
      { sl: 1, type: 'findSources', payload: req },
      tabSender as never,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect((reply as { error: { message: string } }).error.message).toMatch(/findSources\./);
  });

  it('turns handler failures into replies, never silence', async () => {
    const failing: Handlers = {
      findSources: () => {
        throw new Error('boom');
      },
      getStatus: () => {
        throw new HandlerError('unavailable', 'Not ready yet.');
      },
    };
    expect(
      await dispatch(
        failing,
        { sl: 1, type: 'findSources', payload: goodRequest() },
        tabSender as never,
      ),
    ).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(
      await dispatch(failing, { sl: 1, type: 'getStatus', payload: {} }, pageSender as never),
    ).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'Not ready yet.' },
    });
  });

  it('rejects oversized payloads before validating them', async () => {
    const req = goodRequest();
    (req.page as unknown as { title: string }).title = 'x'.repeat(600 * 1024);
    const reply = await dispatch(
      handlers,
      { sl: 1, type: 'findSources', payload: req },
      tabSender as never,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });
});
