// The same wire story often appears on many sites. Showing it five times says nothing new, so
// near-duplicate sources are folded into one entry that counts its copies. Similarity is the
// Jaccard overlap of word 5-shingles, estimated with MinHash so many pages compare cheaply.

import { foldWord } from './analyse';

const SHINGLE = 5;
const HASHES = 96;
/** Jaccard from which two texts are copies of one story. */
export const COPY_JACCARD = 0.5;
/** Share of the shorter text found in the longer one from which it is a (cut) copy. */
export const COPY_CONTAINMENT = 0.8;

/** 32-bit FNV-1a: stable across runs and engines. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Hashes of the word 5-shingles of a text (folded words, punctuation ignored). */
export function shingles(text: string): Set<number> {
  const words = (text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).map(foldWord);
  const out = new Set<number>();
  if (words.length < SHINGLE) {
    if (words.length) out.add(fnv(words.join(' ')));
    return out;
  }
  for (let i = 0; i + SHINGLE <= words.length; i++)
    out.add(fnv(words.slice(i, i + SHINGLE).join(' ')));
  return out;
}

// Fixed odd multipliers and offsets: a deterministic family of hash permutations.
const A: number[] = [];
const B: number[] = [];
for (let i = 0, seed = 0x9e3779b9; i < HASHES; i++) {
  seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x297a2d39) >>> 0;
  A.push(seed | 1);
  seed = (Math.imul(seed ^ (seed >>> 12), 0x297a2d39) + 0x2c1b3c6d) >>> 0;
  B.push(seed);
}

/** MinHash signature of a shingle set. */
export function signature(set: Set<number>): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < HASHES; i++) {
      const h = (Math.imul(x, A[i]!) + B[i]!) >>> 0;
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two signatures. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Whether two texts (with their shingle counts) are copies, from an estimated Jaccard. */
export function areCopies(j: number, sizeA: number, sizeB: number): boolean {
  if (j >= COPY_JACCARD) return true;
  const small = Math.min(sizeA, sizeB);
  if (!small) return false;
  // |A∩B| = J(|A|+|B|)/(1+J): lets a shortened copy of a long story count as a copy.
  const inter = (j * (sizeA + sizeB)) / (1 + j);
  return inter / small >= COPY_CONTAINMENT;
}

/** What dedupe needs of a shown source. */
export interface CopyItem {
  url: string;
  publishedAt?: string;
  copies?: number;
}

/** What dedupe needs of a source's document. */
export interface CopyDoc {
  text: string;
  url?: string;
  finalUrl?: string;
  siteName?: string;
  publishedAt?: string;
}

function docFor(docs: ReadonlyMap<string, CopyDoc>, url: string): CopyDoc | undefined {
  const d = docs.get(url);
  if (d) return d;
  for (const v of docs.values()) if (v.finalUrl === url || v.url === url) return v;
  return undefined;
}

/**
 * Folds near-duplicate sources into one entry per story, keeping list order by each group's best
 * entry. The entry kept is the original when it can be told: the copy the others credit by site
 * name ("(Reuters) —"), else the earliest dated, else the best ranked. `copies` counts the others.
 */
export function collapseCopies<T extends CopyItem>(
  items: T[],
  docs: ReadonlyMap<string, CopyDoc>,
): T[] {
  const info = items.map((it) => {
    const d = docFor(docs, it.url);
    const sh = shingles(d?.text ?? '');
    return { it, d, size: sh.size, sig: signature(sh) };
  });
  // Union-find over pairs that are copies.
  const parent = info.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < info.length; i++) {
    for (let j = i + 1; j < info.length; j++) {
      const a = info[i]!;
      const b = info[j]!;
      if (!a.size || !b.size) continue;
      if (areCopies(estimateJaccard(a.sig, b.sig), a.size, b.size)) parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, number[]>();
  info.forEach((_, i) => {
    const r = root(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });
  const out: T[] = [];
  for (const members of groups.values()) {
    if (members.length === 1) {
      out.push(items[members[0]!]!);
      continue;
    }
    const pick = originalOf(members.map((i) => info[i]!));
    const kept = members[pick]!;
    out.push({ ...items[kept]!, copies: members.length - 1 });
  }
  return out;
}

/** Index (within `group`, which is in rank order) of the entry most likely the original. */
export function originalOf(group: { it: CopyItem; d?: CopyDoc }[]): number {
  const credited = group.map((g, i) => {
    const site = g.d?.siteName?.trim();
    if (!site || site.length < 2) return 0;
    const re = new RegExp(
      `(?:^|[^\\p{L}])${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[^\\p{L}]|$)`,
      'iu',
    );
    return group.filter((o, j) => j !== i && o.d && re.test(o.d.text)).length;
  });
  const dateOf = (g: { it: CopyItem; d?: CopyDoc }): number => {
    const t = Date.parse(g.it.publishedAt ?? g.d?.publishedAt ?? '');
    return Number.isFinite(t) ? t : Infinity;
  };
  let best = 0;
  for (let i = 1; i < group.length; i++) {
    const c = credited[i]! - credited[best]!;
    if (c > 0 || (c === 0 && dateOf(group[i]!) < dateOf(group[best]!))) best = i;
  }
  return best;
}
