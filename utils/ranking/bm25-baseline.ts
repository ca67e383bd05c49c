// Plain Okapi BM25, the yardstick `eval:match` compares the ranker with: lower-cased Unicode word
// tokens (`\w+` over letters, digits and underscore), k1 = 1.2, b = 0.75, no stemming, no stop
// words, no other tricks. Not used by the extension.

const TOKEN = /[\p{L}\p{N}_]+/gu;
const K1 = 1.2;
const B = 0.75;

/** Lower-cased word tokens of a text. */
export function bm25Tokens(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

/** A BM25 index over documents given as token lists. */
export class Bm25 {
  private readonly tf: Map<string, number>[] = [];
  private readonly len: number[] = [];
  private readonly df = new Map<string, number>();
  private readonly avgLen: number;

  constructor(docs: string[]) {
    let total = 0;
    for (const d of docs) {
      const toks = bm25Tokens(d);
      const tf = new Map<string, number>();
      for (const t of toks) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      this.tf.push(tf);
      this.len.push(toks.length);
      total += toks.length;
    }
    this.avgLen = docs.length ? total / docs.length || 1 : 1;
  }

  /** Number of documents. */
  get size(): number {
    return this.tf.length;
  }

  /** BM25 score of every document for `query` (each query token counted once per occurrence). */
  scores(query: string): Float64Array {
    const n = this.tf.length;
    const out = new Float64Array(n);
    for (const q of bm25Tokens(query)) {
      const df = this.df.get(q);
      if (!df) continue;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (let i = 0; i < n; i++) {
        const f = this.tf[i]!.get(q);
        if (!f) continue;
        out[i]! += (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * this.len[i]!) / this.avgLen));
      }
    }
    return out;
  }

  /** Document ordinals by descending score (ties: earlier first). */
  rank(query: string): number[] {
    const s = this.scores(query);
    return [...s.keys()].sort((a, b) => s[b]! - s[a]! || a - b);
  }
}
