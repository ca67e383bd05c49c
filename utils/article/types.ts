/** The shapes `findArticle` returns; see index.ts. */

/** One body block: the element whose text the marker segments into sentences. */
export interface ArticleBlock {
  element: Element;
  kind: 'paragraph' | 'heading' | 'list-item' | 'quote' | 'cell';
}

/** The article found in a page. */
export interface Article {
  /** The element that holds the whole body (it may also hold some chrome, which `blocks` leave out). */
  root: Element;
  headline: string;
  /** Body blocks in document order; no block is nested in another. */
  blocks: ArticleBlock[];
  lang?: string;
  /** ISO 8601. */
  publishedAt?: string;
  canonicalUrl?: string;
}
