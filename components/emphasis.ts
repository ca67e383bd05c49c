/**
 * Splits a passage into plain and matched pieces so the view can wrap matches in <mark>
 * without ever parsing HTML: the pieces are rendered as text nodes.
 */

/** One run of a passage; `match` runs are emphasised. */
export interface TextPiece {
  text: string;
  match: boolean;
}

/** Bounds keep the regular expression small whatever the background sends. */
const MAX_TERMS = 64;
const MAX_TERM_CHARS = 64;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Splits `text` at every whole-word, case-insensitive occurrence of one of `terms`. Longer
 * terms win over their prefixes ("rates" before "rate"). Letters and digits of any script count
 * as word characters, so "rate" does not light up inside "separate".
 */
export function splitByTerms(text: string, terms: readonly string[]): TextPiece[] {
  const cleaned = [
    ...new Set(
      terms
        .map((term) => (typeof term === 'string' ? term.trim() : ''))
        .filter((term) => term.length > 0 && term.length <= MAX_TERM_CHARS),
    ),
  ]
    .slice(0, MAX_TERMS)
    .sort((a, b) => b.length - a.length);
  if (cleaned.length === 0 || text.length === 0) return text ? [{ text, match: false }] : [];
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}\\p{M}])(?:${cleaned.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}\\p{M}])`,
    'giu',
  );
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const start = m.index;
    if (start > last) pieces.push({ text: text.slice(last, start), match: false });
    pieces.push({ text: m[0], match: true });
    last = start + m[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), match: false });
  return mergeAdjacent(pieces);
}

/**
 * Joins matches separated only by spaces ("unemployment rate") into one run, so the reader sees
 * the matched phrase as a phrase rather than a row of separate boxes.
 */
function mergeAdjacent(pieces: TextPiece[]): TextPiece[] {
  const out: TextPiece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const prev = out[out.length - 1];
    const next = pieces[i + 1];
    if (prev?.match && !piece.match && next?.match && /^[ \u00a0]+$/.test(piece.text)) {
      prev.text += piece.text + next.text;
      i++;
    } else {
      out.push({ ...piece });
    }
  }
  return out;
}
