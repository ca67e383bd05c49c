// News sentences name who said a thing: "…, the ministry said." / "According to the police, …".
// The attribution names the source, not the fact, so the source's own page rarely repeats it;
// the passage that backs the sentence is the one that states the fact. This finds that clause.

/** Verbs of saying put before the speaker too (", said John Smith", ", a déclaré le maire"). */
const SAID_FIRST =
  'said|says|added|' +
  'sagte|sagten|erklärte|erklärten|betonte|' +
  'a déclaré|a dit|a indiqué|a précisé|a affirmé|ont déclaré|' +
  'dijo|dijeron|afirmó|señaló|explicó|informó|' +
  'disse|afirmou|ha detto|ha dichiarato|zei|zegt';

/** Verbs of saying that close a sentence (", the ministry said"), by language. */
const SAID =
  'told|stated|announced|confirmed|reported|wrote|explained|noted|warned|claimed|argued|insisted|teilte|teilten|' +
  SAID_FIRST;

/** Words that open an attribution clause ("according to the police"). */
const ACCORDING = 'according to|laut|selon|según|segundo|secondo|volgens';

// The speaker is a few words: a name or a role ("the ministry", "Anika Dellmann, a spokeswoman").
const WORD = String.raw`[^\s,;:.!?"“”«»]+`;
const who = (n: number) => String.raw`${WORD}(?:\s+${WORD}){0,${n - 1}}`;
const END = String.raw`[\s.!?"'”»)]*$`;

/** ", the ministry said on Tuesday." / ", officials told reporters." */
const TRAILING = new RegExp(
  String.raw`,\s*${who(8)}\s+(?:${SAID})(?![\p{L}\p{N}])(?:\s+${who(4)})?${END}`,
  'iu',
);
/** ", said John Smith, a spokesman." (only the verbs that are put first). */
const INVERTED = new RegExp(
  String.raw`,\s*(?:${SAID_FIRST})\s+${who(4)}(?:,\s*${who(6)})?${END}`,
  'iu',
);
/** ", according to the ministry." */
const ACCORDING_END = new RegExp(
  String.raw`,?\s*(?<![\p{L}\p{N}])(?:${ACCORDING})\s+${who(10)}${END}`,
  'iu',
);
/** "According to the ministry, …" */
const ACCORDING_START = new RegExp(String.raw`^\s*(?:${ACCORDING})\s+${who(10)},`, 'iu');

/**
 * Where the sentence's attribution clause is, as [start, end) offsets into `text`, or null when
 * it has none. Only a clause at either end counts: "Officials said 600 were freed" has its
 * speaker in the middle of what it states, and is left whole.
 */
export function attributionSpan(text: string): [number, number] | null {
  const lead = ACCORDING_START.exec(text);
  if (lead) return [lead.index, lead.index + lead[0].length];
  for (const re of [TRAILING, INVERTED, ACCORDING_END]) {
    const m = re.exec(text);
    // The rest must still state something: a clause that is most of the sentence is the sentence.
    if (m && m.index >= 0.3 * text.length) return [m.index, m.index + m[0].length];
  }
  return null;
}
