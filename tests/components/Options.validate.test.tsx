// @vitest-environment node
/** The options page's input rules and the provider field table. */
import { describe, expect, it } from 'vitest';
import {
  checkField,
  destination,
  PROVIDER_FIELDS,
  readField,
  writeField,
} from '../../components/options-fields.ts';
import {
  checkApiKey,
  checkBookName,
  checkEndpoint,
  checkFieldName,
  checkIndexName,
  parseHost,
  parseHoverDelay,
} from '../../components/options-validate.ts';

const key = (p: { key: string } | null) => p?.key ?? null;

describe('checkEndpoint', () => {
  it('accepts http and https URLs', () => {
    expect(checkEndpoint('https://searx.example.org')).toBeNull();
    expect(checkEndpoint('  http://127.0.0.1:8080/search ')).toBeNull();
  });
  it('names why an address is refused', () => {
    expect(key(checkEndpoint('searx.example.org'))).toBe('errUrlInvalid');
    expect(key(checkEndpoint('ftp://example.org'))).toBe('errUrlScheme');
    expect(key(checkEndpoint('javascript:alert(1)'))).toBe('errUrlScheme');
    expect(key(checkEndpoint('https://user:pw@example.org'))).toBe('errUrlCredentials');
    expect(key(checkEndpoint(`https://example.org/${'a'.repeat(2100)}`))).toBe('errTooLong');
  });
});

describe('checkApiKey', () => {
  it('accepts one token, user:password included', () => {
    expect(checkApiKey('AIzaSyA-123_xyz')).toBeNull();
    expect(checkApiKey('elastic:s3cret')).toBeNull();
  });
  it('refuses spaces, control characters and pasted documents', () => {
    expect(key(checkApiKey('abc def'))).toBe('errSpaces');
    expect(key(checkApiKey('abc\u0007'))).toBe('errKeyChars');
    expect(key(checkApiKey('k'.repeat(513)))).toBe('errTooLong');
  });
});

describe('checkIndexName', () => {
  it('follows the engines’ index name rules', () => {
    expect(checkIndexName('news-2024.v1')).toBeNull();
    expect(key(checkIndexName('News'))).toBe('errIndexCase');
    expect(key(checkIndexName('my index'))).toBe('errIndexChars');
    expect(key(checkIndexName('a,b'))).toBe('errIndexChars');
    expect(key(checkIndexName('a:b'))).toBe('errIndexChars');
    expect(key(checkIndexName('_hidden'))).toBe('errIndexStart');
    expect(key(checkIndexName('..'))).toBe('errIndexStart');
    expect(key(checkIndexName('é'.repeat(128)))).toBe('errTooLong');
  });
});

describe('field and book names', () => {
  it('accepts dotted field paths, refuses stray dots and spaces', () => {
    expect(checkFieldName('meta.url')).toBeNull();
    expect(key(checkFieldName('.url'))).toBe('errFieldChars');
    expect(key(checkFieldName('a..b'))).toBe('errFieldChars');
    expect(key(checkFieldName('my field'))).toBe('errFieldChars');
  });
  it('accepts Kiwix book names', () => {
    expect(checkBookName('wikipedia_en_all_maxi_2024-01')).toBeNull();
    expect(key(checkBookName('wiki pedia'))).toBe('errBookChars');
  });
});

describe('parseHost', () => {
  it('reads typed and pasted sites into host names', () => {
    expect(parseHost('News.Example.com')).toEqual({ host: 'news.example.com' });
    expect(parseHost('https://www.example.org/path?q=1')).toEqual({ host: 'www.example.org' });
    expect(parseHost('bücher.de')).toEqual({ host: 'xn--bcher-kva.de' });
    expect(parseHost('localhost')).toEqual({ host: 'localhost' });
    expect(parseHost('10.0.0.1')).toEqual({ host: '10.0.0.1' });
  });
  it('refuses what is not a site', () => {
    for (const bad of ['', 'news', 'a b.com', '-bad.example', 'example.123', 'http://'])
      expect(parseHost(bad), bad).toEqual({ problem: { key: 'errHostInvalid', subs: [] } });
  });
});

describe('parseHoverDelay', () => {
  it('accepts whole numbers of ms from 0 to 2000', () => {
    expect(parseHoverDelay('0')).toEqual({ ms: 0 });
    expect(parseHoverDelay(' 2000 ')).toEqual({ ms: 2000 });
  });
  it('refuses the rest', () => {
    for (const bad of ['', '-1', '2001', '1.5', 'abc', '150ms'])
      expect('problem' in parseHoverDelay(bad), bad).toBe(true);
  });
});

describe('provider fields', () => {
  it('asks for an address and a book for Kiwix, a key for Brave, nothing for Wikipedia', () => {
    expect(PROVIDER_FIELDS.kiwix.map((f) => [f.name, f.required])).toEqual([
      ['endpoint', true],
      ['book', true],
    ]);
    expect(PROVIDER_FIELDS.brave.map((f) => f.name)).toEqual(['apiKey']);
    expect(PROVIDER_FIELDS.wikipedia).toEqual([]);
  });
  it('reports an empty required field, not an empty optional one', () => {
    const [endpoint] = PROVIDER_FIELDS.searxng;
    const optionalKey = PROVIDER_FIELDS.opensearch.find((f) => f.name === 'apiKey')!;
    expect(key(checkField(endpoint!, ' '))).toBe('errRequired');
    expect(checkField(optionalKey, '')).toBeNull();
  });
  it('writes and clears nested document fields', () => {
    let c = writeField({ enabled: true }, 'fields.url', ' link ');
    expect(c).toEqual({ enabled: true, fields: { url: 'link' } });
    expect(readField(c, 'fields.url')).toBe('link');
    c = writeField(c, 'fields.url', '');
    expect(c).toEqual({ enabled: true });
    expect(writeField({ enabled: false, book: 'x' }, 'book', '')).toEqual({ enabled: false });
  });
  it('names where queries go', () => {
    expect(destination('wikipedia', { enabled: false })).toBe('wikipedia.org');
    expect(destination('searxng', { enabled: false })).toBeUndefined();
    expect(
      destination('searxng', { enabled: false, endpoint: 'https://searx.example:8443/x' }),
    ).toBe('searx.example:8443');
  });
});
