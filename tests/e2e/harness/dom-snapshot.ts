/**
 * A comparable picture of a page's DOM, for "turning the extension off gives the page back
 * exactly as it was": the serialised HTML, plus one normalised line per node (open shadow
 * roots included, attributes sorted) so a difference names the node it is in.
 */
import { evaluateIn, type AnyPage } from './pages.ts';

/** What {@link domSnapshot} returns. */
export interface DomSnapshot {
  /** `document.documentElement.outerHTML` */
  html: string;
  /** One line per node in document order: `path type name [attrs] "text"`. */
  nodes: string[];
  /** Names in `CSS.highlights` (a marking method that leaves no DOM trace). */
  highlights: string[];
}

/** Takes a snapshot of the page's main document. */
export async function domSnapshot(page: AnyPage): Promise<DomSnapshot> {
  return evaluateIn(
    page,
    () => {
      const nodes: string[] = [];
      const walk = (node: Node, path: string) => {
        let line = `${path} ${node.nodeType} ${node.nodeName}`;
        if (node instanceof Element) {
          const attrs = [...node.attributes]
            .map((a) => `${a.name}=${JSON.stringify(a.value)}`)
            .sort();
          if (attrs.length) line += ` [${attrs.join(' ')}]`;
        } else if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.COMMENT_NODE) {
          line += ` ${JSON.stringify(node.nodeValue)}`;
        }
        nodes.push(line);
        if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot, `${path}/#shadow`);
        node.childNodes.forEach((child, i) => walk(child, `${path}/${i}`));
      };
      walk(document.documentElement, '0');
      const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, unknown> } })
        .CSS?.highlights;
      return {
        html: document.documentElement.outerHTML,
        nodes,
        highlights: registry ? [...registry.keys()].sort() : [],
      };
    },
    undefined,
  );
}

/** Human-readable differences between two snapshots (empty when identical), at most `limit`. */
export function diffSnapshots(before: DomSnapshot, after: DomSnapshot, limit = 10): string[] {
  const out: string[] = [];
  const max = Math.max(before.nodes.length, after.nodes.length);
  for (let i = 0; i < max && out.length < limit; i++) {
    if (before.nodes[i] !== after.nodes[i]) {
      out.push(
        `node ${i}: before ${before.nodes[i] ?? '(none)'} | after ${after.nodes[i] ?? '(none)'}`,
      );
    }
  }
  if (before.highlights.join() !== after.highlights.join()) {
    out.push(
      `CSS.highlights: before [${before.highlights.join()}] | after [${after.highlights.join()}]`,
    );
  }
  if (out.length === 0 && before.html !== after.html)
    out.push('outerHTML differs (no node-level difference)');
  return out;
}
