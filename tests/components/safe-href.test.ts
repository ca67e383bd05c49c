// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { safeHref, safeImageDataUrl } from '../../components/safe-href.ts';

describe('safeHref', () => {
  it('keeps absolute http and https URLs, fragment included', () => {
    expect(safeHref('https://example.com/a?b=1#:~:text=hello')).toBe(
      'https://example.com/a?b=1#:~:text=hello',
    );
    expect(safeHref('http://example.com')).toBe('http://example.com/');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/',
    'blob:https://example.com/uuid',
    '//example.com/path',
    '/relative/path',
    'not a url',
    '',
  ])('refuses %j', (url) => {
    expect(safeHref(url)).toBeUndefined();
  });

  it('refuses non-strings', () => {
    expect(safeHref(undefined)).toBeUndefined();
    expect(safeHref(null)).toBeUndefined();
    expect(safeHref(42 as unknown as string)).toBeUndefined();
  });
});

describe('safeImageDataUrl', () => {
  it('accepts inline images only', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(safeImageDataUrl(png)).toBe(png);
    expect(safeImageDataUrl('https://example.com/favicon.ico')).toBeUndefined();
    expect(safeImageDataUrl('data:text/html;base64,PHNjcmlwdD4=')).toBeUndefined();
    expect(safeImageDataUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeImageDataUrl(undefined)).toBeUndefined();
  });
});
