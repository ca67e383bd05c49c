import { describe, expect, it } from 'vitest';
import { readBlock, toSentences, footnoteTarget } from '@/utils/sentences/block-text';
import {
  cleanHref,
  pageContext,
  pageContextSteps,
  referenceLists,
  referenceListsSteps,
  resolveFootnote,
} from '@/utils/sentences/requests';
import { segmentSentences } from '@/utils/sentences/segment';
import { LIMITS } from '@/utils/messaging/types';

/** Replace the test document's body with fixture markup (ours, static). */
function setBody(html: string) {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(
    ...[...parsed.body.childNodes].map((n) => document.importNode(n, true)),
  );
}

function sentencesOf(html: string) {
  setBody(html);
  const block = document.querySelector('p')!;
  const bt = readBlock(block, (n) => (n as Element).classList?.contains('ad') ?? false);
  return { bt, sentences: toSentences(document, bt, segmentSentences(bt.text, 'en')) };
}

describe('block text and sentence ranges', () => {
  it('keeps a sentence whole across links and inline markup', () => {
    const { sentences } = sentencesOf(
      '<p>The <a href="https://a.example/x">council <em>voted</em></a> <strong>31 to 14</strong> on <span>Tuesday</span>. It was close.</p>',
    );
    expect(sentences.map((s) => s.text)).toEqual([
      'The council voted 31 to 14 on Tuesday.',
      'It was close.',
    ]);
    expect(sentences[0]!.range.toString()).toBe('The council voted 31 to 14 on Tuesday.');
    expect(sentences[0]!.links).toEqual([{ href: 'https://a.example/x', text: 'council voted' }]);
    expect(sentences[1]!.links).toEqual([]);
  });

  it('leaves soft hyphens and zero-width spaces out of the sentence text, not out of the range', () => {
    const { sentences } = sentencesOf(
      '<p>Schon im Mit&shy;tel&shy;al&shy;ter war der Wein be\u200Bkannt. It was close.</p>',
    );
    expect(sentences.map((s) => s.text)).toEqual([
      'Schon im Mittelalter war der Wein bekannt.',
      'It was close.',
    ]);
    expect(sentences[0]!.range.toString()).toContain('Mit\u00ADtel');
  });

  it('leaves footnote markers out of the text and gives them to the sentence they follow', () => {
    const { sentences } = sentencesOf(
      '<p>Prices rose 3%.<sup><a href="#fn1">[1]</a></sup> Wages did not.<sup><a href="#fn2">2</a></sup></p>',
    );
    expect(sentences.map((s) => s.text)).toEqual(['Prices rose 3%.', 'Wages did not.']);
    expect(sentences.map((s) => s.footnotes.map((f) => f.targetId))).toEqual([['fn1'], ['fn2']]);
  });

  it('skips what the article finder says is not body text', () => {
    const { sentences } = sentencesOf(
      '<p>Rain fell. <span class="ad">Buy now!</span> Roads flooded.</p>',
    );
    expect(sentences.map((s) => s.text)).toEqual(['Rain fell.', 'Roads flooded.']);
  });

  it('recognises footnote markers but not ordinary in-page links', () => {
    setBody(
      '<sup id="m"><a href="#n1">3</a></sup><a id="j" href="#section-2">see the second section</a>',
    );
    expect(footnoteTarget(document.getElementById('m')!)).toEqual({ marker: '3', targetId: 'n1' });
    expect(footnoteTarget(document.getElementById('j')!)).toBeNull();
  });
});

describe('page context', () => {
  it('resolves footnotes to their reference entry and collects outbound links', () => {
    setBody(`
      <nav><a href="https://other.example/nav">Nav</a></nav>
      <article id="root"><p>Text with <a href="https://src.example/a">a link</a>.</p>
        <p>More at <a href="https://src.example/b">b</a> and <a href="/local">local</a>.</p></article>
      <h2>References</h2>
      <ol><li id="fn1">Report, <a href="https://stats.example/r">Statistics office</a>, 2024.</li></ol>`);
    const fn = resolveFootnote(document, '[1]', 'fn1')!;
    expect(fn.links).toEqual([{ href: 'https://stats.example/r', text: 'Statistics office' }]);
    expect(fn.text).toContain('Report');
    expect(referenceLists(document)).toHaveLength(1);
    const ctx = pageContext(
      document,
      { root: document.getElementById('root')! },
      new Set(['https://src.example/a']),
    );
    expect(ctx.outboundLinks.map((l) => l.href)).toEqual([
      'https://src.example/b',
      'https://stats.example/r',
    ]);
  });

  it('walks thousands of links and paragraphs in small steps, with the same context', () => {
    const links = Array.from(
      { length: 40 },
      (_, i) =>
        `<p>Para ${i}: ${Array.from({ length: 25 }, (_, j) => `<a href="/local/${i}/${j}">l</a>`).join(' ')} and <a href="https://src${i}.example/x">source</a>.</p>`,
    ).join('');
    setBody(`<article id="root">${links}</article><h2>Sources</h2><ul><li>One</li></ul>`);
    const info = { root: document.getElementById('root')! };
    const count = (steps: Generator<void, unknown, void>) => {
      let n = 0;
      for (let r = steps.next(); !r.done; r = steps.next()) n++;
      return n;
    };
    expect(count(referenceListsSteps(document))).toBeGreaterThanOrEqual(1);
    // 1,040 links in the article: a step looks at a few dozen.
    expect(count(pageContextSteps(document, info, new Set()))).toBeGreaterThanOrEqual(30);
    const steps = pageContextSteps(document, info, new Set());
    let r = steps.next();
    while (!r.done) r = steps.next();
    expect(r.value).toEqual(pageContext(document, info, new Set()));
    expect(r.value.outboundLinks).toHaveLength(40);
  });

  it('sends the first LIMITS.pagesPerBatch outbound links, the most the background reads', () => {
    const paras = Array.from(
      { length: 100 },
      (_, i) => `<p>Para ${i} cites <a href="https://src${i}.example/x#p${i}">a source</a>.</p>`,
    ).join('');
    setBody(`<article id="root">${paras}</article>`);
    const ctx = pageContext(document, { root: document.getElementById('root')! }, new Set());
    expect(LIMITS.pagesPerBatch).toBeLessThan(LIMITS.outboundLinks);
    expect(ctx.outboundLinks.map((l) => l.href)).toEqual(
      Array.from({ length: LIMITS.pagesPerBatch }, (_, i) => `https://src${i}.example/x`),
    );
  });

  it('refuses non-http links', () => {
    expect(cleanHref('javascript:alert(1)')).toBeNull();
    expect(cleanHref('https://a.example/x#frag')).toBe('https://a.example/x');
  });
});
