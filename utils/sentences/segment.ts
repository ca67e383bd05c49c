/**
 * Sentence segmentation as one left-to-right scan over the text. Only terminators, quotes,
 * brackets, bullets and newlines stop the scan; each stop decides from a few characters around
 * it (and small precompiled word lists) whether a sentence ends there. Cuts inside a short quote
 * or bracket pair are dropped when the pair closes, so "“Yes. Now,” she said." stays whole.
 */
import * as chars from './segment-chars';
import { EXCLAIM_NAMES, profileFor, type LangProfile } from './segment-lang';
import { phase } from '../perf/marks';

// Local bindings on purpose: when modules are compiled to CommonJS (tsx, vitest), every use of
// a named import goes through a getter, which would otherwise dominate the scan loop.
const {
  Cls,
  Kind,
  clsOf,
  familyOf,
  isArmenian,
  isCloser,
  isDash,
  isDigit,
  isFormat,
  isGreek,
  isHiragana,
  isSpace,
  isWordChar,
  kindOf,
} = chars;
type Kind = chars.Kind;

/** A sentence as offsets into the input: text.slice(start, end), trimmed of surrounding whitespace. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * Split `text` into sentences. `lang` is a BCP 47 tag or ISO 639-1 code (may be undefined: guess
 * from script). Spans are in order, non-overlapping, trimmed, and together cover every
 * non-whitespace character of `text`.
 */
export function segmentSentences(text: string, lang?: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  if (text.length === 0) return out;
  new Scanner(text, profileFor(lang, text), out).run();
  return out;
}

/** Characters scanned between two yields of {@link segmentSentencesSteps}. */
const CHARS_PER_STEP = 4096;

/**
 * {@link segmentSentences} as resumable steps for the content script: it yields every few
 * thousand characters, so one block of 100 KB of text never holds the main thread. The spans
 * are the same.
 */
export function* segmentSentencesSteps(
  text: string,
  lang?: string,
): Generator<void, SentenceSpan[], void> {
  phase('segment');
  const out: SentenceSpan[] = [];
  if (text.length === 0) return out;
  yield* new Scanner(text, profileFor(lang, text), out).steps(CHARS_PER_STEP);
  return out;
}

/** Quotes and brackets longer than this are not treated as one unit (a stray quote mark would
 * otherwise swallow a whole paragraph). */
const PAIR_LIMIT = 400;

// What starts after a terminator and its whitespace.
const S_NONE = 0; // punctuation that continues the sentence: , ; : ) ? …
const S_LOWER = 1;
const S_UPPER = 2;
const S_DIGIT = 3;
/** An opening bracket or quote before a capital or digit. */
const S_OPEN = 4;
/** Anything else that can open a sentence: caseless scripts, dashes, bullets, symbols. */
const S_OTHER = 5;

const DOT = 0x2e;
const ELLIPSIS = 0x2026;
const SPACE = 0x20;
const APOS = 0x27;
const LPAREN = 0x28;
const RPAREN = 0x29;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const DEGREE = 0xb0;
const ORDINAL_O = 0xba;
const INV_QUESTION = 0xbf;
const INV_EXCLAIM = 0xa1;
const DQUOTE = 0x22;

/** Quote marks that open by default when their context says nothing. */
function opensByDefault(c: number): boolean {
  return c === 0x201c || c === 0xab || c === 0x2039;
}

