/**
 * URL checks for anything the UI puts into an attribute that the browser will act on. Preact
 * passes `javascript:` hrefs through unchanged, and source URLs ultimately come from pages we
 * do not control, so every href and img src is filtered here.
 */

/**
 * Returns the normalised URL when it parses as absolute http(s), else `undefined`
 * (`javascript:`, `data:`, `vbscript:`, relative or malformed input).
 */
export function safeHref(url: string | undefined | null): string | undefined {
  if (typeof url !== 'string' || url.length === 0 || url.length > 8192) return undefined;
  let parsed: URL;
  try {
    // No base: a relative URL would resolve against the page, which is never what a source means.
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return parsed.href;
}

/** Raster or SVG images inlined as data: URLs; only these may be an <img> source. */
const IMAGE_DATA_URL =
  /^data:image\/(?:png|gif|jpeg|webp|x-icon|vnd\.microsoft\.icon|svg\+xml)[;,]/i;

/**
 * Returns the favicon data: URL when it is an inline image, else `undefined`. The card never
 * loads remote images (that would tell a site the reader looked at its source).
 */
export function safeImageDataUrl(url: string | undefined | null): string | undefined {
  if (typeof url !== 'string' || url.length > 100_000) return undefined;
  return IMAGE_DATA_URL.test(url) ? url : undefined;
}
