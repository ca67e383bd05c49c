/**
 * Developer stand-in for the content script (`eval:extract --inject`): finds the article, cuts its
 * blocks into sentences, registers them as CSS highlights under `sourcelight-sentence` and reports
 * its status exactly as the test build of the extension does. Bundled by eval/lib/inject.mjs.
 */
import { findArticleSteps, isSkippedInline } from '../../utils/article/index';
import { readBlock, toSentences } from '../../utils/sentences/block-text';

/** A span of a block's text, as the segmenter returns it. */
export interface Span {
  start: number;
  end: number;
}

type Segment = (text: string, lang?: string) => Span[];

const BUDGET_MS = 8;

function status(detail: Record<string, unknown>): void {
  document.dispatchEvent(new CustomEvent('sourcelight:status', { detail: JSON.stringify(detail) }));
}

/** Run the find-segment-mark pipeline in slices of about BUDGET_MS. */
export async function run(segment: Segment): Promise<void> {
  let workMs = 0;
  let longestSliceMs = 0;
  const slices = async <T>(gen: Generator<unknown, T, void>): Promise<T> => {
    for (;;) {
      const start = performance.now();
      let r: IteratorResult<unknown, T>;
      do r = gen.next();
      while (!r.done && performance.now() - start < BUDGET_MS);
      const spent = performance.now() - start;
      workMs += spent;
      longestSliceMs = Math.max(longestSliceMs, spent);
      if (r.done) return r.value;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  status({ state: 'running', sentences: 0, headline: '', workMs, longestSliceMs });
  const article = await slices(findArticleSteps(document));
  if (!article) {
    status({ state: 'not-article', sentences: 0, headline: '', workMs, longestSliceMs });
    return;
  }
  const ranges: Range[] = [];
  const lang = article.lang;
  await slices(
    (function* () {
      for (const block of article.blocks) {
        const bt = readBlock(block.element, isSkippedInline);
        for (const s of toSentences(document, bt, segment(bt.text, lang))) ranges.push(s.range);
        yield;
      }
    })(),
  );
  const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
  const Ctor = (window as unknown as { Highlight: new (...r: Range[]) => unknown }).Highlight;
  registry.set('sourcelight-sentence', new Ctor(...ranges));
  status({
    state: 'done',
    sentences: ranges.length,
    headline: article.headline,
    workMs,
    longestSliceMs,
  });
}
