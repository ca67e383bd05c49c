import { describe, expect, it } from 'vitest';
import { isSiteLine, shortText } from '@/utils/article/site-lines';

describe('isSiteLine', () => {
  it.each([
    ['a credit line', '© Jane Roe/Getty Images'],
    ['a caption ending in its credit', 'The harbour at dawn. © AFP / JOHN DOE'],
    ['a labelled credit', 'Titelbild: Max Muster/picture-alliance'],
    ['a photo label', 'Photo: Ana Ruiz for the Courier'],
    ['an agency alone', 'Getty Images'],
    ['an agency in brackets', '(iStock.com)'],
    ['follow us, English', 'Follow The Courier on Twitter and Instagram @TheCourier.'],
    ['follow us, Spanish', 'Síguenos en Telegram, Instagram y Facebook'],
    ['follow us, German', 'Folgen Sie uns auf Mastodon'],
    ['a donation appeal', 'If you liked this piece, would you consider supporting our newsroom?'],
    ['reader support', 'We rely on your support to keep local reporting free for everyone'],
    ['a German donation appeal', 'Jede Spende hilft unseren Reportern vor Ort!'],
    ['a letters form', 'Submit your letter to the editor via this form.'],
    ['an affiliate disclosure', 'Advertisers do not influence our reviews or our picks.'],
    ['a commission disclosure', 'We may earn a commission when you buy through links on our site.'],
    ['an affiliate-link notice', 'This post contains affiliate links.'],
    [
      'a German affiliate-link notice',
      'Dieser Artikel enthält Affiliate-Links und/oder werbende Inhalte. Mehr dazu kannst Du hier nachlesen.',
    ],
    ['a liability disclaimer', 'The Courier is not responsible for the opinions of contributors.'],
    ['a cookie notice', 'We use cookies to improve your experience.'],
    ['a Polish cookie notice', 'Informujemy, że korzystamy z cookies.'],
    [
      'a German cookie notice',
      'Um Ihnen ein besseres Erlebnis zu bieten, verwenden wir Cookies. Mit der Nutzung dieser Seite stimmen Sie zu.',
    ],
    ['a copyright line', '© 2024 Courier Media. All rights reserved'],
    ['a German copyright line', 'Vervielfältigung nur mit Genehmigung der Redaktion'],
    ['a related label', 'Related Coverage'],
    ['a German related label', 'Weitere Artikel zum Thema'],
    ['a German video label', 'Videos zum Thema'],
    ['a tips label', 'Weitere Tourentipps in Norwegen'],
    ['a comments label', 'Keine Kommentare'],
    ['a German similar-posts label', 'Ähnliche Beiträge'],
    ['an about-the-author label', 'Über den Autor'],
    ['a column label', 'Mehr Kolumnen auf Example'],
    ['a Polish read-more label', 'CZYTAJ WIĘCEJ W'],
    ['a next-article label', 'Vorschau auf den nächsten Artikel'],
    ['a Spanish related label', 'Contenido relacionado'],
    ['a read-more line', 'Read more: The ferry that never sailed'],
  ])('%s → a site line', (_label, text) => {
    expect(isSiteLine(text)).toBe(true);
  });

  it.each([
    [
      'a sentence about Instagram',
      'Millions of people follow the singer, who posts daily on Instagram and TikTok.',
    ],
    [
      'a report of someone following',
      'He said he would follow the minister on Twitter to keep track of the talks.',
    ],
    [
      'a sentence about liking a post',
      'Users who like a post on X will soon see fewer ads, the company said.',
    ],
    [
      'a sentence about donations',
      'Jede Spende wurde registriert, sagte die Sprecherin des Vereins.',
    ],
    [
      'a sentence about cookies',
      'The regulator fined the retailer for setting cookies without consent.',
    ],
    [
      'a German sentence about cookies',
      'Die Behörde prüft, ob Händler Cookies ohne Einwilligung setzen.',
    ],
    ['a sentence starting with Comments', 'Comments by the minister drew criticism.'],
    ['a sentence starting with Related', 'Related costs rose by 4 percent last year.'],
    ['a sentence about the author', 'Über den Autor ist wenig bekannt.'],
    ['a legal list item', '(c) any person who holds a licence under this Act'],
    ['a sentence mentioning a photo', 'The photo shows the ferry leaving the harbour at dawn.'],
    [
      'a quoted copyright dispute',
      'The court said the image was protected by copyright and could not be reused.',
    ],
    ['mis-decoded text with a ©', 'HarÃ© todo lo necesario, dijo el ministro'],
    ['empty', ''],
    [
      'a long paragraph',
      `Follow the money, investigators said. ${'The ferry company moved funds abroad. '.repeat(8)}`,
    ],
  ])('%s → not a site line', (_label, text) => {
    expect(isSiteLine(text)).toBe(false);
  });
});

describe('shortText', () => {
  /** What shortText must equal: the whole text collapsed, then measured. */
  const reference = (text: string, max: number) => {
    if (text.length > 8 * max) return '';
    const t = text.replace(/\s+/g, ' ').trim();
    return t.length > max ? '' : t;
  };

  it('agrees with collapsing the whole text, at and around the limit, for every kind of space', () => {
    const spaces = [
      ' ',
      '\t',
      '\n',
      '\r\n',
      '\u00a0',
      '\u2009',
      '\u3000',
      '\ufeff',
      '\u2028',
      '   ',
    ];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let short = 0;
    let long = 0;
    for (let k = 0; k < 2000; k++) {
      let text = '';
      const words = 1 + rand(40);
      for (let w = 0; w < words; w++) {
        if (w > 0 || rand(3) === 0) text += spaces[rand(spaces.length)]!.repeat(1 + rand(4));
        text += 'wörd'.slice(0, 1 + rand(4)).repeat(1 + rand(3));
      }
      if (rand(3) === 0) text += spaces[rand(spaces.length)];
      const max = 20 + rand(60);
      const want = reference(text, max);
      expect(shortText(text, max), JSON.stringify([text, max])).toBe(want);
      if (want) short++;
      else long++;
    }
    // Both answers are exercised, not one.
    expect(short).toBeGreaterThan(200);
    expect(long).toBeGreaterThan(200);
  });

  it('turns a long paragraph away and keeps a short line, collapsed', () => {
    expect(shortText('Lorem ipsum dolor sit amet. '.repeat(60), 240)).toBe('');
    expect(shortText('  Foto:\n\n   dpa  ', 240)).toBe('Foto: dpa');
    // Runs of non-ASCII spaces count once each: exactly at the limit once collapsed.
    for (const sp of ['\u00a0', '\u2009', '\u3000', '\ufeff', '\u2028', '\u1680']) {
      const text = Array.from({ length: 30 }, () => 'ab').join(sp.repeat(3));
      expect(shortText(text, 89)).toBe(Array.from({ length: 30 }, () => 'ab').join(' '));
    }
  });
});
