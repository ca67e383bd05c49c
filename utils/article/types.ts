/** The shapes `findArticle` returns; see index.ts. */

/** One body block: the element whose text the marker segments into sentences. */
export interface ArticleBlock {
  element: Element;
  kind: 'paragraph' | 'heading' | 'list-item' | 'quote' | 'cell';
  /**
   * Only the element's loose text is the block: the text outside its block-level children, which
   * are blocks of their own or chrome ("text<p>…</p><p>…</p>": the first paragraph has no tag).
   */
  loose?: true;
}

/** The article found in a page. */
export interface Article {
  /** The element that holds the whole body (it may also hold some chrome, which `blocks` leave out). */
  root: Element;
  headline: string;
  /**
   * Body blocks in document order; no block's text is in another's (a loose block's element holds
   * other blocks, but its text is only what lies outside them).
   */
  blocks: ArticleBlock[];
  lang?: string;
  /** ISO 8601. */
  publishedAt?: string;
  canonicalUrl?: string;
}
