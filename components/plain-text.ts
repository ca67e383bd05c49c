/**
 * Text that came from pages we do not control (source titles, site names, passages, error
 * strings) passes through here before the UI shows it. Preact renders it as text nodes, so markup
 * is already inert; what remains are the invisible Unicode bidi controls that reorder what the
 * reader sees ("moc.elgoog" shown as "google.com"). Explicit embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069) are removed; every such element also carries `dir="auto"`, so
 * right-to-left text keeps its own direction without spilling into the card.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** `text` without bidi embedding, override and isolate controls. */
export function plainText(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
