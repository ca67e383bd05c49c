import { beforeEach, describe, expect, it } from 'vitest';
import { clearLeftovers } from '@/utils/page/leftovers';

const NAMES = ['sourcelight-sentence', 'sourcelight-sourced'] as const;
const TRACES = { hostTag: 'sourcelight-ui', highlightNames: NAMES };
const OUR_CSS = '::highlight(sourcelight-sourced) { text-decoration: underline dotted; }';
const PAGE_CSS = 'p { color: rgb(1, 2, 3); }';

/** A stand-in for CSS.highlights (happy-dom has none). */
function registry(names: string[]) {
  const map = new Map(names.map((n) => [n, {}]));
  return { has: (n: string) => map.has(n), delete: (n: string) => map.delete(n), map };
}

/**
 * A constructed sheet whose rules read back as `css`, as browsers serialise them (happy-dom's
 * parser drops `::highlight()` rules, so the rules are given here).
 */
function sheet(css: string): CSSStyleSheet {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  Object.defineProperty(s, 'cssRules', { value: [{ cssText: css }] });
  return s;
}

function style(css: string): HTMLStyleElement {
  const el = document.createElement('style');
  el.textContent = css;
  return el;
}

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '<p>Text</p>';
  document.adoptedStyleSheets = [];
});

describe('clearLeftovers', () => {
  it('removes an orphan’s UI host, highlights and adopted highlight sheet, keeps the page’s', () => {
    document.body.append(document.createElement('sourcelight-ui'));
    const pageSheet = sheet(PAGE_CSS);
    document.adoptedStyleSheets = [pageSheet, sheet(OUR_CSS)];
    const reg = registry(['sourcelight-sentence', 'sourcelight-sourced', 'page-own']);

    expect(clearLeftovers(document, TRACES, reg)).toBe(4);
    expect(document.getElementsByTagName('sourcelight-ui')).toHaveLength(0);
    expect(document.adoptedStyleSheets).toEqual([pageSheet]);
    expect([...reg.map.keys()]).toEqual(['page-own']);
    expect(document.body.innerHTML).toBe('<p>Text</p>');
  });

  it('removes a fallback <style> with highlight rules, not the page’s own styles', () => {
    document.head.replaceChildren(style(PAGE_CSS), style(OUR_CSS));
    expect(clearLeftovers(document, TRACES, registry([]))).toBe(1);
    expect(document.head.innerHTML).toBe(`<style>${PAGE_CSS}</style>`);
  });

  it('leaves a page’s own large stylesheet alone even when it styles our highlight names', () => {
    const big = `${PAGE_CSS}\n`.repeat(800) + OUR_CSS;
    document.head.replaceChildren(style(big));
    const manyRules = sheet(OUR_CSS);
    Object.defineProperty(manyRules, 'cssRules', {
      value: Array.from({ length: 200 }, () => ({ cssText: OUR_CSS })),
    });
    document.adoptedStyleSheets = [manyRules];
    expect(clearLeftovers(document, TRACES, registry([]))).toBe(0);
    expect(document.head.children).toHaveLength(1);
    expect(document.adoptedStyleSheets).toEqual([manyRules]);
  });

  it('looks for the fallback <style> only where it is put, not in the body', () => {
    document.body.append(style(OUR_CSS));
    document.documentElement.append(style(OUR_CSS));
    expect(clearLeftovers(document, TRACES, registry([]))).toBe(1);
    expect(document.body.querySelectorAll('style')).toHaveLength(1);
    expect(document.documentElement.querySelectorAll(':scope > style')).toHaveLength(0);
  });

  it('a page seen for the first time → nothing removed', () => {
    const pageSheet = sheet(PAGE_CSS);
    document.adoptedStyleSheets = [pageSheet];
    document.head.replaceChildren(style(PAGE_CSS));
    expect(clearLeftovers(document, TRACES, registry(['page-own']))).toBe(0);
    expect(document.adoptedStyleSheets).toEqual([pageSheet]);
    expect(document.head.innerHTML).toBe(`<style>${PAGE_CSS}</style>`);
  });

  it('works without a highlight registry (browsers without CSS.highlights)', () => {
    document.body.append(document.createElement('sourcelight-ui'));
    expect(clearLeftovers(document, TRACES, undefined)).toBe(1);
  });
});
