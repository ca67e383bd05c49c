/**
 * Lines that sit among the body's paragraphs but belong to the site, not the story: photo
 * credits, "follow us on…", donation and letter appeals, affiliate and liability disclaimers,
 * cookie notices, copyright lines, and the labels of what follows the story ("Related coverage",
 * "Weitere Artikel zum Thema", "Keine Kommentare"). Sites write them as plain paragraphs or
 * headings, so no class word marks them; their wording does, in the languages we see most.
 * Each pattern needs the act and its object together, so a story about Instagram, donations or
 * cookies is not taken for one.
 */
import { isSpace } from '../sentences/segment-chars';
import type { Steps } from './steps';

/** Longer than this, a block is prose that may use these words, not a site line. */
const MAX_LINE_CHARS = 240;
/** A label of what follows the story is a few words at most. */
const MAX_LABEL_CHARS = 60;

/**
 * A caption or credit line that ends in the picture's credit. The © must stand on its own: in
 * text decoded with the wrong charset, "é" reads "Ã©".
 */
const CREDIT =
  /(?:(?:^|[\s(])©|\b(?:copyright|foto|fotos|photo|photos|bild|titelbild|symbolbild|image|credit|crédit|crédito|imagen)\s*:)\s*[^.!?]{0,80}$/i;
/** A block that is nothing but a picture agency's name. */
const AGENCY =
  /^[(\s]*(?:getty images|istock(?:\.com)?|shutterstock|reuters|afp|dpa|ap photo|imago(?: images)?|picture[- ]alliance|epa|keystone)[)\s.]*$/i;

const READER_LINES = [
  // Follow us
  /^(?:please )?(?:follow|like)\b.{0,60}\bon (?:twitter|x|facebook|instagram|tiktok|youtube|linkedin|threads|bluesky|mastodon|telegram|whatsapp)\b/i,
  /\b(?:follow us|s[ií]guenos|folgen sie uns|folge uns|suivez-nous|seguici|obserwuj nas)\b/i,
  // Donations and support
  /\b(?:would|will|could|please) you (?:consider )?(?:supporting|support|donating|a donation)\b/i,
  /\bplease consider (?:supporting|donating|a donation|a contribution)\b/i,
  /\bwe rely on (?:your|our readers'?|reader) support\b/i,
  /\bjede (?:kleine )?spende (?:hilft|zählt)\b|\b(?:unterstützen sie|unterstütze) (?:uns|unseren|unsere)\b/i,
  // Letters to the editor
  /\bsubmit (?:your|a) letter to the editor\b|\bleserbrief (?:schreiben|senden)\b/i,
  // Affiliate and liability disclaimers
  /\badvertisers do not influence\b|\bwe may (?:earn|receive) (?:a )?(?:small )?(?:commission|compensation)\b/i,
  /\b(?:affiliate|provisions)-?links?\b.{0,80}\b(?:commission|provision|vergütung)\b/i,
  /\b(?:contains|includes|enthält|beinhaltet)\b.{0,40}\baffiliate[- ]?links?\b/i,
  /\bis not responsible for the (?:opinions|content|views|statements)\b/i,
  // Cookies
  /\b(?:we use|this (?:site|website) uses|korzystamy z|używamy|wir verwenden|nous utilisons|usamos|utilizamos) (?:plików )?cookies?\b/i,
  /\b(?:verwenden|nutzen|setzen) wir cookies\b|\b(?:diese|unsere) (?:website|webseite|seite) (?:verwendet|nutzt) cookies\b|\bnutzung (?:dieser|unserer) (?:website|webseite|seite) stimmen sie\b/i,
  // Copyright
  /\b(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|vervielfältigung nur mit)\b/i,
];

/**
 * One pattern of alternatives: a single pass over the text instead of one per pattern. All the
 * lists here are case-insensitive, and `test` needs no capture groups.
 */
export function anyOf(patterns: RegExp[]): RegExp {
  return new RegExp(patterns.map((re) => `(?:${re.source})`).join('|'), 'i');
}

/** Built on first use, inside a slice: building patterns at load lengthens the script's start. */
let readerLine: RegExp | undefined;

/** The start of a label for what follows the story: related pieces, comments, the next article. */
const FOLLOWING_LABEL =
  /^(?:related(?: coverage| articles?| stories| posts| content| reading)?|more (?:from|on|stories|news|articles)\b|read (?:more|next|also)\b|you (?:may|might) also like|recommended(?: for you| stories)?|(?:no |\d+ )?comments?|weitere (?:artikel|beiträge|nachrichten|themen|meldungen|tourentipps|tipps|videos)|mehr (?:zum thema|aus|von)\b|(?:videos?|bilder|fotos) zum thema|lesen sie (?:auch|mehr)|das könnte sie auch interessieren|auch interessant|beiträge aus dem forum|kommentierte artikel|vorschau auf den nächsten artikel|(?:keine |\d+ )?kommentare?|noticias relacionadas|contenido relacionado|te puede interesar|lee también|à lire aussi|sur le même sujet|lire aussi|voir aussi|leggi anche|czytaj (?:też|także|również|więcej)|about the author|(?:latest|similar) (?:news|articles|stories|posts)|ähnliche (?:beiträge|artikel|themen|nachrichten)|neueste (?:artikel|beiträge|nachrichten|meldungen)|weitere aktuelle (?:themen|artikel|beiträge|nachrichten)|über (?:den autor|die autorin)|mehr (?:kolumnen|artikel|beiträge|news) (?:auf|von|aus)|empfehlungen (?:aus|der|für)|diskutieren sie mit|artículos relacionados|más noticias|articles similaires|à propos de l'auteur)\b/i;

/**
 * The text with its whitespace collapsed, or '' when it is longer than `max` even so. A text
 * many times longer than `max` is not collapsed at all: a long paragraph is never a short line,
 * and collapsing every long block of a big page showed in its slices.
 */
export function shortText(text: string, max: number): string {
  if (text.length > 8 * max || collapsesOver(text, max + 2)) return '';
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? '' : t;
}

/**
 * Whether `text` with each whitespace run counted as one character is longer than `limit`,
 * reading only as far as needed: a paragraph of prose is turned away after a few hundred
 * characters instead of being collapsed whole (a CPU profile of c90f4203c159, whose blocks run
 * to a couple of thousand characters, put these tests first in its longest slice).
 */
function collapsesOver(text: string, limit: number): boolean {
  let n = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    // String.prototype.trim's whitespace is the regular expression class \s.
    const space = isSpace(text.charCodeAt(i));
    if (!space || !inSpace) if (++n > limit) return true;
    inSpace = space;
  }
  return false;
}

/**
 * Have the engine compile the patterns before a block needs them, each in a step of its own.
 * A pattern is compiled on its first two uses (to bytecode, then to machine code): about 10 ms
 * for the label list and 5 ms for the reader lines in Node 20, and all of it used to land in the
 * one step that first met a short block (the phases of the longest steps in eval:extract put
 * `appeals` and `lede` second and third, after the scan).
 */
export function* warmPatternsSteps(patterns: readonly RegExp[]): Steps<void> {
  for (const re of patterns) {
    if (warmed.has(re)) continue;
    // Marked first: if the scan stops between the two steps, the pattern compiles on first use.
    warmed.add(re);
    yield;
    re.test('-');
    yield;
    re.test('-');
  }
}
const warmed = new WeakSet<RegExp>();

/** The site-line patterns, warmed by {@link warmPatternsSteps}. */
export function* prepareSiteLineSteps(): Steps<void> {
  yield* warmPatternsSteps([AGENCY, CREDIT, FOLLOWING_LABEL, (readerLine ??= anyOf(READER_LINES))]);
}

/** Is this short block a line of the site's (a credit, an appeal, a notice, a label)? */
export function isSiteLine(text: string): boolean {
  const t = shortText(text, MAX_LINE_CHARS);
  if (t.length === 0) return false;
  if (AGENCY.test(t) || CREDIT.test(t)) return true;
  // A label ends without a full stop: "Comments by the minister drew criticism." is a sentence.
  if (t.length <= MAX_LABEL_CHARS && !/[.!?]$/.test(t) && FOLLOWING_LABEL.test(t)) return true;
  return (readerLine ??= anyOf(READER_LINES)).test(t);
}
