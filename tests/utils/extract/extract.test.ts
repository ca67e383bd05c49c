// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  extractDocument,
  extractFetched,
  extractPlainText,
  siteFromUrl,
  toIsoDate,
} from '../../../utils/extract';

const PARAS = [
  'The city council voted on Tuesday to expand the bus network to the northern districts, a plan that had been debated for more than three years.',
  'Officials said the first new routes would open in March, with buses every twelve minutes during the morning and evening peaks.',
  'Opponents argued that the cost, estimated at 48 million euros, would be better spent on repairing existing roads and bridges.',
  'The mayor said the vote showed that residents wanted cleaner and faster ways to reach the city centre.',
];

/** A news-like page: furniture around an article, with optional head content. */
function page({
  head = '',
  article = PARAS.map((p) => `<p>${p}</p>`).join('\n'),
  lang = 'en',
} = {}) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>
  <header><nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav></header>
  <main><article><h1>Council expands bus network</h1>${article}</article></main>
  <aside><h2>Most read</h2><ul><li><a href="/a">Another story</a></li><li><a href="/b">More</a></li></ul></aside>
  <footer><p>© Example Media. All rights reserved.</p></footer></body></html>`;
}

const URL_ = 'https://www.example-news.com/2024/05/bus-network';

describe('extractDocument text', () => {
  it('keeps article paragraphs as blocks, in order, without page furniture', () => {
    const doc = extractDocument(page(), URL_);
    expect(doc.blocks).toEqual(expect.arrayContaining(PARAS));
    const order = PARAS.map((p) => doc.blocks.indexOf(p));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(doc.text).not.toContain('All rights reserved');
    expect(doc.text).not.toContain('Most read');
    expect(doc.text).toBe(doc.blocks.join('\n\n'));
  });

  it('splits at headings, list items and quotes, and drops scripts and styles', () => {
    const article = `<p>${PARAS[0]}</p><h2>What happens next</h2><p>${PARAS[1]}</p>
      <ul><li>Route 12 to Nordhafen.</li><li>Route 14 to Weststadt.</li></ul>
      <blockquote>“We listened to residents,” the mayor said.</blockquote>
      <script>document.write("<p>injected</p>")</script><style>p { color: red }</style>
      <p>${PARAS[2]}</p><p>${PARAS[3]}</p>`;
    const { blocks } = extractDocument(page({ article }), URL_);
    expect(blocks).toContain('What happens next');
    expect(blocks).toContain('Route 12 to Nordhafen.');
    expect(blocks).toContain('Route 14 to Weststadt.');
    expect(blocks).toContain('“We listened to residents,” the mayor said.');
    expect(blocks.join(' ')).not.toMatch(/injected|color: red/);
  });

  it('joins lines broken by <br> inside a sentence but not paragraphs', () => {
    const article = `<p>${PARAS[0]}</p><p>The plan was approved by a large<br>majority of the council.<br><br>Work starts soon.</p>
      <p>${PARAS[1]}</p><p>${PARAS[2]}</p>`;
    const { blocks } = extractDocument(page({ article }), URL_);
    expect(blocks).toContain('The plan was approved by a large majority of the council.');
    expect(blocks).toContain('Work starts soon.');
  });

  it('collapses white space and entities', () => {
    const article = `<p>${PARAS[0]}</p><p>Fares   stay&nbsp;at\n  2&nbsp;€ &amp; transfers are free.</p><p>${PARAS[1]}</p><p>${PARAS[2]}</p>`;
    expect(extractDocument(page({ article }), URL_).blocks).toContain(
      'Fares stay at 2 € & transfers are free.',
    );
  });

  it('falls back to the page paragraphs when Readability finds no article', () => {
    const html = `<html><body><nav><p>Menu item</p></nav><div><p>Short note one.</p><p>Short note two about the buses in town.</p><p>Short note three, the last one here.</p><p>And a fourth short note.</p></div></body></html>`;
    const { blocks } = extractDocument(html, URL_);
    expect(blocks).toEqual([
      'Short note one.',
      'Short note two about the buses in town.',
      'Short note three, the last one here.',
      'And a fourth short note.',
    ]);
  });

  it('copes with empty and fragmentary input', () => {
    expect(extractDocument('', URL_).blocks).toEqual([]);
    expect(extractDocument('<p>Only a line', URL_).text).toBe('Only a line');
  });
});

describe('extractDocument metadata', () => {
  it('prefers JSON-LD, found inside @graph and arrays', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Ignored' },
        {
          '@type': ['NewsArticle'],
          headline: 'Bus network to grow north',
          datePublished: '2024-05-14T09:30:00+02:00',
          publisher: { '@type': 'Organization', name: 'Example News' },
          inLanguage: 'de',
        },
      ],
    };
    const head = `<script type="application/ld+json">${JSON.stringify(ld)}</script>
      <script type="application/ld+json">{ broken json </script>
      <meta property="og:title" content="Bus network to grow north, council says"><meta property="og:site_name" content="OG Site">
      <meta property="article:published_time" content="2020-01-01T00:00:00Z"><title>Tab title</title>`;
    const doc = extractDocument(page({ head, lang: '' }), URL_);
    expect(doc.title).toBe('Bus network to grow north');
    expect(doc.siteName).toBe('Example News');
    expect(doc.publishedAt).toBe('2024-05-14T07:30:00.000Z');
    expect(doc.lang).toBe('de');
  });

  it('reads JSON-LD wrapped in CDATA markers', () => {
    const head = `<script type="application/ld+json">
      <![CDATA[ {"@type":"NewsArticle","headline":"Council expands bus network","datePublished":"2021-06-01T08:00:00Z"} ]]>
      </script><title>Council expands bus network</title>`;
    expect(extractDocument(page({ head }), URL_).publishedAt).toBe('2021-06-01T08:00:00.000Z');
  });

  it('falls back to OpenGraph and article meta tags', () => {
    const head = `<meta property="og:title" content="OG: bus network grows">
      <meta property="og:site_name" content="The Daily Example">
      <meta property="article:published_time" content="2023-11-02T10:00:00Z">
      <meta property="og:locale" content="en_GB"><title>Tab title</title>`;
    const doc = extractDocument(page({ head, lang: '' }), URL_);
    expect(doc).toMatchObject({
      title: 'OG: bus network grows',
      siteName: 'The Daily Example',
      publishedAt: '2023-11-02T10:00:00.000Z',
      lang: 'en-GB',
    });
  });

  it('uses <time datetime>, <title> without the site suffix, and the host name', () => {
    const article = `<p><time datetime="2022-03-04">4 March 2022</time></p>${PARAS.map((p) => `<p>${p}</p>`).join('')}`;
    const head = '<title>Council expands bus network | example-news.com</title>';
    const doc = extractDocument(page({ head, article }), URL_);
    expect(doc.publishedAt).toBe('2022-03-04T00:00:00.000Z');
    expect(doc.siteName).toBe('example-news.com');
    expect(doc.title).toBe('Council expands bus network');
    expect(doc.lang).toBe('en');
  });

  it('prefers a time marked as the publication date', () => {
    const article = `<p>Updated <time datetime="2022-05-01T00:00:00Z">May</time></p>
      <p>Published <time itemprop="datePublished" datetime="2022-04-01T00:00:00Z">April</time></p>${PARAS.map((p) => `<p>${p}</p>`).join('')}`;
    expect(extractDocument(page({ article }), URL_).publishedAt).toBe('2022-04-01T00:00:00.000Z');
  });

  it('falls back to the first heading when the page has no title', () => {
    expect(extractDocument(page(), URL_).title).toBe('Council expands bus network');
  });

  it('resolves the favicon and canonical URL against the page or <base>', () => {
    const head = `<link rel="apple-touch-icon" href="/touch.png"><link rel="shortcut icon" href="img/fav.ico">
      <link rel="icon" sizes="192x192" href="/big.png"><link rel="canonical" href="/2024/05/bus-network">`;
    const doc = extractDocument(page({ head }), URL_);
    expect(doc.faviconUrl).toBe('https://www.example-news.com/2024/05/img/fav.ico');
    expect(doc.canonicalUrl).toBe('https://www.example-news.com/2024/05/bus-network');
    const based = extractDocument(
      page({ head: '<base href="https://cdn.example.org/x/"><link rel="icon" href="i.png">' }),
      URL_,
    );
    expect(based.faviconUrl).toBe('https://cdn.example.org/x/i.png');
  });

  it('defaults the favicon to /favicon.ico and ignores non-http icons', () => {
    const head = '<link rel="icon" href="data:image/png;base64,AAAA">';
    expect(extractDocument(page({ head }), URL_).faviconUrl).toBe(
      'https://www.example-news.com/favicon.ico',
    );
  });

  it('omits dates that are not dates and languages that are not tags', () => {
    const head = '<meta property="article:published_time" content="yesterday">';
    const doc = extractDocument(page({ head, lang: 'english please' }), URL_);
    expect(doc.publishedAt).toBeUndefined();
    expect(doc.lang).toBeUndefined();
  });
});

describe('plain text and helpers', () => {
  it('splits plain text on blank lines', () => {
    const doc = extractPlainText(
      'Report title\r\n\r\nFirst paragraph\nwraps here.\n \n\nSecond.',
      URL_,
    );
    expect(doc.blocks).toEqual(['Report title', 'First paragraph wraps here.', 'Second.']);
    expect(doc.title).toBe('Report title');
    expect(doc.siteName).toBe('example-news.com');
  });

  it('dispatches on content type', () => {
    expect(extractFetched('a\n\nb', URL_, 'text/plain').blocks).toEqual(['a', 'b']);
    expect(extractFetched('<p>a</p><p>b</p>', URL_, 'text/html').blocks).toEqual(['a', 'b']);
  });

  it('names sites and reads dates', () => {
    expect(siteFromUrl('https://www2.example.org/x')).toBe('example.org');
    expect(siteFromUrl('nonsense')).toBe('');
    expect(toIsoDate('20240131')).toBe('2024-01-31T00:00:00.000Z');
    expect(toIsoDate('20240131T101500Z')).toBe('2024-01-31T10:15:00.000Z');
    expect(toIsoDate('Tue, 14 May 2024 09:30:00 GMT')).toBe('2024-05-14T09:30:00.000Z');
    expect(toIsoDate('1900-01-01')).toBeUndefined();
    expect(toIsoDate('3000-01-01')).toBeUndefined();
    expect(toIsoDate('soon')).toBeUndefined();
  });
});
