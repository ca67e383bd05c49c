/**
 * Language knowledge for the sentence segmenter: abbreviations, words that typically open a
 * sentence, and whether "3." is an ordinal. Lists are lower-case and written without their final
 * period; multi-part abbreviations keep inner periods without spaces ("z.b" matches "z. B.").
 */

/** What the segmenter knows about one language. */
export interface LangProfile {
  /** Abbreviations that never end a sentence: titles before names, "e.g.", "z. B.", "г.". */
  nonTerminal: ReadonlySet<string>;
  /** Other known abbreviations: a capitalised next word may still start a new sentence. */
  abbreviations: ReadonlySet<string>;
  /** Capitalised words that usually open a sentence ("The", "Der", "Он"). */
  starters: ReadonlySet<string>;
  /** "3." is an ordinal ("am 3. Oktober", "XII. Pluku"): split after it only before a starter. */
  ordinalDot: boolean;
  /** Nouns are capitalised (German): after an abbreviation only a starter opens a sentence. */
  capitalNouns: boolean;
}

interface LangData {
  nonTerminal?: string;
  abbreviations?: string;
  starters?: string;
  ordinalDot?: boolean;
  capitalNouns?: boolean;
}

const EN: LangData = {
  nonTerminal:
    'mr mrs ms messrs mmes dr drs prof rev hon sen sens rep reps gov govs gen col lt maj capt cpt sgt cmdr adm supt ed eds ' +
    'st mt ft fr pres e.g i.e vs cf viz approx ca esp incl',
  abbreviations:
    'jr sr esq co corp inc ltd llc plc bros assn dept univ etc al no nos nr vol vols fig figs ch chap sec ' +
    'art eq ref pp para p.s tel fax ext min max hr hrs sq km kg lb lbs oz yd mi cm mm ml ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri ' +
    'rs n° nº no° est ave blvd rd hwy bldg apt ph.d a.m p.m',
  starters:
    'the a an it its he she we they i you this that these those there here what when where why how who ' +
    'which but and or so yet if in on at as after before while although though however meanwhile then ' +
    'now still also because since for to his her our their my your did do does is are was were can could ' +
    'would should many most some all each every not nor one two both such other another later earlier ' +
    'today yesterday tomorrow according despite during under over with without from by of instead ' +
    'thus therefore indeed nevertheless moreover furthermore first finally last',
};

const LATIN_BASE = 'en';

