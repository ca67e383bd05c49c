// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  segmentSentences,
  segmentSentencesSteps,
  type SentenceSpan,
} from '../../../utils/sentences/segment';

function split(text: string, lang?: string): string[] {
  return segmentSentences(text, lang).map((s) => text.slice(s.start, s.end));
}

describe('segmentSentences: terminators', () => {
  it('splits on . ? ! and keeps doubled marks together', () => {
    expect(
      split('The river rose. Boats were moored?! Nobody left!! Then rain fell.', 'en'),
    ).toEqual(['The river rose.', 'Boats were moored?!', 'Nobody left!!', 'Then rain fell.']);
  });

  it('returns nothing for empty or blank text and one span for text without terminators', () => {
    expect(segmentSentences('', 'en')).toEqual([]);
    expect(segmentSentences('   \n\t ', 'en')).toEqual([]);
    expect(split('  no punctuation at all  ', 'en')).toEqual(['no punctuation at all']);
  });

  it('splits where a space is missing between sentences, but not in names or lists', () => {
    expect(split('The vote passed.Critics objected at once.', 'en')).toEqual([
      'The vote passed.',
      'Critics objected at once.',
    ]);
    expect(split('Write to Ann.Lee@mail.org today.', 'en')).toEqual([
      'Write to Ann.Lee@mail.org today.',
    ]);
    expect(split('Items: 1.Bread, 2.Milk, 3.Eggs.', 'es')).toEqual([
      'Items: 1.Bread, 2.Milk, 3.Eggs.',
    ]);
  });
});

describe('segmentSentences: English abbreviations', () => {
  it('keeps titles with the name that follows', () => {
    expect(split('Dr. Okafor met Mrs. Lind and Mr. Ruiz. They talked.', 'en')).toEqual([
      'Dr. Okafor met Mrs. Lind and Mr. Ruiz.',
      'They talked.',
    ]);
  });

  it('handles U.S., e.g., i.e. and a.m./p.m.', () => {
    expect(
      split('Prices in the U.S. Market fell. Farmers, e.g. Ms. Hale, lost money.', 'en'),
    ).toEqual(['Prices in the U.S. Market fell.', 'Farmers, e.g. Ms. Hale, lost money.']);
    expect(split('She moved to the U.S. It was 2019.', 'en')).toEqual([
      'She moved to the U.S.',
      'It was 2019.',
    ]);
    expect(split('The train leaves at 7 a.m. and returns at 9 p.m. every day.', 'en')).toEqual([
      'The train leaves at 7 a.m. and returns at 9 p.m. every day.',
    ]);
    expect(split('One option, i.e. the cheaper one, won.', 'en')).toEqual([
      'One option, i.e. the cheaper one, won.',
    ]);
  });

  it('lets Inc., Co. and etc. end a sentence before a capital but not before a digit or a bracket', () => {
    expect(split('Shares of Acme Inc. Rose sharply.', 'en')).toEqual([
      'Shares of Acme Inc.',
      'Rose sharply.',
    ]);
    expect(split('It opened on Jan. 12 in Oslo.', 'en')).toEqual(['It opened on Jan. 12 in Oslo.']);
    expect(split('See room No. 5 upstairs.', 'en')).toEqual(['See room No. 5 upstairs.']);
    expect(split('Globex Co. (the buyer) agreed.', 'en')).toEqual([
      'Globex Co. (the buyer) agreed.',
    ]);
    expect(split('We sold pens, paper, etc. The shop closed.', 'en')).toEqual([
      'We sold pens, paper, etc.',
      'The shop closed.',
    ]);
  });

  it('continues after an abbreviation followed by a lower-case word', () => {
    expect(split('The firm moved to Elm St. near the park.', 'en')).toEqual([
      'The firm moved to Elm St. near the park.',
    ]);
    expect(split('He asked for approx. ten more days.', 'en')).toEqual([
      'He asked for approx. ten more days.',
    ]);
  });

  it('keeps initials together and splits after the pronoun I', () => {
    expect(split('J. R. R. Tolkien wrote it. W. H. Auden praised it.', 'en')).toEqual([
      'J. R. R. Tolkien wrote it.',
      'W. H. Auden praised it.',
    ]);
    expect(split('Nobody knew but I. Then she called.', 'en')).toEqual([
      'Nobody knew but I.',
      'Then she called.',
    ]);
  });
});

