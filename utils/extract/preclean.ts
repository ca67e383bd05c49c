/**
 * Drops what can never be article text from the HTML string before it is parsed: comments,
 * scripts (except JSON-LD metadata), styles, inline SVG, noscript fallbacks, frames and form
 * controls. On news pages these are often most of
 * the bytes, and every node linkedom does not build is one Readability does not walk.
 */

// One left-to-right pass, so whichever construct opens first wins, as in the HTML tokenizer
// (a script ends at the first `</script`, whatever its JavaScript says).
const NOISE =
  /<!--[\s\S]*?-->|<(script|style|svg|template|noscript|iframe|select|textarea)\b([^>]*)>[\s\S]*?<\/\1\s*>|<\/?(?:script|style|svg)\b[^>]*>/gi;

/** `html` without the constructs above; JSON-LD scripts are kept for the metadata. */
export function precleanHtml(html: string): string {
  return html.replace(NOISE, (match, tag: string | undefined, attrs: string | undefined) =>
    tag?.toLowerCase() === 'script' && /application\/ld\+json/i.test(attrs ?? '') ? match : '',
  );
}