/** Per-language additions; Latin-script languages also get the English lists. */
const DATA: Record<string, LangData> = {
  en: EN,
  de: {
    nonTerminal:
      'z.b bzw ca vgl ggf evtl inkl sog u.a d.h s.o s.u z.t u.u hr fr dr prof st abs bspw zzgl abzgl ' +
      'gem lt u.v.m i.d.r o.g',
    abbreviations:
      'usw etc nr tel str jh jhd mio mrd tsd bd geb gest o.ä u.ä bzgl ff jan feb märz apr jun jul aug ' +
      'sep sept okt nov dez mo di mi do fr sa so',
    starters:
      'der die das den dem des ein eine einen einem einer er sie es wir ihr ich du man dort da dann doch ' +
      'aber und oder denn auch nun jetzt heute gestern im am auf in mit nach bei von vor seit für zum zur ' +
      'wie was wo wer warum wann welche welcher dieser diese dieses dabei damit deshalb daher trotzdem ' +
      'allerdings außerdem zudem so als wenn ob nicht kein keine alle viele sein seine ihre unser mein ' +
      'hier laut nachdem während obwohl',
    ordinalDot: true,
    capitalNouns: true,
  },
  da: {
    nonTerminal: 'hr fr dr prof skt st ca bl.a f.eks jf mht ifm inkl',
    abbreviations: 'dvs osv mv nr kr tlf jan feb mar apr jun jul aug sep okt nov dec',
    starters:
      'det den de der vi jeg han hun hvad hvor hvordan hvorfor hvem men og så er var nu her i en et ' +
      'dette disse efter da når hvis som du',
    ordinalDot: true,
  },
  no: {
    nonTerminal: 'hr fr dr prof st ca bl.a f.eks jf mht ifm',
    abbreviations: 'dvs osv mv nr kr tlf jan feb mar apr jun jul aug sep okt nov des',
    starters:
      'det den de der vi jeg han hun hva hvor hvordan hvorfor hvem men og så er var nå her i en et ' +
      'dette disse etter da når hvis som du',
    ordinalDot: true,
  },
  sv: {
    nonTerminal: 'bl.a t.ex d.v.s dvs ca resp s.k f.d dr prof st',
    abbreviations: 'osv m.m nr kr st jan feb mar apr jun jul aug sep okt nov dec',
    starters:
      'det den de där vi jag han hon vad var hur varför vem men och så är nu här i en ett detta dessa ' +
      'efter när om som du',
  },
  fi: {
    nonTerminal: 'esim ns ks mm n klo prof tri',
    abbreviations: 'jne yms ym ts tms nro puh',
    starters: 'se hän he me minä sinä tämä nämä ne mutta ja kun jos niin nyt',
    ordinalDot: true,
  },
  nl: {
    nonTerminal:
      'dhr mevr mw dr prof ir ing mr drs st bijv bv o.a m.b.t i.p.v t.a.v ca zgn zg mbt ivm resp',
    abbreviations:
      'enz etc vnw aanw zn ww bnw nr blz jl vlg jan feb mrt apr jun jul aug sep okt nov dec',
    starters:
      'de het een hij zij ze wij we ik jij je u dit dat deze die er maar en of ook toen nu hier daar wat ' +
      'waar wie hoe waarom wanneer in op met van voor na bij als dan daarom volgens',
  },
  fr: {
    nonTerminal: 'mme mmes mlle mlles mgr dr pr st ste cf p.ex c.-à-d env av bd',
    abbreviations: 'etc n° vol chap art éd janv févr avr juil sept oct nov déc tél',
    starters:
      'le la les un une des il elle ils elles nous vous je on ce cette ces mais et ou donc or car puis ' +
      'alors ensuite en dans pour par sur avec selon après avant depuis pendant si quand comme qui que ' +
      'où comment pourquoi aujourd',
  },
  es: {
    nonTerminal:
      'sr sra srta sres sras dr dra lic ing arq prof profa dña ud uds vd vds sto sta mons gral cnel tte ' +
      'avda av p.ej ej ee ee.uu',
    abbreviations:
      'núm pág págs párr párrf art cap cía hnos vol tel admón etc ene feb mar abr may jun jul ago sep ' +
      'sept oct nov dic lun mié jue vie sáb dom hs min seg aprox',
    starters:
      'el la los las un una unos unas es pero y en por para con este esta esto estos ese esa eso aquí ' +
      'allí hoy ayer se no si cuando como donde qué cómo dónde cuándo quién yo tú él ella nosotros ' +
      'ellos ellas usted mi su sus además también sin luego después antes durante según desde al del lo',
  },
  pt: {
    nonTerminal: 'sr sra srta dr dra prof profa eng av ex p.ex',
    abbreviations:
      'pág págs nº etc vol cap art tel jan fev mar abr mai jun jul ago set out nov dez',
    starters:
      'o a os as um uma ele ela eles elas nós eu você mas e em no na para por com este esta isso isto ' +
      'aqui hoje ontem quando como onde que se não também depois antes segundo',
  },
  it: {
    nonTerminal:
      'sig sig.ra sig.na sigg dott dott.ssa prof prof.ssa ing avv arch geom rag dir on sen mons gen ' +
      'col magg cap ten egr gent spett ill psicol es amm v.cte',
    abbreviations:
      'ecc etc fig pag pagg tel nr n° meteor idraul econ az st d gen feb mar apr mag giu lug ago set ' +
      'ott nov dic lun mer gio ven sab dom',
    starters:
      'il lo la i gli le un uno una è e ma non si che chi come dove quando perché questo questa questi ' +
      'quello quella io tu lui lei noi voi loro mi ci ti vi ho ha sono era in per con su da dal dopo ' +
      'poi anche inoltre oggi ieri domani',
  },
  pl: {
    nonTerminal: 'np tzw m.in ul al ok tj ks św prof dr mgr inż płk gen',
    abbreviations: 'itd itp godz r nr tys mln mld zł gr bałt str',
    starters:
      'to ten ta te on ona ono oni my ja ty ale i w na z do jak co gdzie kiedy dlaczego nie',
    ordinalDot: true,
  },
  cs: {
    nonTerminal: 'např tzv tj resp č sv ul nám p pí ing mgr doc prof phdr judr mudr',
    abbreviations: 'atd apod s.r.o a.s spol str r tis mil mld kč',
    starters: 'to ten ta je on ona oni my já ty ale a v na s do jak co kde kdy proč ne',
    ordinalDot: true,
  },
  sk: {
    nonTerminal: 'napr tzv tj resp č sv ul nám p pí ing mgr doc prof phdr judr mudr',
    abbreviations: 'atď atd príp pozn s.r.o a.s spol str r tis mil mld',
    starters: 'to ten ta je on ona oni my ja ty ale a v na s do ako čo kde kedy prečo nie',
    ordinalDot: true,
  },
  hu: { ordinalDot: true, nonTerminal: 'dr prof id pl stb kb', abbreviations: 'stb kb ford' },
  hr: { ordinalDot: true, nonTerminal: 'dr prof npr tzv', abbreviations: 'itd sl' },
  sl: { ordinalDot: true, nonTerminal: 'dr prof npr t.i', abbreviations: 'itd ipd' },
  sr: { ordinalDot: true, nonTerminal: 'dr prof npr tzv г др', abbreviations: 'itd ит' },
  et: { ordinalDot: true, nonTerminal: 'nt dr prof', abbreviations: 'jne vms' },
  lv: { ordinalDot: true, nonTerminal: 'piem dr prof', abbreviations: 'utt' },
  lt: { ordinalDot: true, nonTerminal: 'pvz dr prof', abbreviations: 'ir kt' },
  is: { ordinalDot: true, nonTerminal: 't.d o.s.frv', abbreviations: 'o.fl' },
  tr: { ordinalDot: true, nonTerminal: 'dr prof doç yrd av', abbreviations: 'vb vs' },
  ru: {
    nonTerminal:
      'г гг ул пр пл просп пер д т тт см т.е т.к т.н напр проф акад доц им св тов гр пгт ок прим ' +
      'с п ст р-н обл',
    abbreviations:
      'т.д т.п др млн млрд тыс руб коп долл дол кв куб стр рис англ лат франц янв фев мар апр июн ' +
      'июл авг сен сент окт ноя нояб дек мин сек',
    starters:
      'он она оно они мы я ты вы это этот эта эти но и а в на по с к о как что где когда почему кто ' +
      'так там тут здесь сегодня вчера завтра потом после до для при не нет да все всё его её их ' +
      'однако поэтому кроме если хотя также уже ещё еще затем',
  },
  uk: {
    nonTerminal: 'р рр м вул просп пл т.зв напр проф акад ім св с',
    abbreviations: 'т.д т.п ін млн млрд тис грн коп',
    starters: 'він вона воно вони ми я ти ви це цей ця ці але і й а в у на по з до як що де коли',
  },
  bg: {
    nonTerminal: 'г гр пл ул бул т.г проф акад доц д-р с',
    abbreviations: 'вкл др млн млрд лв ст',
    starters:
      'той тя то те ние аз ти вие това този тази тези но и а в на по с към за как какво къде',
  },
  kk: {
    nonTerminal: 'т.б б.з.б ж ғ проф акад',
    abbreviations: 'млн млрд',
    starters: 'ол олар біз мен сен бұл бірақ және',
  },
  el: {
    nonTerminal: 'κα δρ καθ π.χ δηλ κ',
    abbreviations: 'κλπ κτλ αρ σελ τηλ χλμ εκ',
    starters:
      'ο η το οι τα τις τους της του ένας μια ένα αυτός αυτή αυτό αλλά και στην στο στη σε με για από ' +
      'δεν θα να είναι εμείς εγώ εσύ πού πώς τι ποιος γιατί όταν μετά',
  },
  hi: { nonTerminal: 'डॉ श्री श्रीमती सं प्रो कु', abbreviations: 'ई पू' },
  mr: { nonTerminal: 'डॉ श्री श्रीमती सौ प्रो कु', abbreviations: 'इ' },
};