describe('segmentSentences: other languages', () => {
  it('German: z. B., Nr., bzw., ca., usw. and ordinals', () => {
    expect(
      split('Wir kaufen z. B. Brot bzw. Milch für ca. drei Euro usw. Dann gehen wir.', 'de'),
    ).toEqual(['Wir kaufen z. B. Brot bzw. Milch für ca. drei Euro usw.', 'Dann gehen wir.']);
    expect(split('Die Feier ist am 3. Oktober in Haus Nr. 7.', 'de')).toEqual([
      'Die Feier ist am 3. Oktober in Haus Nr. 7.',
    ]);
    expect(split('Er wurde 12. Dann kam die Schule.', 'de')).toEqual([
      'Er wurde 12.',
      'Dann kam die Schule.',
    ]);
    expect(split('Er kam 1999. Berlin war anders.', 'de')).toEqual([
      'Er kam 1999.',
      'Berlin war anders.',
    ]);
  });

  it('French: Mme, M., etc. and spaced guillemets', () => {
    expect(
      split(
        'Mme Roche et M. Petit arrivent. Ils parlent de livres, de films, etc. Puis ils partent.',
        'fr',
      ),
    ).toEqual([
      'Mme Roche et M. Petit arrivent.',
      'Ils parlent de livres, de films, etc.',
      'Puis ils partent.',
    ]);
    expect(split('Il a dit « Je viens. » Elle a souri.', 'fr')).toEqual([
      'Il a dit « Je viens. »',
      'Elle a souri.',
    ]);
  });

  it('Spanish: inverted marks and titles', () => {
    expect(split('¿Dónde está la Sra. Gil? ¡Aquí! Llegó ayer.', 'es')).toEqual([
      '¿Dónde está la Sra. Gil?',
      '¡Aquí!',
      'Llegó ayer.',
    ]);
  });

  it('Italian, Russian, Danish, Dutch and Polish abbreviations', () => {
    expect(split('Ho visto il Dott. Neri. Era stanco.', 'it')).toEqual([
      'Ho visto il Dott. Neri.',
      'Era stanco.',
    ]);
    expect(split('Он живёт в г. Казань, т.е. далеко. Мы нет.', 'ru')).toEqual([
      'Он живёт в г. Казань, т.е. далеко.',
      'Мы нет.',
    ]);
    expect(split('Vi spiser f.eks. Brød om morgenen. Det er godt.', 'da')).toEqual([
      'Vi spiser f.eks. Brød om morgenen.',
      'Det er godt.',
    ]);
    expect(split('Neem bijv. Jan als voorbeeld. Hij weet het.', 'nl')).toEqual([
      'Neem bijv. Jan als voorbeeld.',
      'Hij weet het.',
    ]);
    expect(split('Kupiłem np. Chleb i mleko. To wszystko.', 'pl')).toEqual([
      'Kupiłem np. Chleb i mleko.',
      'To wszystko.',
    ]);
  });

  it('scripts with their own terminators', () => {
    expect(split('今日は雨です。明日は晴れ？散歩しよう！', 'ja')).toEqual([
      '今日は雨です。',
      '明日は晴れ？',
      '散歩しよう！',
    ]);
    // A quotation followed by a particle (と) continues the sentence.
    expect(split('彼は「はい。」と言った。次へ。', 'ja')).toEqual([
      '彼は「はい。」と言った。',
      '次へ。',
    ]);
    expect(split('他说好。我们走吧！', 'zh')).toEqual(['他说好。', '我们走吧！']);
    expect(split('هل أنت بخير؟ نعم أنا بخير.', 'ar')).toEqual(['هل أنت بخير؟', 'نعم أنا بخير.']);
    expect(split('آپ کہاں ہیں؟ میں گھر ہوں۔ اچھا', 'ur')).toEqual([
      'آپ کہاں ہیں؟',
      'میں گھر ہوں۔',
      'اچھا',
    ]);
    expect(split('وقت چیست؟ دیر است.', 'fa')).toEqual(['وقت چیست؟', 'دیر است.']);
    expect(split('यह घर है। वह स्कूल है।', 'hi')).toEqual(['यह घर है।', 'वह स्कूल है।']);
    expect(split('Բարի լույս։ Ինչպե՞ս ես։', 'hy')).toEqual(['Բարի լույս։', 'Ինչպե՞ս ես։']);
    expect(split('Ես տանն եմ: Դու՞:', 'hy')).toEqual(['Ես տանն եմ:', 'Դու՞:']);
    expect(split('ሰላም ነው።ደህና ነኝ።', 'am')).toEqual(['ሰላም ነው።', 'ደህና ነኝ።']);
    expect(split('မင်္ဂလာပါ။နေကောင်းလား။', 'my')).toEqual(['မင်္ဂလာပါ။', 'နေကောင်းလား။']);
    expect(split('Τι ώρα είναι; Είναι αργά.', 'el')).toEqual(['Τι ώρα είναι;', 'Είναι αργά.']);
    // A semicolon in English text is not a question mark.
    expect(split('It rained; we stayed in.', 'en')).toEqual(['It rained; we stayed in.']);
  });

  it('guesses the script when no language is given', () => {
    expect(split('Он пришёл в 1990 г. Москва была другой.')).toEqual([
      'Он пришёл в 1990 г. Москва была другой.',
    ]);
    expect(split('Dr. Ng left. We stayed.')).toEqual(['Dr. Ng left.', 'We stayed.']);
    expect(split('Τι; Ναι.')).toEqual(['Τι;', 'Ναι.']);
  });
});

