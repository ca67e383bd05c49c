import { describe, expect, it } from 'vitest';
import { clearLeftovers } from '@/utils/page/leftovers';
import {
  adoptEarly,
  claimSheet,
  isOwnSheet,
  releaseSheet,
} from '@/utils/sentences/highlight-sheet';

const CSS_TEXT = '::highlight(sourcelight-sourced) { text-decoration: underline dotted; }';

/** A document of its own per test: the store keeps one sheet per document. */
function freshDoc(): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = '<p>Text</p>';
  return doc;
}

/** happy-dom drops `::highlight()` rules when parsing: make a sheet read back as browsers do. */
function readsBack(sheet: CSSStyleSheet, css: string): CSSStyleSheet {
  Object.defineProperty(sheet, 'cssRules', { value: [{ cssText: css }] });
  return sheet;
}

describe('the shared highlight sheet', () => {
  it('the early script adopts it; the marks then reuse that very sheet, not a second one', () => {
    const doc = freshDoc();
    const pageSheet = new CSSStyleSheet();
    doc.adoptedStyleSheets = [pageSheet];
    expect(adoptEarly(doc, CSS_TEXT)).toBe(true);
    const early = doc.adoptedStyleSheets[1]!;
    expect(claimSheet(doc, CSS_TEXT)).toBe(early);
    expect(doc.adoptedStyleSheets).toEqual([pageSheet, early]);
  });

  it('released and claimed again (a restart) → the same object goes back, once', () => {
    const doc = freshDoc();
    const sheet = claimSheet(doc, CSS_TEXT);
    releaseSheet(doc, sheet);
    expect(doc.adoptedStyleSheets).toEqual([]);
    expect(claimSheet(doc, CSS_TEXT)).toBe(sheet);
    expect(claimSheet(doc, CSS_TEXT)).toBe(sheet);
    expect(doc.adoptedStyleSheets).toEqual([sheet]);
  });

  it('an early script that finishes after the marks claimed the sheet changes nothing', () => {
    const doc = freshDoc();
    const sheet = claimSheet(doc, CSS_TEXT);
    releaseSheet(doc, sheet); // the reader switched the site off meanwhile
    expect(adoptEarly(doc, CSS_TEXT)).toBe(false);
    expect(doc.adoptedStyleSheets).toEqual([]);
  });

  it('other CSS (another build) gets a sheet of its own', () => {
    const doc = freshDoc();
    const a = claimSheet(doc, CSS_TEXT);
    const b = claimSheet(doc, `${CSS_TEXT} /* v2 */`);
    expect(b).not.toBe(a);
  });

  it('a document that refuses adoption → false from the early script, a throw for the marks', () => {
    const doc = freshDoc();
    Object.defineProperty(doc, 'adoptedStyleSheets', {
      get: () => [],
      set: () => {
        throw new TypeError('refused');
      },
    });
    expect(adoptEarly(doc, CSS_TEXT)).toBe(false);
    expect(() => claimSheet(doc, CSS_TEXT)).toThrow('refused');
  });

  it('clearing leftovers keeps this copy’s sheet and removes an orphan’s with the same rules', () => {
    const doc = freshDoc();
    const orphan = readsBack(new CSSStyleSheet(), CSS_TEXT);
    doc.adoptedStyleSheets = [orphan];
    adoptEarly(doc, CSS_TEXT);
    const own = readsBack(doc.adoptedStyleSheets[1]!, CSS_TEXT);
    expect(isOwnSheet(doc, own)).toBe(true);
    expect(isOwnSheet(doc, orphan)).toBe(false);
    const removed = clearLeftovers(
      doc,
      { hostTag: 'sourcelight-ui', highlightNames: ['sourcelight-sourced'] },
      undefined,
    );
    expect(removed).toBe(1);
    expect(doc.adoptedStyleSheets).toEqual([own]);
  });
});
