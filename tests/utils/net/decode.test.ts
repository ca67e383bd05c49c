// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  charsetFromContentType,
  decodeBody,
  metaCharset,
  mimeType,
} from '../../../utils/net/decode';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('content-type parsing', () => {
  it('reads mime and charset', () => {
    expect(mimeType('Text/HTML; Charset="ISO-8859-1"')).toBe('text/html');
    expect(charsetFromContentType('Text/HTML; Charset="ISO-8859-1"')).toBe('iso-8859-1');
    expect(charsetFromContentType('text/html;charset=shift_jis')).toBe('shift_jis');
    expect(charsetFromContentType('text/html')).toBeUndefined();
    expect(mimeType(null)).toBe('');
  });

  it('finds a meta charset in either spelling', () => {
    expect(metaCharset(ascii('<html><head><meta charset="windows-1251">'))).toBe('windows-1251');
    expect(
      metaCharset(ascii('<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">')),
    ).toBe('euc-jp');
    expect(metaCharset(ascii('<meta name="x" content="y">'))).toBeUndefined();
  });
});

describe('decodeBody', () => {
  // "café – naïve" in windows-1252: é=0xE9, en dash=0x96, ï=0xEF
  const cp1252 = new Uint8Array([
    0x63, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65,
  ]);

  it('uses the header charset', () => {
    expect(decodeBody(cp1252, 'windows-1252', true).text).toBe('café – naïve');
    expect(decodeBody(cp1252, 'iso-8859-1', true).text).toBe('café – naïve');
  });

  it('falls back to windows-1252 when bytes are not UTF-8 and nothing is declared', () => {
    const r = decodeBody(cp1252, undefined, true);
    expect(r).toEqual({ text: 'café – naïve', charset: 'windows-1252' });
  });

  it('defaults to UTF-8', () => {
    expect(decodeBody(ascii('Zürich — 東京'), undefined, true)).toEqual({
      text: 'Zürich — 東京',
      charset: 'utf-8',
    });
  });

  it('prefers a byte-order mark over the header', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...ascii('ü')]);
    expect(decodeBody(bom, 'windows-1252', true).text).toBe('ü');
  });

  it('honours a meta declaration for HTML only', () => {
    // 日本 in Shift_JIS
    const sjis = new Uint8Array([
      ...ascii('<meta charset="shift_jis"><p>'),
      0x93,
      0xfa,
      0x96,
      0x7b,
    ]);
    expect(decodeBody(sjis, undefined, true).text).toContain('日本');
    expect(decodeBody(sjis, undefined, false).charset).toBe('windows-1252');
  });

  it('treats a meta utf-16 claim as UTF-8 and ignores unknown labels', () => {
    expect(decodeBody(ascii('<meta charset="utf-16"><p>é'), undefined, true).charset).toBe('utf-8');
    expect(decodeBody(ascii('plain'), 'x-no-such-charset', false).text).toBe('plain');
  });
});