describe('segmentSentences: numbers, addresses, ellipses', () => {
  it('never splits inside numbers, versions, e-mails, URLs or file names', () => {
    const text =
      'Growth was 3.5 percent, or 1.000.000 units and $1,200.50 each. Update to v1.2.3 from https://example.com/a.b/c.html today. Mail info@example.org or open notes.txt now.';
    expect(split(text, 'en')).toEqual([
      'Growth was 3.5 percent, or 1.000.000 units and $1,200.50 each.',
      'Update to v1.2.3 from https://example.com/a.b/c.html today.',
      'Mail info@example.org or open notes.txt now.',
    ]);
    expect(split('Visit example.com. It is free.', 'en')).toEqual([
      'Visit example.com.',
      'It is free.',
    ]);
  });

  it('treats an ellipsis before a capital as an end, before lower case as a pause', () => {
    expect(split('We waited... Nothing came.', 'en')).toEqual(['We waited...', 'Nothing came.']);
    expect(split('We waited… and waited.', 'en')).toEqual(['We waited… and waited.']);
    expect(split('It was . . . I cannot say.', 'en')).toEqual(['It was . . . I cannot say.']);
    expect(split('The quote [...] was cut.', 'en')).toEqual(['The quote [...] was cut.']);
  });
});

describe('segmentSentences: quotes and brackets', () => {
  it('keeps closing quotes and brackets with the sentence they end', () => {
    expect(split('He said, “We are ready.” Then he left.', 'en')).toEqual([
      'He said, “We are ready.”',
      'Then he left.',
    ]);
    expect(split('Costs rose (as feared.) Sales fell.', 'en')).toEqual([
      'Costs rose (as feared.)',
      'Sales fell.',
    ]);
    expect(split('„Das reicht.“ Sie ging.', 'de')).toEqual(['„Das reicht.“', 'Sie ging.']);
  });

  it('continues after a quoted sentence followed by lower case', () => {
    expect(split('“Why not?” she asked. “Fine.” he said.', 'en')).toEqual([
      '“Why not?” she asked.',
      '“Fine.” he said.',
    ]);
    expect(split('The price (about 5 dollars.) was fair.', 'en')).toEqual([
      'The price (about 5 dollars.) was fair.',
    ]);
  });

  it('keeps a short multi-sentence quotation whole', () => {
    expect(split('“We lost. We will be back,” the coach said. Fans cheered.', 'en')).toEqual([
      '“We lost. We will be back,” the coach said.',
      'Fans cheered.',
    ]);
  });

  it('a dash after ? or ! continues the sentence before lower case', () => {
    expect(split('Who knows? — he asked nobody.', 'en')).toEqual(['Who knows? — he asked nobody.']);
    expect(split('Who knows? - Nobody does.', 'en')).toEqual(['Who knows?', '- Nobody does.']);
  });
});

describe('segmentSentences: lists, bullets and newlines', () => {
  it('splits numbered items at line starts and inline counting lists', () => {
    expect(split('Steps:\n1. Open the box\n2. Remove the cover\n3. Plug it in', 'en')).toEqual([
      'Steps:',
      '1. Open the box',
      '2. Remove the cover',
      '3. Plug it in',
    ]);
    expect(split('1. Wash the rice 2. Boil the water', 'en')).toEqual([
      '1. Wash the rice',
      '2. Boil the water',
    ]);
    expect(split('We need a) flour b) sugar', 'en')).toEqual(['We need', 'a) flour', 'b) sugar']);
    expect(split('• Fast start • Low cost', 'en')).toEqual(['• Fast start', '• Low cost']);
  });

  it('treats one newline as a space and two as a boundary', () => {
    expect(split('The storm hit the\ncoast at night.\n\nRoads were closed', 'en')).toEqual([
      'The storm hit the\ncoast at night.',
      'Roads were closed',
    ]);
    expect(split('Heading without stop\n\nBody text here.', 'en')).toEqual([
      'Heading without stop',
      'Body text here.',
    ]);
  });

  it('splits lines of a block that has no sentence punctuation at all', () => {
    expect(split('home\nabout us\ncontact\n', 'en')).toEqual(['home', 'about us', 'contact']);
  });

  it('footnote markers glued to the period stay with their sentence', () => {
    expect(split('Rates rose.[12] Markets fell.² Then calm returned.', 'en')).toEqual([
      'Rates rose.[12]',
      'Markets fell.²',
      'Then calm returned.',
    ]);
  });

  it('names ending in ! do not end a sentence', () => {
    expect(split('She joined Yahoo! last spring.', 'en')).toEqual([
      'She joined Yahoo! last spring.',
    ]);
  });
});

