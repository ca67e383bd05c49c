/**
 * Character tables for the sentence segmenter. Everything the scanner asks about a character is
 * answered from a typed-array lookup, so the hot loop never runs a regular expression.
 */

/** What a character means to the scanner's main loop (0: nothing, keep going). */
export const Kind = {
  None: 0,
  Newline: 1,
  Period: 2,
  /** ASCII ? and ! and their doubled forms: end a sentence when what follows agrees. */
  QuestionExclaim: 3,
  /** Terminators of scripts that need no space after them (CJK, Devanagari, Ethiopic…). */
  Hard: 4,
  Ellipsis: 5,
  Open: 6,
  Close: 7,
  /** Quote marks whose direction depends on the context (" “ ” « » ‹ ›). */
  Quote: 8,
  Bullet: 9,
  /** ; ends a question in Greek only. */
  Semicolon: 10,
  /** : ends a sentence in Armenian text (often typed for ։). */
  Colon: 11,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

/** Letter case classes, from Unicode general categories. */
export const Cls = {
  Unknown: 0,
  Upper: 1,
  Lower: 2,
  /** A letter of a script without case (Han, Arabic, Devanagari…). */
  Caseless: 3,
  Mark: 4,
  Digit: 5,
  Other: 6,
} as const;
export type Cls = (typeof Cls)[keyof typeof Cls];

const KIND = new Uint8Array(0x10000);

function setKinds(chars: string, kind: Kind): void {
  for (let i = 0; i < chars.length; i++) KIND[chars.charCodeAt(i)] = kind;
}

setKinds('\n\r\u2028\u2029', Kind.Newline);
setKinds('.', Kind.Period);
setKinds('?!\u203C\u2047\u2048\u2049\u203D', Kind.QuestionExclaim);
setKinds(
  // CJK full stop, fullwidth ! ?, halfwidth stop, Devanagari danda/double danda, Urdu full stop,
  // Arabic question mark, Ethiopic full stop/question/paragraph, Myanmar section, Armenian full
  // stop, Khmer, Tibetan shad, Sinhala, Thai-less.
  '\u3002\uFF01\uFF1F\uFF61\u0964\u0965\u06D4\u061F\u1362\u1367\u1368\u104B\u0589\u17D4\u17D5\u0F0D\u0DF4\u037E',
  Kind.Hard,
);
setKinds('\u2026', Kind.Ellipsis);
setKinds('([{\u201E\u201A\u2018\u300C\u300E\u300A\u3008\uFF08\u3010\u3014\uFF3B\uFF5B', Kind.Open);
setKinds(')]}\u2019\u300D\u300F\u300B\u3009\uFF09\u3011\u3015\uFF3D\uFF5D', Kind.Close);
setKinds('"\u201C\u201D\u00AB\u00BB\u2039\u203A', Kind.Quote);
setKinds(
  '\u2022\u2043\u2023\u25E6\u25AA\u25AB\u25CF\u25A0\u25A1\u25CB\u25C6\u25C7\u2605\u2606\u27A2\u27A4\u2794\u2713\u2714\u2219',
  Kind.Bullet,
);
setKinds(';', Kind.Semicolon);
setKinds(':', Kind.Colon);

/** The scanner's view of the character code `c`. */
export function kindOf(c: number): Kind {
  return KIND[c] as Kind;
}

/**
 * Pair families: an opener is closed only by a closer of its own family. Every double quote
 * style shares one family, because styles mix in real text („…“, »…«, “…”).
 */
const FAMILY = new Uint8Array(0x10000);
function setFamily(chars: string, family: number): void {
  for (let i = 0; i < chars.length; i++) FAMILY[chars.charCodeAt(i)] = family;
}
setFamily('()', 1);
setFamily('[]', 2);
setFamily('{}', 3);
setFamily('"\u201C\u201D\u201E\u00AB\u00BB\u2039\u203A', 4);
setFamily('\u2018\u2019\u201A', 5);
setFamily('\u300C\u300D', 6);
setFamily('\u300E\u300F', 7);
setFamily('\u300A\u300B', 8);
setFamily('\u3008\u3009', 9);
setFamily('\uFF08\uFF09', 10);
setFamily('\u3010\u3011', 11);
setFamily('\u3014\u3015', 12);
setFamily('\uFF3B\uFF3D', 13);
setFamily('\uFF5B\uFF5D', 14);

/** The pair family of a bracket or quote (0: not one). */
export function familyOf(c: number): number {
  return FAMILY[c] ?? 0;
}

const CLS = new Uint8Array(0x10000);
const RE_UPPER = /[\p{Lu}\p{Lt}]/u;
const RE_LOWER = /\p{Ll}/u;
const RE_LETTER = /[\p{Lo}\p{Lm}]/u;
const RE_MARK = /\p{M}/u;
const RE_DIGIT = /\p{Nd}/u;

function computeCls(c: number): Cls {
  if (c >= 0xd800 && c <= 0xdfff) return Cls.Other;
  const ch = String.fromCharCode(c);
  if (RE_LOWER.test(ch)) return Cls.Lower;
  if (RE_UPPER.test(ch)) return Cls.Upper;
  if (RE_LETTER.test(ch)) return Cls.Caseless;
  if (RE_MARK.test(ch)) return Cls.Mark;
  if (RE_DIGIT.test(ch)) return Cls.Digit;
  return Cls.Other;
}

/** Case class of `c`, computed once per code unit and remembered. */
export function clsOf(c: number): Cls {
  let v = CLS[c] as Cls;
  if (v === Cls.Unknown) {
    v = computeCls(c);
    CLS[c] = v;
  }
  return v;
}

/** Letters and combining marks: the stuff words are made of. */
export function isWordChar(c: number): boolean {
  const v = clsOf(c);
  return v === Cls.Upper || v === Cls.Lower || v === Cls.Caseless || v === Cls.Mark;
}

export function isLetter(c: number): boolean {
  const v = clsOf(c);
  return v === Cls.Upper || v === Cls.Lower || v === Cls.Caseless;
}

export function isDigit(c: number): boolean {
  return clsOf(c) === Cls.Digit;
}

/** Whitespace as `String.prototype.trim` sees it, so spans trim the same way callers do. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false; // U+0085 is not whitespace to String.prototype.trim
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Invisible format characters (bidi marks, zero-width joiners): looked through, never split on. */
export function isFormat(c: number): boolean {
  return (
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2069) ||
    c === 0xad
  );
}

/** Characters that may follow a terminator and still belong to its sentence. */
export function isCloser(c: number): boolean {
  const k = KIND[c];
  return k === Kind.Close || k === Kind.Quote || c === 0x27; /* ' */
}

/** Dashes that open dialogue or an aside after a terminator. */
export function isDash(c: number): boolean {
  return c === 0x2d || (c >= 0x2010 && c <= 0x2015) || c === 0x2212;
}

export function isHiragana(c: number): boolean {
  return c >= 0x3040 && c <= 0x309f;
}

/** Letter whose script is Greek (for the Greek question mark ;). */
export function isGreek(c: number): boolean {
  return (c >= 0x0370 && c <= 0x03ff) || (c >= 0x1f00 && c <= 0x1fff);
}

/** Letter whose script is Armenian (Armenian text is often typed with : for ։). */
export function isArmenian(c: number): boolean {
  return c >= 0x0531 && c <= 0x058f;
}
