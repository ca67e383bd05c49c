/**
 * The page controller's rescans after the page changes: only what changed is read again, the
 * article finder is not run over the whole page again, nothing is marked twice, and a sentence a
 * framework re-rendered into new nodes keeps its answer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findAddedBlocksSteps, findArticleSteps, isSkippedInline } from '@/utils/article';
import type { FindSourcesRequest, SentenceSources } from '@/utils/messaging/types';
import { PageController } from '@/utils/page/controller';
import { segmentSentences } from '@/utils/sentences/segment';

const say = (i: number) =>
  `Report ${i} says the morning ferry left the harbour on time and reached the island.`;

function setUp(paragraphs: number) {
  document.title = 'Ferry news';
  document.documentElement.lang = 'en';
  const main = document.createElement('main');
  const story = Object.assign(document.createElement('article'), { id: 'story' });
  story.append(Object.assign(document.createElement('h1'), { textContent: 'Ferry news' }));
  for (let i = 0; i < paragraphs; i++)
    story.append(Object.assign(document.createElement('p'), { textContent: say(i) }));
  main.append(story);
  document.body.replaceChildren(main);
  const calls = { find: 0, segmented: [] as string[], asked: [] as string[] };
  const controller = new PageController({
    doc: document,
    findArticle: (doc) => {
      calls.find++;
      return findArticleSteps(doc);
    },
    findAddedBlocks: findAddedBlocksSteps,
    isSkippedInline,
    segment: (text, lang) => {
      calls.segmented.push(text.trim());
      return segmentSentences(text, lang);
    },
    send: (req: FindSourcesRequest) => {
      calls.asked.push(...req.sentences.map((s) => s.text));
      const results: SentenceSources[] = req.sentences.map((s) => ({
        id: s.id,
        status: 'none',
        sources: [],
      }));
      return Promise.resolve({ results });
    },
    report: () => {},
    highlightCss: '',
  });
  return { controller, calls, story: document.getElementById('story')! };
}

/** Marked sentence texts, in the order marked. */
const marked = (c: PageController) => (c.sentenceMarks?.ids() ?? []).map((id) => c.info(id)!.text);

const settled = (c: PageController) =>
  vi.waitFor(
    () => {
      const st = c.status();
      expect(st.state).toBe('done');
      expect(st.pending).toBe(0);
    },
    { timeout: 8_000, interval: 50 },
  );