// ---- properties ---------------------------------------------------------------------------

/** Small deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'word',
  'Word',
  'I',
  'a',
  'U.S.',
  'Mr.',
  'e.g.',
  'Inc.',
  '3.5',
  '1,000',
  '12.',
  'A.',
  'x',
  ' ',
  ' ',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  '.',
  '.',
  '..',
  '...',
  '…',
  '. . .',
  '?',
  '!',
  '?!',
  '"',
  '“',
  '”',
  '„',
  '«',
  '»',
  "'",
  '’',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '。',
  '！',
  '？',
  '।',
  '؟',
  '۔',
  '։',
  ':',
  ';',
  '-',
  '—',
  '•',
  '1)',
  '2.',
  'b)',
  '¿',
  '¡',
  'www.x.com',
  'a@b.c',
  'Γειά',
  ';',
  'Привет',
  'г.',
  '漢字',
  'مرحبا',
  '\u202a',
  '\u0085',
  '\u2029',
  '[3]',
  '²',
  'Yahoo!',
  'p.m.',
  '\u200b',
  '\u00a0',
  'Ω',
  'ß',
  '😀',
];

function randomText(r: () => number, length: number): string {
  let s = '';
  while (s.length < length) s += PIECES[Math.floor(r() * PIECES.length)];
  return s;
}

const WS = /\s/;
const WORD = /[\p{L}\p{M}\p{Nd}]/u;

function checkSpans(text: string, spans: SentenceSpan[]): void {
  let prevEnd = 0;
  const covered = new Uint8Array(text.length);
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(prevEnd);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    const slice = text.slice(s.start, s.end);
    expect(slice).toBe(slice.trim());
    for (let i = s.start; i < s.end; i++) covered[i] = 1;
    prevEnd = s.end;
  }
  for (let i = 0; i < text.length; i++) {
    if (!covered[i] && !WS.test(text[i] as string)) {
      throw new Error(
        `character ${i} (${JSON.stringify(text[i])}) is in no span of ${JSON.stringify(text)}`,
      );
    }
  }
  // Adjacent spans never cut a word in two.
  for (let k = 1; k < spans.length; k++) {
    const a = spans[k - 1] as SentenceSpan;
    const b = spans[k] as SentenceSpan;
    if (a.end === b.start) {
      const joined = WORD.test(text[a.end - 1] as string) && WORD.test(text[b.start] as string);
      expect(joined, `cut inside a word at ${a.end} in ${JSON.stringify(text)}`).toBe(false);
    }
  }
}

describe('segmentSentences: properties', () => {
  it('offsets slice back to trimmed sentences, in order, without overlap (fixed texts)', () => {
    const texts = [
      '  Leading space. Trailing space.   ',
      'One.\n\n\nTwo!\r\n\r\nThree?',
      '“Quoted.” (Bracketed.) [Square.] Done.',
      'Mixed 漢字。English here. Русский текст.',
    ];
    for (const t of texts) checkSpans(t, segmentSentences(t, 'en'));
  });

  it('random text never throws, and spans cover all non-space text', () => {
    const r = rng(20240611);
    const langs = [undefined, 'en', 'de', 'fr', 'ru', 'hy', 'el', 'ja', 'ar', 'xx'];
    for (let round = 0; round < 400; round++) {
      const text = randomText(r, 1 + Math.floor(r() * 300));
      const lang = langs[round % langs.length];
      checkSpans(text, segmentSentences(text, lang));
    }
  });

  it('is linear: a long single block segments in bounded time', () => {
    const unit =
      'The U.S. Senate met on Jan. 5 (after a delay). “We agree,” Sen. Ames said. Votes: 51-49! ';
    const text = unit.repeat(5000); // about 450 kB in one block; a quadratic scan would take minutes
    const t0 = performance.now();
    const spans = segmentSentences(text, 'en');
    expect(spans.length).toBe(5000 * 3);
    expect(performance.now() - t0).toBeLessThan(10000);
  });
});

describe('segmentSentencesSteps', () => {
  it('cuts a 100 KB block over many steps into the same spans', () => {
    const para =
      'The council met on Tuesday. Mr. Smith, the U.S. envoy, disagreed (see p. 4)! “We lost. We’ll be back,” he said.\n\n• One item\n';
    const text = para.repeat(Math.ceil(100_000 / para.length));
    const steps = segmentSentencesSteps(text, 'en');
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    expect(yields).toBeGreaterThanOrEqual(Math.floor(text.length / 4096) - 1);
    expect(r.value).toEqual(segmentSentences(text, 'en'));
    expect(r.value.length).toBeGreaterThan(2000);
  });
});