/** Languages whose scripts share the Cyrillic lists of Russian as a base. */
const CYRILLIC_BASE = 'ru';
const CYRILLIC = new Set(['ru', 'uk', 'bg', 'kk', 'be', 'mk', 'ky', 'tg', 'mn']);
const NON_LATIN = new Set([
  'el',
  'hy',
  'ar',
  'fa',
  'ur',
  'he',
  'hi',
  'mr',
  'ne',
  'bn',
  'ja',
  'zh',
  'ko',
  'th',
  'am',
  'my',
  'ka',
  'km',
  'lo',
  'si',
  'ta',
  'te',
  'ml',
  'kn',
  'gu',
  'pa',
  'bo',
]);

function words(s: string | undefined): string[] {
  return s ? s.split(/\s+/).filter(Boolean) : [];
}

const cache = new Map<string, LangProfile>();

function build(code: string): LangProfile {
  const layers: LangData[] = [];
  if (CYRILLIC.has(code)) {
    if (code !== CYRILLIC_BASE) layers.push(DATA[CYRILLIC_BASE] as LangData);
  } else if (!NON_LATIN.has(code) && code !== LATIN_BASE) {
    layers.push(DATA[LATIN_BASE] as LangData);
  }
  const own = DATA[code];
  if (own) layers.push(own);
  // Scripts without their own lists still get English: Latin-script names and brands appear everywhere.
  if (layers.length === 0) layers.push(EN);
  const nonTerminal = new Set<string>();
  const abbreviations = new Set<string>();
  const starters = new Set<string>();
  for (const l of layers) {
    for (const w of words(l.nonTerminal)) nonTerminal.add(w);
    for (const w of words(l.abbreviations)) abbreviations.add(w);
    for (const w of words(l.starters)) starters.add(w);
  }
  return {
    nonTerminal,
    abbreviations,
    starters,
    ordinalDot: own?.ordinalDot ?? false,
    capitalNouns: own?.capitalNouns ?? false,
  };
}

