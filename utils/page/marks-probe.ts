/**
 * TEST BUILDS ONLY (entrypoints/content.ts wires it when the build has test ports; production
 * builds drop it). The set of all marked sentences is not registered with the page, since every
 * registered range costs the page on every frame (utils/sentences/marks.ts). A test that reads
 * the marks dispatches `sourcelight:expose-marks` on the document, reads the
 * `sourcelight-sentence` highlight from `CSS.highlights` and dispatches `sourcelight:hide-marks`,
 * all in one task: the page never paints with it.
 */
export const EXPOSE_MARKS = 'sourcelight:expose-marks';
export const HIDE_MARKS = 'sourcelight:hide-marks';
/**
 * Answered at once to EXPOSE_MARKS, as a JSON list in `detail`: the marked sentences' texts as
 * the extension reads them. A range's own text also holds what the marker skipped inside it
 * (a hidden MathML copy of a formula, screen-reader-only words).
 */
export const MARKS_TEXT = 'sourcelight:marks-text';

/** Listens for the two events; returns the function that stops listening. */
export function listenForMarksProbe(
  doc: Document,
  marks: () => { expose(on: boolean): void; texts(): string[] } | null | undefined,
): () => void {
  const show = () => {
    const m = marks();
    if (!m) return;
    m.expose(true);
    doc.dispatchEvent(new CustomEvent(MARKS_TEXT, { detail: JSON.stringify(m.texts()) }));
  };
  const hide = () => marks()?.expose(false);
  doc.addEventListener(EXPOSE_MARKS, show);
  doc.addEventListener(HIDE_MARKS, hide);
  return () => {
    doc.removeEventListener(EXPOSE_MARKS, show);
    doc.removeEventListener(HIDE_MARKS, hide);
  };
}
