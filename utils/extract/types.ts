/** What extraction returns for one fetched page. */
export interface ExtractedDoc {
  /** The URL the page was fetched from (after redirects). */
  url: string;
  /** `<link rel=canonical>`, when the page names an http(s) one. */
  canonicalUrl?: string;
  title: string;
  /** The publication's name; the host name (without `www.`) when the page does not say. */
  siteName: string;
  /** BCP 47 language tag, when the page declares one. */
  lang?: string;
  /** ISO 8601, when the page states when it was published. */
  publishedAt?: string;
  /** Absolute http(s) URL of the page's icon, or `/favicon.ico` of its origin. */
  faviconUrl?: string;
  /** The readable text: `blocks` joined by blank lines. */
  text: string;
  /** Paragraph-sized blocks (paragraphs, list items, headings, quotes) in reading order. */
  blocks: string[];
}
