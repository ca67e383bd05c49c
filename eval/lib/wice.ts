/**
 * WiCE claim → cited-page items (../shared/corpora/wice-claim-evidence), as eval:match and the
 * bench read them. The `(meta data) TITLE:` line is kept as a passage (prefix removed) because a
 * page's title is real, quotable text the extension also has; the other meta lines (author,
 * publisher, date, copyright) are dropped because they are not text a quote could point to.
 */
import fs from 'node:fs';
import type { Passage, RankQuery } from '../../utils/ranking';

export interface Item {
  claim: string;
  evidence: string[];
  supporting_sentences: number[][];
  label: 'supported' | 'partially_supported' | 'not_supported';
  meta: { id: string; claim_title: string; claim_context?: string };
}

/** Every item of a JSONL file. */
export function readItems(path: string): Item[] {
  return fs
    .readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Item);
}

const META = /^\(meta data\) ([A-Z ]+):\s*/;
/** Passages of an item's cited page(s): see the header for the meta-line rule. */
export function pagePassages(it: Item): Passage[] {
  const out: Passage[] = [];
  it.evidence.forEach((line, index) => {
    const m = META.exec(line);
    if (m) {
      if (m[1] !== 'TITLE') return;
      const text = line.slice(m[0].length).trim();
      if (text) out.push({ docId: it.meta.id, index, text });
      return;
    }
    if (line.trim()) out.push({ docId: it.meta.id, index, text: line });
  });
  return out;
}

/**
 * The claim as a ranking query, with the sentence before it as context when known, and the title
 * of the Wikipedia article it comes from: the extension sends the title of the page a sentence is
 * on in the same way (PageContext.title).
 */
export const queryOf = (it: Item, withContext = true): RankQuery => ({
  text: it.claim,
  ...(withContext && it.meta.claim_context ? { prevText: it.meta.claim_context } : {}),
  ...(it.meta.claim_title ? { title: it.meta.claim_title } : {}),
});