describe('PageController rescans', () => {
  let controller: PageController | null = null;
  beforeEach(() => {
    document.body.replaceChildren();
  });
  afterEach(() => {
    controller?.stop();
    controller = null;
  });

  it('marks appended paragraphs once, reading only the new ones, without searching the page again', async () => {
    const t = setUp(30);
    controller = t.controller;
    await t.controller.start();
    expect(marked(t.controller)).toHaveLength(30);
    expect(t.calls.find).toBe(1);
    t.calls.segmented.length = 0;

    for (let i = 30; i < 40; i++) {
      const p = document.createElement('p');
      p.append(Object.assign(document.createElement('em'), { textContent: `Report ${i}` }));
      p.append(say(i).slice(`Report ${i}`.length));
      t.story.append(p);
    }
    await vi.waitFor(() => expect(marked(t.controller)).toHaveLength(40), { timeout: 8_000 });
    await settled(t.controller);
    const texts = marked(t.controller);
    expect(new Set(texts).size).toBe(40);
    expect(texts.slice(30)).toEqual(Array.from({ length: 10 }, (_, i) => say(30 + i)));
    expect(t.calls.segmented).toEqual(Array.from({ length: 10 }, (_, i) => say(30 + i)));
    expect(t.calls.find).toBe(1);
    expect(t.calls.asked).toHaveLength(40);
  });

  it('marks loose text beside paragraphs once, apart from them, and still sees paragraphs added among them', async () => {
    const lead =
      'The harbour master opened the new quay on Monday morning. Ferries from the island will berth there from May.';
    const t = setUp(8);
    controller = t.controller;
    // A lead paragraph written without a tag, before the tagged ones: the article's loose text.
    t.story.insertBefore(document.createTextNode(lead), t.story.children[1]!);
    // A short run of loose text after the paragraphs is a label, left unmarked.
    t.story.append(document.createTextNode('Filed under: harbour news'));
    await t.controller.start();
    await settled(t.controller);
    expect(marked(t.controller)).toEqual([
      'The harbour master opened the new quay on Monday morning.',
      'Ferries from the island will berth there from May.',
      ...Array.from({ length: 8 }, (_, i) => say(i)),
    ]);
    // A paragraph added inside the loose block's element is a block of its own, not its text.
    t.story.append(Object.assign(document.createElement('p'), { textContent: say(8) }));
    await vi.waitFor(() => expect(marked(t.controller)).toHaveLength(11), { timeout: 8_000 });
    await settled(t.controller);
    expect(marked(t.controller).slice(10)).toEqual([say(8)]);
    expect(t.calls.find).toBe(1);
  });

  it('a paragraph re-rendered into new text nodes is marked again once, keeping its answer; text changed in place is re-marked and asked', async () => {
    const t = setUp(5);
    controller = t.controller;
    await t.controller.start();
    await settled(t.controller);
    const [p0, p1, p2] = [...t.story.querySelectorAll('p')];
    const oldIds = t.controller.sentenceMarks!.ids();
    t.calls.asked.length = 0;
    t.calls.segmented.length = 0;

    p0!.replaceChildren(document.createTextNode(say(0)));
    (p1!.firstChild as Text).data =
      'The harbour master said the timetable would be reviewed in May.';
    p2!.remove();
    await vi.waitFor(
      () =>
        expect(marked(t.controller)).toContain(
          'The harbour master said the timetable would be reviewed in May.',
        ),
      { timeout: 8_000 },
    );
    await settled(t.controller);
    const texts = marked(t.controller);
    expect(texts.filter((x) => x === say(0))).toHaveLength(1);
    expect(texts).not.toContain(say(1));
    expect(texts).not.toContain(say(2));
    expect(texts).toHaveLength(4);
    // The re-rendered sentence lies in the new text node, with the answer it had.
    const id0 = t.controller
      .sentenceMarks!.ids()
      .find((id) => t.controller.info(id)!.text === say(0))!;
    expect(oldIds).not.toContain(id0);
    expect(t.controller.info(id0)!.sentence.range.startContainer).toBe(p0!.firstChild);
    expect(t.controller.info(id0)!.answer?.status).toBe('none');
    // Only the changed text went to the background or through the segmenter again (the
    // re-rendered one has the same text); untouched paragraphs were not read again.
    const changed = 'The harbour master said the timetable would be reviewed in May.';
    expect(t.calls.asked).toEqual([changed]);
    expect(t.calls.segmented).toEqual([changed]);
    expect(t.calls.find).toBe(1);
  });

  it('an article rebuilt from the same template (innerHTML) keeps one mark per sentence and no marks on the old nodes', async () => {
    const t = setUp(8);
    controller = t.controller;
    await t.controller.start();
    await settled(t.controller);
    // What a framework does when it renders the same template again: all new nodes.
    const template = [...t.story.childNodes].map((n) => n.cloneNode(true));
    for (let k = 0; k < 5; k++) t.story.replaceChildren(...template.map((n) => n.cloneNode(true)));
    t.story.append(
      Object.assign(document.createElement('p'), {
        textContent: 'A late paragraph says the evening ferry was cancelled because of the storm.',
      }),
    );
    await vi.waitFor(() => expect(marked(t.controller)).toHaveLength(9), { timeout: 8_000 });
    await settled(t.controller);
    for (const id of t.controller.sentenceMarks!.ids()) {
      const s = t.controller.info(id)!.sentence;
      expect(s.pieces.every((p) => p.node.isConnected)).toBe(true);
    }
    expect(new Set(marked(t.controller)).size).toBe(9);
  });
});