/** Primary language subtag of a BCP 47 tag, lower-case ("de-AT" → "de", "nb" → "no"). */
export function primaryLanguage(tag: string): string {
  const code = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (code === 'nb' || code === 'nn') return 'no';
  return code;
}

/** Guess a language from the first letters of `text` when no tag was given: the script decides. */
export function guessLanguage(text: string): string {
  const limit = Math.min(text.length, 2000);
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x41) continue;
    if (c < 0x250) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c >= 0xc0) return 'en';
      continue;
    }
    if (c >= 0x370 && c <= 0x3ff) return 'el';
    if (c >= 0x400 && c <= 0x4ff) return 'ru';
    if (c >= 0x530 && c <= 0x58f) return 'hy';
    if (c >= 0x590 && c <= 0x5ff) return 'he';
    if (c >= 0x600 && c <= 0x6ff) return 'ar';
    if (c >= 0x900 && c <= 0x97f) return 'hi';
    if (c >= 0x1000 && c <= 0x109f) return 'my';
    if (c >= 0x1200 && c <= 0x137f) return 'am';
    if (c >= 0x3040 && c <= 0x30ff) return 'ja';
    if (c >= 0x4e00 && c <= 0x9fff) return 'zh';
  }
  return 'en';
}

/** The profile for `lang` (a BCP 47 tag), or for the script of `text` when `lang` is missing. */
export function profileFor(lang: string | undefined, text: string): LangProfile {
  const code = lang ? primaryLanguage(lang) : guessLanguage(text);
  let p = cache.get(code);
  if (!p) {
    p = build(code);
    cache.set(code, p);
  }
  return p;
}

/** Words that end in ! as part of a name ("Yahoo!"), so the ! does not end the sentence. */
export const EXCLAIM_NAMES: ReadonlySet<string> = new Set(['yahoo', 'jeopardy', 'wham']);
