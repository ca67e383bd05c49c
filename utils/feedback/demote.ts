/**
 * The reader's "wrong source" verdicts applied to an answer: a source marked wrong for a
 * sentence is flagged and moved after every other source. Pure, so the background (answering,
 * fresh or from cache) and the content script (right after the click) apply the same rule.
 */
import type { SentenceSources } from '../messaging/types';

/** The key a verdict is stored under: the sentence's text, whitespace- and case-folded. */
export function sentenceKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** `answer` with the sources in `wrong` flagged and moved last; unflags the rest. */
export function applyWrongSources(
  answer: SentenceSources,
  wrong: ReadonlySet<string>,
): SentenceSources {
  if (answer.status !== 'sourced') return answer;
  const kept = [];
  const demoted = [];
  for (const source of answer.sources) {
    const { flagged: _old, ...rest } = source;
    if (wrong.has(source.url)) demoted.push({ ...rest, flagged: true });
    else kept.push(rest);
  }
  return { ...answer, sources: [...kept, ...demoted] };
}
