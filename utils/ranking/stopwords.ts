// Function words per language, already accent-folded and lower-cased. They carry no evidence on
// their own, so they neither count as query terms nor as matches. Kept short on purpose: a word
// that is sometimes meaningful ("state", "new") must not be here.

const LISTS: Record<string, string> = {
  en: `a an the and or but nor so yet of in on at to for from by with without into onto upon about
    above below over under between among through during before after since until as than then
    that this these those there here which who whom whose what when where why how whether if
    is are was were be been being am do does did doing done have has had having will would shall
    should can could may might must it its it's he him his she her hers they them their theirs we
    us our ours you your yours i me my mine itself himself herself themselves also not no only
    very just such both each other any some all most more much many own same too again further
    once off out up down s t via per while against`,
  de: `der die das den dem des ein eine einer eines einem einen und oder aber doch sondern von vom
    zu zum zur in im ins an am auf aus bei mit nach seit ueber unter vor hinter neben zwischen
    durch fuer gegen ohne um als wie wenn dass daß ob ist sind war waren sein gewesen wird werden
    wurde wurden hat haben hatte hatten kann koennen muss nicht kein keine auch noch nur schon
    sehr er sie es wir ihr ich du sich ihm ihn ihnen man dieser diese dieses jener welche welcher`,
  fr: `le la les l un une des du de d et ou mais donc car ni que qu qui quoi dont ou a au aux en
    dans par pour sur sous avec sans chez entre vers depuis pendant avant apres est sont etait
    etaient etre ete a ont avait avaient sera seront fait il elle ils elles on nous vous je tu
    se s ce cet cette ces son sa ses leur leurs ne pas plus aussi tres comme si y`,
  es: `el la los las lo un una unos unas y e o u pero sino de del a al en con sin por para sobre
    entre hasta desde durante ante tras que quien quienes cual cuales cuyo como cuando donde es son
    era eran fue fueron ser sido esta estan estaba ha han habia habian se su sus le les me te nos
    este esta estos estas ese esa esos esas muy mas tambien no ya`,
  pt: `o a os as um uma uns umas e ou mas de do da dos das em no na nos nas por pelo pela pelos
    pelas para com sem sobre entre ate desde que quem qual quais cujo como quando onde e sao era
    eram foi foram ser sido esta estao estava tem tinha ha se seu sua seus suas lhe lhes este esta
    estes estas esse essa esses essas muito mais tambem nao ja`,
  it: `il lo la i gli le un uno una e ed o ma di del dello della dei degli delle a al allo alla ai
    agli alle da dal dallo dalla dai dagli dalle in nel nello nella nei negli nelle con su sul
    sullo sulla sui sugli sulle per tra fra che chi cui come quando dove e sono era erano fu furono
    essere stato stata ha hanno aveva avevano si suo sua suoi sue questo questa questi queste quel
    quella molto piu anche non gia`,
  nl: `de het een en of maar van in op aan te tot met zonder door voor na naar bij uit over onder
    tussen tegen om als dan dat die dit deze wie wat waar wanneer hoe is zijn was waren geweest
    wordt worden werd werden heeft hebben had hadden kan kunnen moet niet geen ook nog al zeer er
    hij zij ze het wij we jullie ik je u zich hem haar hun`,
};

const SETS = new Map<string, Set<string>>(
  Object.entries(LISTS).map(([lang, words]) => [lang, new Set(words.split(/\s+/).filter(Boolean))]),
);

/** Union of all lists: used when the language is unknown, so no language's function words leak in. */
const ALL = new Set<string>([...SETS.values()].flatMap((s) => [...s]));

/** Languages with a stop list and a stemmer. */
export const KNOWN_LANGS = Object.keys(LISTS);

/**
 * True when `word` (folded, lower-case) is a function word of `lang`. English function words are
 * always included because news in any language quotes English names and titles.
 */
export function isStopword(word: string, lang: string): boolean {
  const set = SETS.get(lang);
  if (!set) return ALL.has(word);
  return set.has(word) || (lang !== 'en' && SETS.get('en')!.has(word));
}

/**
 * Guesses the language of a text from its function words; `fallback` when nothing stands out.
 * Cheap enough to run per document.
 */
export function guessLanguage(text: string, fallback = 'en'): string {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .match(/\p{L}+/gu);
  if (!words) return fallback;
  let best = fallback;
  let bestHits = 1;
  for (const [lang, set] of SETS) {
    let hits = 0;
    for (const w of words.slice(0, 400)) if (set.has(w)) hits++;
    if (hits > bestHits) {
      best = lang;
      bestHits = hits;
    }
  }
  return best;
}
