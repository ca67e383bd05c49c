/**
 * Turns an element tree into paragraph-sized text blocks. Block boundaries matter: the ranking
 * splits blocks into sentences, and a heading glued to the next paragraph makes a false sentence.
 */

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Never text a reader sees. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Collapses runs of white space (including non-breaking spaces) to single spaces. */
export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/**
 * Text blocks of `root` in document order: a block starts and ends at every block-level
 * element, so `<div>intro<p>para</p>tail</div>` gives three blocks. `<br>` separates both
 * paragraphs (`<br><br>`) and the lines of one sentence: after a single `<br>`, a line that starts
 * in lower case continues a line that ended without sentence punctuation.
 */
export function blocksOf(root: Node): string[] {
  const blocks: string[] = [];
  let buffer = '';
  // True when the last boundary was a single <br>, which may sit inside a sentence.
  let softBoundary = false;
  const flush = (soft: boolean) => {
    const text = normalizeSpace(buffer);
    buffer = '';
    if (!text) {
      // A second <br> in a row, or any block edge, makes the boundary a paragraph break.
      softBoundary = false;
      return;
    }
    const prev = blocks[blocks.length - 1];
    if (softBoundary && prev !== undefined && /[\p{L},;]$/u.test(prev) && /^\p{Ll}/u.test(text)) {
      blocks[blocks.length - 1] = `${prev} ${text}`;
    } else {
      blocks.push(text);
    }
    softBoundary = soft;
  };
  const walk = (node: Node) => {
    if (node.nodeType === TEXT_NODE) {
      buffer += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (tag === 'BR') return flush(true);
    if (SKIPPED_TAGS.has(tag) || (node as Element).hasAttribute('hidden')) return;
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) flush(false);
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (isBlock) flush(false);
  };
  walk(root);
  flush(false);
  return blocks;
}

/** Blocks of a plain-text document: paragraphs are separated by blank lines. */
export function blocksOfPlainText(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map(normalizeSpace)
    .filter(Boolean);
}
