// Text fragment directives (`#:~:text=`) that make the browser scroll to and highlight a quote.
// The browser highlights the FIRST range matching the directive, so we simulate the spec's
// matching over the source's plain text (case-insensitive, whitespace collapsed, matches only at
// word boundaries) and grow the directive (more words, then a prefix or suffix) until that first
// match is exactly our passage.

/** A text directive's parts, before percent-encoding. */
export interface TextDirective {
  prefix?: string;
  textStart: string;
  textEnd?: string;
  suffix?: string;
}

interface Folded {
  /** Lower-case text with runs of white space collapsed to one space. */
  s: string;
  /** For each char of `s`, its offset in the original text. */
  map: number[];
}

function fold(text: string): Folded {
  let s = '';
  const map: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if (code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(ch))) {
      space = true;
      continue;
    }
    if (space && s.length) {
      s += ' ';
      map.push(i - 1);
    }
    space = false;
    const low = ch.toLowerCase();
    for (let k = 0; k < low.length; k++) {
      s += low[k];
      map.push(i);
    }
  }
  return { s, map };
}

function foldPattern(p: string): string {
  return fold(p).s;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
/** A word boundary of folded text `s` at offset `i` (between s[i-1] and s[i]). */
function boundary(s: string, i: number): boolean {
  if (i <= 0 || i >= s.length) return true;
  return !(WORD.test(s[i - 1]!) && WORD.test(s[i]!));
}

/** Offsets where `pat` occurs in `s` from `from` on, at word boundaries on both sides. */
function* occurrences(s: string, pat: string, from: number): Generator<number> {
  if (!pat) return;
  let i = s.indexOf(pat, from);
  while (i >= 0) {
    if (boundary(s, i) && boundary(s, i + pat.length)) yield i;
    i = s.indexOf(pat, i + 1);
  }
}

/** Skips one optional space in folded text. */
const skipSpace = (s: string, i: number): number => (s[i] === ' ' ? i + 1 : i);

/**
 * The range of `text` (original offsets, end exclusive) that a browser would highlight for the
 * directive: its first match, or null. Plain-text model of the Text Fragments spec.
 */
export function findTextDirective(
  text: string,
  d: TextDirective,
): { start: number; end: number } | null {
  const f = fold(text);
  const r = findFolded(f.s, d);
  if (!r) return null;
  return { start: f.map[r.start]!, end: f.map[r.end - 1]! + 1 };
}

function findFolded(s: string, d: TextDirective): { start: number; end: number } | null {
  const start = foldPattern(d.textStart);
  const end = d.textEnd ? foldPattern(d.textEnd) : '';
  const prefix = d.prefix ? foldPattern(d.prefix) : '';
  const suffix = d.suffix ? foldPattern(d.suffix) : '';
  const suffixAt = (i: number): boolean => {
    if (!suffix) return true;
    const j = skipSpace(s, i);
    return s.startsWith(suffix, j) && boundary(s, j) && boundary(s, j + suffix.length);
  };
  const starts: number[] = [];
  if (prefix) {
    for (const p of occurrences(s, prefix, 0)) {
      const j = skipSpace(s, p + prefix.length);
      if (s.startsWith(start, j) && boundary(s, j) && boundary(s, j + start.length)) starts.push(j);
    }
  } else {
    for (const j of occurrences(s, start, 0)) starts.push(j);
  }
  for (const st of starts) {
    const afterStart = st + start.length;
    if (!end) {
      if (suffixAt(afterStart)) return { start: st, end: afterStart };
      continue;
    }
    for (const e of occurrences(s, end, afterStart)) {
      if (suffixAt(e + end.length)) return { start: st, end: e + end.length };
      if (!suffix) break;
    }
  }
  return null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Percent-encodes one directive part; `-`, `&` and `,` are syntax, so they are encoded too. */
export function encodePart(s: string): string {
  // encodeURIComponent throws on a lone surrogate (found in real pages' broken text): such a code
  // unit becomes U+FFFD, which no browser will match, instead of failing the whole answer.
  const wellFormed = s.replace(LONE_SURROGATE, '\uFFFD');
  return encodeURIComponent(wellFormed).replace(/-/g, '%2D');
}

/** The directive as it follows `#:~:text=`. */
export function formatDirective(d: TextDirective): string {
  const parts: string[] = [];
  if (d.prefix) parts.push(`${encodePart(d.prefix)}-`);
  parts.push(encodePart(d.textStart));
  if (d.textEnd) parts.push(encodePart(d.textEnd));
  if (d.suffix) parts.push(`-${encodePart(d.suffix)}`);
  return parts.join(',');
}

/** Quotes shorter than this are quoted whole; longer ones as textStart,textEnd. */
const WHOLE_MAX_CHARS = 80;
const MAX_EDGE_WORDS = 10;
const MAX_CONTEXT_WORDS = 4;

/** Words of original text [a, b) with their original spans, splitting on white space. */
function wordsOf(text: string, a: number, b: number): { w: string; s: number; e: number }[] {
  const out: { w: string; s: number; e: number }[] = [];
  const re = /\S+/g;
  const slice = text.slice(a, b);
  for (const m of slice.matchAll(re))
    out.push({ w: m[0], s: a + m.index, e: a + m.index + m[0].length });
  return out;
}

/**
 * The text directive (the part after `#:~:text=`, percent-encoded) whose first match in
 * `sourceText` is the passage [start, end). Returns '' when no directive can single it out
 * (for instance a passage that is not at word boundaries and repeats verbatim earlier).
 */
export function textFragmentFor(sourceText: string, start: number, end: number): string {
  const d = directiveFor(sourceText, start, end);
  return d ? formatDirective(d) : '';
}

/** The unencoded directive for [start, end) of `sourceText`, or null. */
export function directiveFor(sourceText: string, start: number, end: number): TextDirective | null {
  const words = wordsOf(sourceText, start, end);
  if (!words.length) return null;
  const target = { start: words[0]!.s, end: words[words.length - 1]!.e };
  const before = wordsOf(sourceText, Math.max(0, target.start - 400), target.start).slice(
    -MAX_CONTEXT_WORDS,
  );
  const after = wordsOf(
    sourceText,
    target.end,
    Math.min(sourceText.length, target.end + 400),
  ).slice(0, MAX_CONTEXT_WORDS);
  const join = (ws: { w: string }[]) => ws.map((x) => x.w).join(' ');
  const folded = fold(sourceText); // once: every try below searches the same text
  const hits = (d: TextDirective): boolean => {
    const r = findFolded(folded.s, d);
    return !!r && folded.map[r.start] === target.start && folded.map[r.end - 1]! + 1 === target.end;
  };
  const cores: TextDirective[] = [];
  const whole = join(words);
  if (whole.length <= WHOLE_MAX_CHARS || words.length < 4) cores.push({ textStart: whole });
  for (let n = 2; n <= MAX_EDGE_WORDS && 2 * n <= words.length; n++) {
    cores.push({ textStart: join(words.slice(0, n)), textEnd: join(words.slice(-n)) });
  }
  if (!cores.length || cores[0]!.textEnd) cores.push({ textStart: whole });
  for (const core of cores) if (hits(core)) return core;
  // Not first on its own: add context before, then after, then both.
  for (const core of cores.slice(0, 3)) {
    for (let k = 1; k <= MAX_CONTEXT_WORDS; k++) {
      const prefix = before.length >= k ? join(before.slice(-k)) : undefined;
      const suffix = after.length >= k ? join(after.slice(0, k)) : undefined;
      const tries: TextDirective[] = [];
      if (prefix) tries.push({ ...core, prefix });
      if (suffix) tries.push({ ...core, suffix });
      if (prefix && suffix) tries.push({ ...core, prefix, suffix });
      for (const t of tries) if (hits(t)) return t;
    }
  }
  return null;
}

/**
 * Convenience for callers holding a quote rather than offsets: finds `quote` in `sourceText`
 * (white space and case insensitive, nearest to `hint`) and returns its directive, or ''.
 */
export function textFragmentForQuote(sourceText: string, quote: string, hint = 0): string {
  const f = fold(sourceText);
  const q = foldPattern(quote);
  if (!q) return '';
  let best = -1;
  let bestDist = Infinity;
  for (let i = f.s.indexOf(q); i >= 0; i = f.s.indexOf(q, i + 1)) {
    const dist = Math.abs(f.map[i]! - hint);
    if (dist < bestDist) {
      best = i;
      bestDist = dist;
    }
  }
  if (best < 0) return '';
  return textFragmentFor(sourceText, f.map[best]!, f.map[best + q.length - 1]! + 1);
}
