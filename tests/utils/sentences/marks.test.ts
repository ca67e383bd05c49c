import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlockSentence } from '@/utils/sentences/block-text';
import { HIGHLIGHTS, SentenceMarks } from '@/utils/sentences/marks';

/**
 * happy-dom has no CSS Custom Highlight API: a registry and a Highlight with the browser's
 * shape (a Map of names to Sets of ranges) stand in, so the test sees what the page would see.
 */
class FakeHighlight extends Set<Range> {
  priority = 0;
}

let registry: Map<string, FakeHighlight>;
const win = globalThis as unknown as { CSS?: unknown; Highlight?: unknown };
let saved: { CSS: unknown; Highlight: unknown };

beforeEach(() => {
  saved = { CSS: win.CSS, Highlight: win.Highlight };
  registry = new Map();
  win.CSS = { highlights: registry };
  win.Highlight = FakeHighlight;
  document.body.innerHTML = '';
  document.adoptedStyleSheets = [];
});

afterEach(() => {
  win.CSS = saved.CSS;
  win.Highlight = saved.Highlight;
});

function sentences(n: number): BlockSentence[] {
  const out: BlockSentence[] = [];
  for (let i = 0; i < n; i++) {
    const p = document.createElement('p');
    p.textContent = `Sentence number ${i} of the story.`;
    document.body.append(p);
    const node = p.firstChild as Text;
    const range = document.createRange();
    range.selectNodeContents(node);
    out.push({
      range,
      text: node.data,
      links: [],
      footnotes: [],
      pieces: [{ node, start: 0, end: node.data.length }],
    });
  }
  return out;
}

describe('SentenceMarks and the page’s highlight registry', () => {
  it('registers only the highlights that paint: marking 2,000 sentences adds no range to the page', () => {
    const marks = new SentenceMarks(document, '::highlight(x) { color: red; }');
    sentences(2_000).forEach((s, i) => marks.add(`s${i}`, s));
    expect(marks.size).toBe(2_000);
    expect(registry.has(HIGHLIGHTS.all)).toBe(false);
    const registered = [...registry.values()].reduce((n, h) => n + h.size, 0);
    expect(registered).toBe(0);
  });

  it('a sourced sentence and the active one are registered, and only they', () => {
    const marks = new SentenceMarks(document, '');
    const list = sentences(50);
    list.forEach((s, i) => marks.add(`s${i}`, s));
    marks.setState('s3', 'sourced');
    marks.setState('s4', 'numbers-differ');
    marks.setState('s5', 'unsourced'); // not shown unless the reader asks
    marks.setActive('s3');
    expect([...registry.get(HIGHLIGHTS.sourced)!]).toEqual([list[3]!.range]);
    expect([...registry.get(HIGHLIGHTS.differ)!]).toEqual([list[4]!.range]);
    expect(registry.get(HIGHLIGHTS.unsourced)!.size).toBe(0);
    expect([...registry.get(HIGHLIGHTS.active)!]).toEqual([list[3]!.range]);
    marks.setShowUnsourced(true);
    expect([...registry.get(HIGHLIGHTS.unsourced)!]).toEqual([list[5]!.range]);
  });

  it('expose shows the set of all marks for as long as asked, then takes it back', () => {
    const marks = new SentenceMarks(document, '');
    const list = sentences(3);
    list.forEach((s, i) => marks.add(`s${i}`, s));
    marks.expose(true);
    expect([...registry.get(HIGHLIGHTS.all)!]).toEqual(list.map((s) => s.range));
    marks.expose(false);
    expect(registry.has(HIGHLIGHTS.all)).toBe(false);
    marks.remove('s1');
    marks.expose(true);
    expect([...registry.get(HIGHLIGHTS.all)!]).toEqual([list[0]!.range, list[2]!.range]);
  });

  it('texts gives each sentence as the extension reads it, in document order, not marking order', () => {
    const marks = new SentenceMarks(document, '');
    const list = sentences(3);
    list[1]!.text = 'Sentence number 1 without its hidden formula.';
    marks.add('late', list[2]!);
    marks.add('first', list[0]!);
    marks.add('middle', list[1]!);
    expect(marks.texts()).toEqual([
      'Sentence number 0 of the story.',
      'Sentence number 1 without its hidden formula.',
      'Sentence number 2 of the story.',
    ]);
  });

  it('clear leaves no highlight and no stylesheet in the page', () => {
    const marks = new SentenceMarks(document, '::highlight(x) { color: red; }');
    sentences(5).forEach((s, i) => marks.add(`s${i}`, s));
    marks.setState('s0', 'sourced');
    expect(document.adoptedStyleSheets).toHaveLength(1);
    marks.clear();
    expect([...registry.keys()].filter((k) => k.startsWith('sourcelight-'))).toEqual([]);
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });
});
