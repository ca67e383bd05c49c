// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { kiwixPattern, parseRssItems } from '@/utils/sources/providers/kiwix';
import { buildQuery } from '@/utils/sources/providers/query';

describe('kiwixPattern', () => {
  it('requires the names and offers dates and key words as alternatives', () => {
    const q = buildQuery(
      {
        text: 'Storm Ilsa pushed the sea 1.62 metres above the predicted tide at Port Aldery last year, the highest surge since records began in 1953.',
      },
      { lang: 'en' },
    );
    const pattern = kiwixPattern(q);
    expect(pattern.startsWith('Storm Ilsa Port Aldery (')).toBe(true);
    const any = /\((.*)\)$/.exec(pattern)![1]!.split(' OR ');
    expect(any).toContain('1953');
    expect(any).toEqual(expect.arrayContaining(q.terms));
    // Figures stay out: an encyclopedia words them differently ("1.62 m", "162 cm").
    expect(pattern).not.toContain('1.62');
  });

  it('drops words Xapian would read as operators and repeats no word', () => {
    const pattern = kiwixPattern({
      entities: ['NATO', 'AND Partners'],
      numbers: [],
      dates: ['2024'],
      terms: ['nato', 'summit'],
      lang: 'en',
    });
    expect(pattern).toBe('NATO Partners (2024 OR summit)');
  });

  it('needs no brackets for a single alternative, and none without names', () => {
    const base = { numbers: [], dates: [], lang: 'en' };
    expect(kiwixPattern({ ...base, entities: [], terms: ['tide'] })).toBe('tide');
    expect(kiwixPattern({ ...base, entities: [], terms: ['tide', 'gauge'] })).toBe(
      '(tide OR gauge)',
    );
    expect(kiwixPattern({ ...base, entities: ['Ilsa'], terms: [] })).toBe('Ilsa');
  });
});

describe('parseRssItems', () => {
  // The shape kiwix-serve 3.3.0 answers: links root-relative to the server, `/<book>/<path>`,
  // with the --urlRootLocation prefix when the server has one.
  const rss = (links: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
  <channel>
    <title>Search: Storm Ilsa</title>
    ${links
      .map(
        (l, i) => `<item><title>Article ${i}</title><link>${l}</link>
      <description>...the <b>storm</b> pushed the sea...</description>
      <book><title>Fixture</title></book><wordCount>200</wordCount></item>`,
      )
      .join('\n')}
  </channel>
</rss>`;

  it('resolves root-relative links against the server', () => {
    const items = parseRssItems(rss(['/harrow_coast/Storm_Ilsa.html']), 'http://127.0.0.1:8615');
    expect(items).toEqual([
      {
        title: 'Article 0',
        url: 'http://127.0.0.1:8615/harrow_coast/Storm_Ilsa.html',
        description: '...the storm pushed the sea...',
      },
    ]);
  });

  it('keeps a root location the links already carry', () => {
    const items = parseRssItems(
      rss(['/wiki/harrow_coast/Tide_gauge.html']),
      'http://127.0.0.1:8615/wiki',
    );
    expect(items?.map((i) => i.url)).toEqual([
      'http://127.0.0.1:8615/wiki/harrow_coast/Tide_gauge.html',
    ]);
  });

  it('is undefined for an answer that is not RSS (kiwix-serve errors are XML too)', () => {
    expect(
      parseRssItems(
        '<?xml version="1.0" encoding="UTF-8"><error>Invalid request</error><detail>No such book: x</detail>',
        'http://127.0.0.1:8615',
      ),
    ).toBeUndefined();
  });
});
