import { browser } from 'wxt/browser';
import { installExtensionI18n } from '@/components/i18n';
import { findArticleSteps, isSkippedInline } from '@/utils/article';
import { HIGHLIGHT_CSS } from '@/components/styles';
import { handleMessages, sendMessage } from '@/utils/messaging/channel';
import { PageController } from '@/utils/page/controller';
import { HoverController } from '@/utils/page/hover';
import { Overlay } from '@/utils/page/overlay';
import { segmentSentences } from '@/utils/sentences/segment';
import { getSettings, isOnForHost, watchSettings, type Settings } from '@/utils/settings';

const TEST_BUILD = import.meta.env.SOURCELIGHT_TEST_PORTS !== '';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    installExtensionI18n(browser.i18n);
    let settings: Settings = await getSettings();
    const doc = document;
    const overlay = new Overlay(doc);
    const page = new PageController({
      doc,
      findArticle: findArticleSteps,
      isSkippedInline,
      isOwnNode: (node) => node.nodeName === 'SOURCELIGHT-UI' || overlay.contains(node),
      segment: segmentSentences,
      send: (req) => sendMessage('findSources', req),
      report: (status) => void sendMessage('reportStatus', status).catch(() => {}),
      highlightCss: HIGHLIGHT_CSS,
      ...(TEST_BUILD
        ? {
            announce: (detail) =>
              doc.dispatchEvent(
                new CustomEvent('sourcelight:status', { detail: JSON.stringify(detail) }),
              ),
          }
        : {}),
    });
    const hover = new HoverController(doc, page, overlay, {
      hoverDelayMs: () => settings.hoverDelayMs,
    });
    let session: AbortController | null = null;

    const apply = () => {
      const on = isOnForHost(settings, location.hostname);
      if (on && !session) {
        session = new AbortController();
        hover.attach(session.signal);
        page.start().catch((err) => console.error('[sourcelight] scan failed', err));
      } else if (!on && session) {
        session.abort();
        session = null;
        page.stop();
        overlay.destroy();
      }
    };

    const unwatch = watchSettings((next) => {
      settings = next;
      apply();
    });
    const unhandle = handleMessages({
      getStatus: () => page.status(),
      command: ({ name }) => ({ moved: session ? hover.move(name) : false }),
    });
    // A single-page app that navigates (History or Navigation API) shows a new article: start
    // over. WXT polls location for this, since the page's history calls are not visible here.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl, oldUrl }) => {
      const strip = (u: URL) => `${u.origin}${u.pathname}${u.search}`;
      if (session && strip(newUrl) !== strip(oldUrl)) {
        hover.close(false);
        page.start().catch((err) => console.error('[sourcelight] scan failed', err));
      }
    });
    ctx.onInvalidated(() => {
      unwatch();
      unhandle();
      session?.abort();
      page.stop();
      overlay.destroy();
    });
    apply();
  },
});
