import { HIGHLIGHT_CSS } from '@/components/highlights';
import { adoptEarly } from '@/utils/sentences/highlight-sheet';
import { isOnForHost, readSettings } from '@/utils/settings';

/**
 * Adopts the highlights' stylesheet while the page is still nearly empty, on sites where
 * Sourcelight is on: adopted later, into a built page, it restyles every element at once (a
 * long task on a large page; see utils/sentences/highlight-sheet.ts). It only styles the
 * highlights the main content script registers, so on its own it changes nothing a reader sees.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  async main() {
    const settings = await readSettings().catch(() => null);
    if (settings && isOnForHost(settings, location.hostname)) adoptEarly(document, HIGHLIGHT_CSS);
  },
});