function isNewlineChar(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Punctuation after a quote mark that shows the quote is closing. */
function isTrailingPunct(c: number): boolean {
  return (
    c === 0x2c ||
    c === DOT ||
    c === 0x3b ||
    c === 0x3a ||
    c === 0x21 ||
    c === 0x3f ||
    c === ELLIPSIS
  );
}

function isSuperscriptDigit(c: number): boolean {
  return c === 0xb9 || c === 0xb2 || c === 0xb3 || (c >= 0x2070 && c <= 0x2079);
}

function isRomanChar(c: number): boolean {
  return (
    c === 0x49 || c === 0x56 || c === 0x58 || c === 0x4c || c === 0x43 || c === 0x44 || c === 0x4d
  );
}

class Scanner {
  private readonly t: string;
  private readonly n: number;
  private readonly p: LangProfile;
  private readonly out: SentenceSpan[];

  private blockStart = 0;
  private segStart = 0;
  /** Cuts made by punctuation, in order; those inside a closed pair are dropped. */
  private cuts: number[] = [];
  /** Cuts made by layout (bullets, list items, line breaks): never dropped. */
  private hard: number[] = [];
  private newlines: number[] = [];
  private sawTerminator = false;
  private famStack: number[] = [];
  private posStack: number[] = [];
  /** Outermost closed pairs of this block, flat [open, close, …], by position. */
  private pairs: number[] = [];
  /** List-marker candidates, flat [start, end, value, style*4+kind, atLineStart, …]. */
  private markers: number[] = [];
  private hadCloser = false;

  constructor(text: string, profile: LangProfile, out: SentenceSpan[]) {
    this.t = text;
    this.n = text.length;
    this.p = profile;
    this.out = out;
  }

  run(): void {
    const steps = this.steps(Infinity);
    while (!steps.next().done);
  }

  /** The scan, yielding whenever `chunk` more characters were scanned. */
  *steps(chunk: number): Generator<void, void, void> {
    const t = this.t;
    const n = this.n;
    let i = 0;
    let pause = chunk;
    while (i < n) {
      if (i >= pause) {
        yield;
        pause = i + chunk;
      }
      const c = t.charCodeAt(i);
      const k = kindOf(c);
      if (k === Kind.None) {
        i++;
        continue;
      }
      i = this.dispatch(k, c, i);
    }
    this.finishBlock(n);
  }

  private dispatch(k: Kind, c: number, i: number): number {
    switch (k) {
      case Kind.Newline:
        return this.onNewline(i);
      case Kind.Period:
      case Kind.Ellipsis:
        this.sawTerminator = true;
        return this.onDots(i);
      case Kind.QuestionExclaim:
        this.sawTerminator = true;
        return this.onQuestion(i);
      case Kind.Hard:
        this.sawTerminator = true;
        return this.onHard(i);
      case Kind.Open:
        this.push(familyOf(c), i);
        return i + 1;
      case Kind.Close:
        if (c === RPAREN && this.tryMarker(i)) return i + 1;
        this.close(familyOf(c), i);
        return i + 1;
      case Kind.Quote:
        this.onQuote(c, i);
        return i + 1;
      case Kind.Bullet:
        if (i > this.blockStart && isSpace(this.t.charCodeAt(i - 1))) this.hard.push(i);
        return i + 1;
      case Kind.Semicolon:
        if (this.letterBefore(i, isGreek)) {
          this.sawTerminator = true;
          return this.onQuestion(i);
        }
        return i + 1;
      case Kind.Colon:
        if (this.letterBefore(i, isArmenian)) {
          this.sawTerminator = true;
          return this.onQuestion(i);
        }
        return i + 1;
      default:
        return i + 1;
    }
  }

  /** Is the letter just before `i` (looking past dots, spaces and closers) of the given script? */
  private letterBefore(i: number, script: (c: number) => boolean): boolean {
    const t = this.t;
    const stop = Math.max(this.blockStart, i - 8);
    for (let q = i - 1; q >= stop; q--) {
      const c = t.charCodeAt(q);
      if (c === DOT || c === ELLIPSIS || c === SPACE || isCloser(c) || isFormat(c)) continue;
      return script(c);
    }
    return false;
  }

  // ---- blocks and line breaks -------------------------------------------------------------

  private onNewline(i: number): number {
    const t = this.t;
    const n = this.n;
    let j = i;
    let lines = 0;
    while (j < n) {
      const c = t.charCodeAt(j);
      if (c === 0x0d) {
        lines++;
        if (j + 1 < n && t.charCodeAt(j + 1) === 0x0a) j++;
      } else if (c === 0x2029) lines += 2;
      else if (isNewlineChar(c)) lines++;
      else if (!isSpace(c)) break;
      j++;
    }
    if (lines >= 2) {
      this.finishBlock(i);
      this.startBlock(j);
      return j;
    }
    this.newlines.push(i);
    if (j < n && this.lineStartsItem(j)) this.hard.push(j);
    return j;
  }

  /** Does a line starting at `j` open a list item ("- ", "• ", "1. ", "b) ")? */
  private lineStartsItem(j: number): boolean {
    const t = this.t;
    const c = t.charCodeAt(j);
    if (kindOf(c) === Kind.Bullet) return true;
    const next = j + 1 < this.n ? t.charCodeAt(j + 1) : -1;
    if ((c === 0x2d || c === 0x2a || c === 0x2b || c === 0x2013 || c === 0x2014) && isSpace(next))
      return true;
    let e = j;
    while (e < this.n && e - j < 3 && isAsciiDigit(t.charCodeAt(e))) e++;
    if (e === j && isAsciiLetter(c)) e = j + 1;
    if (e === j) return false;
    let d = t.charCodeAt(e);
    if (d === DOT && t.charCodeAt(e + 1) === RPAREN) d = t.charCodeAt(++e);
    if (d !== DOT && d !== RPAREN) return false;
    return e + 1 < this.n && isSpace(t.charCodeAt(e + 1));
  }

  private startBlock(j: number): void {
    this.blockStart = j;
    this.cuts.length = 0;
    this.hard.length = 0;
    this.newlines.length = 0;
    this.sawTerminator = false;
    this.famStack.length = 0;
    this.posStack.length = 0;
    this.pairs.length = 0;
    this.markers.length = 0;
  }

  private finishBlock(end: number): void {
    let cuts = this.cuts;
    const pairs = this.pairs;
    if (pairs.length > 0 && cuts.length > 0) {
      // A short quotation of two sentences stays one unit ("“We lost. We'll be back,” he said");
      // a longer passage keeps its inner cuts.
      const kept: number[] = [];
      let pi = 0;
      let ci = 0;
      while (ci < cuts.length) {
        const c = cuts[ci] as number;
        while (pi < pairs.length && (pairs[pi + 1] as number) < c) pi += 2;
        if (pi >= pairs.length || (pairs[pi] as number) >= c) {
          kept.push(c);
          ci++;
          continue;
        }
        const close = pairs[pi + 1] as number;
        let cj = ci;
        while (cj < cuts.length && (cuts[cj] as number) <= close) cj++;
        if (cj - ci > 1) for (let x = ci; x < cj; x++) kept.push(cuts[x] as number);
        ci = cj;
      }
      cuts = kept;
    }
    if (this.markers.length > 0) cuts = this.resolveMarkers(cuts);
    // A block without a single terminator is a list of lines (menus, captions, poems).
    if (!this.sawTerminator) for (const nl of this.newlines) this.hard.push(nl);
    let all = cuts;
    if (this.hard.length > 0) {
      all = cuts.concat(this.hard);
      all.sort((a, b) => a - b);
    }
    for (const c of all) {
      if (c > this.segStart && c < end) {
        this.emit(this.segStart, c);
        this.segStart = c;
      }
    }
    if (end > this.segStart) this.emit(this.segStart, end);
    this.segStart = end;
  }

  private emit(s: number, e: number): void {
    const t = this.t;
    while (s < e && isSpace(t.charCodeAt(s))) s++;
    while (e > s && isSpace(t.charCodeAt(e - 1))) e--;
    if (s < e) this.out.push({ start: s, end: e });
  }

  // ---- quotes and brackets ----------------------------------------------------------------

  private push(family: number, i: number): void {
    this.famStack.push(family);
    this.posStack.push(i);
  }

  private close(family: number, i: number): void {
    const fs = this.famStack;
    let d = fs.length - 1;
    const stop = Math.max(0, fs.length - 4);
    while (d >= stop && fs[d] !== family) d--;
    if (d < stop) return; // a closer with no opener: apostrophe, emoticon, list "1)"
    const o = this.posStack[d] as number;
    fs.length = d;
    this.posStack.length = d;
    if (i - o > PAIR_LIMIT) return;
    const pairs = this.pairs;
    while (pairs.length > 0 && (pairs[pairs.length - 2] as number) > o) pairs.length -= 2;
    pairs.push(o, i);
  }

  private onQuote(c: number, i: number): void {
    const t = this.t;
    const prev = i > this.blockStart ? t.charCodeAt(i - 1) : -1;
    const next = i + 1 < this.n ? t.charCodeAt(i + 1) : -1;
    const openBefore =
      prev < 0 ||
      isSpace(prev) ||
      isDash(prev) ||
      kindOf(prev) === Kind.Open ||
      kindOf(prev) === Kind.Quote;
    const closeAfter =
      next < 0 || isSpace(next) || isTrailingPunct(next) || kindOf(next) === Kind.Close;
    let opens: boolean;
    if (openBefore && !closeAfter) opens = true;
    else if (!openBefore && closeAfter) opens = false;
    else if (c === DQUOTE && !openBefore)
      return; // 5"x7": inches, not a quote
    else opens = opensByDefault(c);
    if (opens) this.push(4, i);
    else this.close(4, i);
  }

  /** Step over closing quotes/brackets and further terminators after a terminator. */
  private absorb(j: number): number {
    const t = this.t;
    const n = this.n;
    let k = j;
    this.hadCloser = false;
    while (k < n) {
      const c = t.charCodeAt(k);
      const kd = kindOf(c);
      if (
        kd === Kind.Period ||
        kd === Kind.QuestionExclaim ||
        kd === Kind.Hard ||
        kd === Kind.Ellipsis
      ) {
        k++;
      } else if (kd === Kind.Close || kd === Kind.Quote) {
        this.hadCloser = true;
        this.close(familyOf(c), k);
        k++;
      } else if (c === APOS) {
        this.hadCloser = true;
        k++;
      } else if (isFormat(c) || isSuperscriptDigit(c)) {
        k++; // invisible marks; footnote numbers "said.² Next"
      } else if (c === LBRACKET) {
        // A citation marker glued to the period: "said.[12] Next", "so.[a]"
        let e = k + 1;
        while (
          e < n &&
          e - k <= 4 &&
          (isAsciiDigit(t.charCodeAt(e)) || isAsciiLetter(t.charCodeAt(e)))
        )
          e++;
        if (e === k + 1 || e >= n || t.charCodeAt(e) !== RBRACKET) break;
        k = e + 1;
      } else break;
    }
    return k;
  }

  /** Index of the next non-space character from `k`, or -1 at the end or at a block break. */
  private skipSpace(k: number): number {
    const t = this.t;
    const n = this.n;
    let lines = 0;
    while (k < n) {
      const c = t.charCodeAt(k);
      if (!isSpace(c) && !isFormat(c)) return lines >= 2 ? -1 : k;
      if (isNewlineChar(c)) lines++;
      k++;
    }
    return -1;
  }

  // ---- what follows a terminator ----------------------------------------------------------

  private startClass(m: number): number {
    const t = this.t;
    const n = this.n;
    const c = t.charCodeAt(m);
    const cls = clsOf(c);
    if (cls === Cls.Upper) return S_UPPER;
    if (cls === Cls.Lower) {
      // Brands written in camel case (iPhone, eBay) start sentences in lower case.
      const c2 = m + 1 < n ? t.charCodeAt(m + 1) : -1;
      return c2 >= 0 && clsOf(c2) === Cls.Upper ? S_UPPER : S_LOWER;
    }
    if (cls === Cls.Digit) return S_DIGIT;
    if (cls === Cls.Caseless || cls === Cls.Mark) return S_OTHER;
    const kd = kindOf(c);
    if (
      kd === Kind.Open ||
      kd === Kind.Quote ||
      c === INV_QUESTION ||
      c === INV_EXCLAIM ||
      c === APOS
    ) {
      let b = m + 1;
      while (b < n) {
        const d = t.charCodeAt(b);
        const dk = kindOf(d);
        if (dk === Kind.Open || dk === Kind.Quote || d === INV_QUESTION || d === INV_EXCLAIM) b++;
        else break;
      }
      if (b >= n) return S_NONE;
      const d = t.charCodeAt(b);
      const dc = clsOf(d);
      if (dc === Cls.Lower) return S_LOWER;
      const spanish = c === INV_QUESTION || c === INV_EXCLAIM;
      if (dc === Cls.Upper) return spanish ? S_UPPER : S_OPEN;
      if (dc === Cls.Digit || dc === Cls.Caseless || d === DOT || d === ELLIPSIS)
        return spanish ? S_OTHER : S_OPEN;
      return S_NONE;
    }
    if (c === DOT || c === ELLIPSIS) return this.ellipsisStarts(m) ? S_OTHER : S_NONE;
    if (isDash(c)) {
      let b = m + 1;
      while (b < n && (isDash(t.charCodeAt(b)) || t.charCodeAt(b) === SPACE)) b++;
      if (b >= n) return S_NONE;
      const dc = clsOf(t.charCodeAt(b));
      return dc === Cls.Upper || dc === Cls.Digit || dc === Cls.Caseless ? S_OTHER : S_NONE;
    }
    if (kd === Kind.Bullet) return S_OTHER;
    // Currency, citations placeholders, hashtags, numbering signs.
    if (
      c === 0x3c ||
      c === 0x24 ||
      c === 0x20ac ||
      c === 0xa3 ||
      c === 0xa5 ||
      c === 0x23 ||
      c === 0x40 ||
      c === 0xa7 ||
      c === 0x2116
    ) {
      return S_OTHER;
    }
    return S_NONE;
  }

  /** Does an ellipsis at `m` open a sentence ("…and then", ". . . The")? */
  private ellipsisStarts(m: number): boolean {
    const t = this.t;
    const n = this.n;
    let b = m;
    let dots = 0;
    while (b < n) {
      const c = t.charCodeAt(b);
      if (c === DOT) dots++;
      else if (c === ELLIPSIS) dots += 3;
      else if (!(c === SPACE && b + 1 < n && t.charCodeAt(b + 1) === DOT)) break;
      b++;
    }
    if (dots < 2 || b >= n) return false;
    let c = t.charCodeAt(b);
    if (isWordChar(c)) return true;
    if (!isSpace(c)) return false;
    while (b < n && (c = t.charCodeAt(b)) === SPACE) b++;
    return b < n && (isWordChar(c) || isDigit(c));
  }

  /** Is the word at `m` (past opening quotes) one that usually opens a sentence? */
  private nextIsStarter(m: number): boolean {
    const t = this.t;
    const n = this.n;
    let a = m;
    while (a < n) {
      const c = t.charCodeAt(a);
      const kd = kindOf(c);
      if (kd === Kind.Open || kd === Kind.Quote || c === INV_QUESTION || c === INV_EXCLAIM) a++;
      else break;
    }
    if (a >= n || clsOf(t.charCodeAt(a)) === Cls.Lower) return false;
    let b = a;
    while (b < n && isWordChar(t.charCodeAt(b))) b++;
    if (b === a) return false;
    if (b - a === 1 && b < n && t.charCodeAt(b) === DOT) return false; // another initial
    return this.p.starters.has(t.slice(a, b).toLowerCase());
  }

  /** Is the word at `m` a title such as "Mr." (a likely sentence opener after "p.m.")? */
  private nextIsTitle(m: number): boolean {
    const t = this.t;
    let b = m;
    if (clsOf(t.charCodeAt(m)) !== Cls.Upper) return false;
    while (b < this.n && isWordChar(t.charCodeAt(b))) b++;
    // Two letters at least: a lone capital before a period is another initial.
    return (
      b - m >= 2 && t.charCodeAt(b) === DOT && this.p.nonTerminal.has(t.slice(m, b).toLowerCase())
    );
  }

  /** Number of words between the last cut and `i`. */
  private wordsSoFar(i: number): number {
    const t = this.t;
    const last =
      this.cuts.length > 0 ? (this.cuts[this.cuts.length - 1] as number) : this.blockStart;
    let words = 0;
    let inWord = false;
    for (let q = Math.max(last, this.segStart); q < i; q++) {
      const sp = isSpace(t.charCodeAt(q));
      if (!sp && !inWord) words++;
      inWord = !sp;
    }
    return words;
  }

  // ---- periods and ellipses ---------------------------------------------------------------

  private onDots(i: number): number {
    const t = this.t;
    const n = this.n;
    let j = i;
    let hasEllipsisChar = false;
    while (j < n) {
      const c = t.charCodeAt(j);
      if (c === DOT) j++;
      else if (c === ELLIPSIS) {
        hasEllipsisChar = true;
        j++;
      } else break;
    }
    const prev = i > this.blockStart ? t.charCodeAt(i - 1) : -1;
    if (j - i === 1 && !hasEllipsisChar) {
      if (prev < 0 || isSpace(prev)) {
        // ". . ." spaced out: three dots mark an omission, four end the sentence.
        let k = j;
        let dots = 1;
        while (k + 1 < n && t.charCodeAt(k) === SPACE && t.charCodeAt(k + 1) === DOT) {
          k += 2;
          dots++;
          while (k < n && t.charCodeAt(k) === DOT) {
            k++;
            dots++;
          }
        }
        if (dots === 3) return k;
        if (dots > 3) return this.afterEllipsis(k);
      }
      return this.onPeriod(i);
    }
    // "[...]" marks an omission inside a quotation.
    if ((prev === LBRACKET || prev === LPAREN) && j < n) {
      const c = t.charCodeAt(j);
      if (c === RBRACKET || c === RPAREN) return j;
    }
    return this.afterEllipsis(j);
  }

  private afterEllipsis(j: number): number {
    const k = this.absorb(j);
    if (k >= this.n || !isSpace(this.t.charCodeAt(k))) return k; // "mean...see"
    const m = this.skipSpace(k);
    if (m < 0) return k;
    const s = this.startClass(m);
    if (s !== S_NONE && s !== S_LOWER) this.cuts.push(k);
    return k;
  }

  private onPeriod(i: number): number {
    const t = this.t;
    const n = this.n;
    const j = i + 1;
    if (j >= n) return j;
    const next = t.charCodeAt(j);
    const nextCls = clsOf(next);
    if (nextCls === Cls.Upper || nextCls === Cls.Lower || nextCls === Cls.Caseless) {
      if (this.splitsWithoutSpace(i)) this.cuts.push(j);
      return j;
    }
    if (nextCls === Cls.Digit) return j;
    this.tryMarker(i);
    let k = this.absorb(j);
    let hadCloser = this.hadCloser;
    if (k >= n || !isSpace(t.charCodeAt(k))) return k;
    let m = this.skipSpace(k);
    if (m < 0) return k;
    // French puts a space before the closing guillemet: « Bonjour. » Il…
    for (;;) {
      const c = t.charCodeAt(m);
      const kd = kindOf(c);
      if (kd !== Kind.Close && kd !== Kind.Quote) break;
      const after = m + 1 < n ? t.charCodeAt(m + 1) : -1;
      if (kd === Kind.Quote && !(after < 0 || isSpace(after) || isTrailingPunct(after))) break;
      this.close(familyOf(c), m);
      hadCloser = true;
      k = m + 1;
      if (k >= n || !isSpace(t.charCodeAt(k))) return k;
      m = this.skipSpace(k);
      if (m < 0) return k;
    }
    const s = this.startClass(m);
    if (s === S_NONE || s === S_LOWER) return k;
    if (this.periodEnds(i, s, m, hadCloser)) this.cuts.push(k);
    return k;
  }

  /** Does the period at `i`, followed by whitespace and a start of class `s` at `m`, end a sentence? */
  private periodEnds(i: number, s: number, m: number, hadCloser: boolean): boolean {
    const t = this.t;
    let q = i - 1;
    while (q >= this.blockStart && isFormat(t.charCodeAt(q))) q--;
    if (q < this.blockStart) return true;
    const pc = t.charCodeAt(q);
    if (isSpace(pc) || isCloser(pc)) return true;
    if (isDigit(pc)) return hadCloser || this.numberEnds(q, s, m);
    if (isWordChar(pc) || pc === DEGREE || pc === ORDINAL_O) return this.wordEnds(q, s, m, i);
    return true;
  }

  private numberEnds(q: number, s: number, m: number): boolean {
    const t = this.t;
    let a = q;
    while (a > this.blockStart && isDigit(t.charCodeAt(a - 1))) a--;
    const digits = q - a + 1;
    const sep = a - 1 > this.blockStart ? t.charCodeAt(a - 1) : -1;
    const composite = (sep === DOT || sep === 0x2c) && isDigit(t.charCodeAt(a - 2));
    // "am 3. Oktober", "10. Pluku": an ordinal, unless a typical sentence opener follows.
    if (s === S_UPPER && this.p.ordinalDot && !composite && digits <= 3)
      return this.nextIsStarter(m);
    return true;
  }

  private wordEnds(q: number, s: number, m: number, i: number): boolean {
    const t = this.t;
    const p = this.p;
    const bs = this.blockStart;
    let wEnd = q + 1;
    let suffix = '';
    const pc = t.charCodeAt(q);
    if (pc === DEGREE || pc === ORDINAL_O) {
      wEnd = q;
      suffix = String.fromCharCode(pc);
    }
    let w = wEnd;
    while (w > bs && isWordChar(t.charCodeAt(w - 1))) w--;
    const wLen = wEnd - w;
    if (wLen === 0) return true;
    // Gather an abbreviation written with inner periods: "U.S", "Ph.D", "z. B", "s. r. o".
    let a = w;
    let segments = 1;
    let spaced = false;
    let segLen = wLen;
    let allShort = wLen <= 3;
    while (segments < 6) {
      if (a - 2 >= bs && t.charCodeAt(a - 1) === DOT && isWordChar(t.charCodeAt(a - 2))) {
        let b = a - 2;
        while (b > bs && isWordChar(t.charCodeAt(b - 1))) b--;
        // A long word before the period is a sentence run on without a space ("Tuesday.Mr").
        if (a - 1 - b > 4) break;
        segLen = a - 1 - b;
        if (segLen > 3) allShort = false;
        segments++;
        a = b;
        continue;
      }
      if (
        segLen === 1 &&
        a - 3 >= bs &&
        t.charCodeAt(a - 1) === SPACE &&
        t.charCodeAt(a - 2) === DOT &&
        isWordChar(t.charCodeAt(a - 3)) &&
        (a - 4 < bs || !isWordChar(t.charCodeAt(a - 4)))
      ) {
        segments++;
        spaced = true;
        a -= 3;
        continue;
      }
      break;
    }
    const multi = segments > 1;
    // Lists hold no abbreviation this long; skip building a key for ordinary long words.
    let key = '';
    if (multi || wLen <= 12) {
      key = t.slice(a, wEnd);
      if (spaced) key = key.replace(/ /g, '');
      key = key.toLowerCase() + suffix;
    }
    if (p.nonTerminal.has(key)) return false;
    const before = w > bs ? t.charCodeAt(w - 1) : -1;
    const standsAlone =
      before < 0 ||
      isSpace(before) ||
      before === DOT ||
      isDash(before) ||
      kindOf(before) === Kind.Open ||
      kindOf(before) === Kind.Quote ||
      before === APOS;
    if (!multi && wLen === 1 && !suffix && standsAlone) {
      // One letter: lower case ("p. 55", "v. If") never ends; capitals are initials.
      if (clsOf(t.charCodeAt(w)) !== Cls.Upper) return false;
      return s === S_UPPER && this.initialismEnds(m, i, key);
    }
    if (multi && allShort) return s === S_UPPER && this.initialismEnds(m, i, key);
    if (p.abbreviations.has(key)) {
      if (s === S_DIGIT || s === S_OPEN) return false;
      if (this.nextIsAbbreviation(m)) return false; // "Co. Ltd", "Bros. Inc."
      if (s === S_UPPER && p.capitalNouns) return this.nextIsStarter(m);
      return true;
    }
    if (p.ordinalDot && s === S_UPPER && wLen >= 2 && !multi) {
      let roman = true;
      for (let r = w; r < wEnd && roman; r++) roman = isRomanChar(t.charCodeAt(r));
      if (roman) return this.nextIsStarter(m);
    }
    return true;
  }

  /**
   * After "U.S." or an initial, a new sentence needs a typical opener ("How", "The"), or a
   * title ("Mr.") when the words before make a sentence of their own ("…at 6 P.M. Mr. Smith").
   */
  private initialismEnds(m: number, i: number, key: string): boolean {
    if (this.nextIsStarter(m)) return true;
    // After a time ("6 P.M.") a title opens a sentence; after a place ("U.S. Rep.") it does not.
    return (key === 'a.m' || key === 'p.m') && this.nextIsTitle(m) && this.wordsSoFar(i) >= 4;
  }

  /** Is the word at `m` itself a known abbreviation ("Ltd" after "Co.")? */
  private nextIsAbbreviation(m: number): boolean {
    const t = this.t;
    let b = m;
    while (b < this.n && b - m < 8 && isWordChar(t.charCodeAt(b))) b++;
    if (b === m || b - m >= 8) return false;
    const c = b < this.n ? t.charCodeAt(b) : -1;
    if (c >= 0 && !isSpace(c) && c !== DOT && c !== 0x2c) return false;
    return this.p.abbreviations.has(t.slice(m, b).toLowerCase());
  }

  /** "world.Today", "1,000.That": a missing space after a period, not a URL or a file name. */
  private splitsWithoutSpace(i: number): boolean {
    const t = this.t;
    const n = this.n;
    const bs = this.blockStart;
    if (clsOf(t.charCodeAt(i + 1)) !== Cls.Upper) return false;
    if (i + 2 >= n || !isWordChar(t.charCodeAt(i + 2))) return false;
    if (i - 1 < bs) return false;
    const pc = t.charCodeAt(i - 1);
    if (clsOf(pc) === Cls.Lower) {
      let w = i - 1;
      while (w > bs && isWordChar(t.charCodeAt(w - 1))) w--;
      if (i - w < 2) return false;
      const key = t.slice(w, i).toLowerCase();
      if (this.p.nonTerminal.has(key) || this.p.abbreviations.has(key)) return false;
      if (w > bs && t.charCodeAt(w - 1) === DOT) return false;
    } else if (isDigit(pc)) {
      let w = i - 1;
      let grouped = false;
      while (w > bs) {
        const c = t.charCodeAt(w - 1);
        if (c === 0x2c) grouped = true;
        else if (!isDigit(c)) break;
        w--;
      }
      if (!grouped && i - w < 3) return false; // "1.Helado, 2.Carne": an inline list
    } else return false;
    // Next word in capitals only: a file extension (".PDF") unless it is a Roman numeral.
    let b = i + 1;
    let caps = true;
    let roman = true;
    while (b < n && isWordChar(t.charCodeAt(b))) {
      const c = t.charCodeAt(b);
      if (clsOf(c) !== Cls.Upper) caps = false;
      if (!isRomanChar(c)) roman = false;
      b++;
    }
    if (caps && !roman) return false;
    return !this.inAddress(i, b);
  }

  /** Is the token around `i` (up to `b`) a URL, e-mail address, path or domain? */
  private inAddress(i: number, b: number): boolean {
    const t = this.t;
    for (let e = b; e < this.n && e < b + 64; e++) {
      const c = t.charCodeAt(e);
      if (isSpace(c)) break;
      if (c === 0x40 || c === 0x2f || c === 0x3d || c === 0x5c) return true;
      if (c === DOT && e + 1 < this.n && isWordChar(t.charCodeAt(e + 1))) return true;
    }
    for (let s = i - 1; s >= this.blockStart && s > i - 64; s--) {
      const c = t.charCodeAt(s);
      if (isSpace(c)) break;
      if (c === 0x40 || c === 0x2f || c === 0x3d || c === 0x5c || c === 0x3a) return true;
    }
    return false;
  }

  // ---- ? ! and the terminators of other scripts -------------------------------------------

  private onQuestion(i: number): number {
    const t = this.t;
    const n = this.n;
    const k = this.absorb(i + 1);
    const hadCloser = this.hadCloser;
    if (t.charCodeAt(i) === 0x21 && k === i + 1) {
      // "Yahoo!" is a name; it ends a sentence only before a typical opener.
      let w = i;
      while (w > this.blockStart && isWordChar(t.charCodeAt(w - 1))) w--;
      if (w < i && EXCLAIM_NAMES.has(t.slice(w, i).toLowerCase())) {
        const m = k < n && isSpace(t.charCodeAt(k)) ? this.skipSpace(k) : -1;
        if (m >= 0 && this.nextIsStarter(m)) this.cuts.push(k);
        return k;
      }
    }
    if (k >= n) return k;
    const c = t.charCodeAt(k);
    if (!isSpace(c)) {
      if (
        !hadCloser &&
        clsOf(c) === Cls.Upper &&
        k + 1 < n &&
        isWordChar(t.charCodeAt(k + 1)) &&
        !this.inAddress(i, k)
      ) {
        this.cuts.push(k);
      }
      return k;
    }
    const m = this.skipSpace(k);
    if (m < 0) return k;
    const s = this.startClass(m);
    if (s === S_NONE || (s === S_LOWER && hadCloser)) return k;
    this.cuts.push(k);
    return k;
  }

  private onHard(i: number): number {
    const k = this.absorb(i + 1);
    // 「すごい！」と言った: a quotation followed by a particle continues the sentence.
    if (k < this.n && this.hadCloser && isHiragana(this.t.charCodeAt(k))) return k;
    this.cuts.push(k);
    return k;
  }

  // ---- list items -------------------------------------------------------------------------

  /** Record "12." / "b)" / "3.)" at `i` (the period or parenthesis) as a possible list item. */
  private tryMarker(i: number): boolean {
    const t = this.t;
    const bs = this.blockStart;
    let a = i;
    while (a > bs && i - a < 3 && isAsciiDigit(t.charCodeAt(a - 1))) a--;
    let value: number;
    let kind: number;
    if (a < i) {
      if (a > bs && isAsciiDigit(t.charCodeAt(a - 1))) return false;
      value = Number(t.slice(a, i));
      kind = 0;
    } else if (i - 1 >= bs && isAsciiLetter(t.charCodeAt(i - 1))) {
      a = i - 1;
      const c = t.charCodeAt(a);
      value = (c | 0x20) - 0x60;
      kind = c < 0x61 ? 2 : 1;
    } else return false;
    if (a > bs) {
      const before = t.charCodeAt(a - 1);
      if (!isSpace(before) && kindOf(before) !== Kind.Bullet) return false;
    }
    let style: number;
    let end: number;
    if (t.charCodeAt(i) === DOT) {
      if (t.charCodeAt(i + 1) === RPAREN) {
        style = 2;
        end = i + 2;
      } else {
        style = 0;
        end = i + 1;
      }
    } else {
      style = 1;
      end = i + 1;
    }
    if (end >= this.n || !isSpace(t.charCodeAt(end))) return false;
    let b = a - 1;
    while (b >= bs && (t.charCodeAt(b) === SPACE || t.charCodeAt(b) === 0x09)) b--;
    const atLine =
      b < bs || isNewlineChar(t.charCodeAt(b)) || kindOf(t.charCodeAt(b)) === Kind.Bullet;
    this.markers.push(a, end, value, style * 4 + kind, atLine ? 1 : 0);
    return true;
  }

  /**
   * Markers that count up (1., 2. / a), b)) are list items: cut before each, and drop the cut
   * their own period made. "1." style lists must start a line; "1)" style may run inline.
   */
  private resolveMarkers(cuts: number[]): number[] {
    const mk = this.markers;
    const count = mk.length / 5;
    const accepted = new Uint8Array(count);
    let r = 0;
    while (r < count) {
      let e = r;
      while (
        e + 1 < count &&
        mk[(e + 1) * 5 + 3] === mk[r * 5 + 3] &&
        mk[(e + 1) * 5 + 2] === (mk[e * 5 + 2] as number) + 1
      )
        e++;
      const style = (mk[r * 5 + 3] as number) >> 2;
      if (e > r && (style !== 0 || mk[r * 5 + 4] === 1))
        for (let x = r; x <= e; x++) accepted[x] = 1;
      r = e + 1;
    }
    let result = cuts;
    for (let x = 0; x < count; x++) {
      const atLine = mk[x * 5 + 4] === 1;
      if (!accepted[x] && !atLine) continue;
      const start = mk[x * 5] as number;
      const end = mk[x * 5 + 1] as number;
      result = result.filter((c) => c <= start || c > end);
      if (accepted[x] && !atLine) this.hard.push(start);
    }
    return result;
  }
}
