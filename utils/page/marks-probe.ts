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

/** Listens for the two events; returns the function that stops listening. */
export function listenForMarksProbe(
  doc: Document,
  marks: () => { expose(on: boolean): void } | null | undefined,
): () => void {
  const show = () => marks()?.expose(true);
  const hide = () => marks()?.expose(false);
  doc.addEventListener(EXPOSE_MARKS, show);
  doc.addEventListener(HIDE_MARKS, hide);
  return () => {
    doc.removeEventListener(EXPOSE_MARKS, show);
    doc.removeEventListener(HIDE_MARKS, hide);
  };
}
