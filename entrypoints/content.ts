import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { installExtensionI18n } from '@/components/i18n';
import { findAddedBlocksSteps, findArticleSteps, isSkippedInline } from '@/utils/article';
import { HIGHLIGHT_CSS } from '@/components/highlights';
import { handleMessages, sendMessage } from '@/utils/messaging/channel';
import { PageController } from '@/utils/page/controller';
import { blockForgedRestart } from '@/utils/page/guards';
import { clearLeftovers } from '@/utils/page/leftovers';
import { listenForMarksProbe } from '@/utils/page/marks-probe';
import { listenForProbe } from '@/utils/page/secrets-probe';
import { HoverController } from '@/utils/page/hover';
import { Overlay } from '@/utils/page/overlay';
import { mark } from '@/utils/perf/marks';
import { HIGHLIGHTS } from '@/utils/sentences/marks';
import { runInSlices } from '@/utils/sentences/scheduler';
import { segmentSentences, segmentSentencesSteps } from '@/utils/sentences/segment';
import { isOnForHost, onSettingsChanged, readSettings, type Settings } from '@/utils/settings';

const TEST_BUILD = import.meta.env.SOURCELIGHT_TEST_PORTS !== '';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    mark('main');
    // Firefox gives a disabled or removed add-on's content script no chance to clear the page,
    // and injects a fresh copy when it is enabled again: that copy clears the orphan's marks,
    // card host and stylesheet first (utils/page/leftovers.ts).
    clearLeftovers(document, {
      hostTag: 'sourcelight-ui',
      highlightNames: Object.values(HIGHLIGHTS),
    });
    // Before any await: a page must not be able to switch us off with a forged WXT event.
    blockForgedRestart(
      window,
      // Not in WXT's public types; the same name as WXT 0.21 builds it, should the field go.
      (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE?: string })
        .SCRIPT_STARTED_MESSAGE_TYPE ??
        `${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`,
      () => browser.runtime?.id != null,
      ctx.signal,
    );
    // Chromium keeps a content script running after its extension was reloaded, updated,
    // disabled or removed, marks and card still in the page. Measured in Chromium 156 (the
    // extension disabled under an open tab): `runtime.id` turns undefined and extension calls
    // throw "Extension context invalidated."; `ctx.isInvalid` reads `runtime.id` once a second here, a cheap check, and
    // fires onInvalidated below, which takes everything away (tests/e2e/hostile-lifecycle).
    // A stopped or idle service worker leaves `runtime.id` defined: it is no reason to tear down.
    const liveness = setInterval(() => {
      if (ctx.isInvalid) clearInterval(liveness);
    }, 1_000);
    installExtensionI18n(browser.i18n);
    let settings: Settings = await readSettings();
    const doc = document;
    const overlay = new Overlay(doc);
    const page = new PageController({
      doc,
      findArticle: findArticleSteps,
      findAddedBlocks: findAddedBlocksSteps,
      isSkippedInline,
      isOwnNode: (node) =>
        node.nodeName.toUpperCase() === 'SOURCELIGHT-UI' || overlay.contains(node),
      segment: segmentSentences,
      segmentSteps: segmentSentencesSteps,
      send: (req) => sendMessage('findSources', req),
      report: (status) => {
        if (status.sourced > 0) warmCard();
        void sendMessage('reportStatus', status).catch(() => {});
      },
      highlightCss: HIGHLIGHT_CSS,
      showUnsourced: () => settings.underlineUnsourced === true,
      ...(TEST_BUILD
        ? {
            announce: (detail) =>
              doc.dispatchEvent(
                new CustomEvent('sourcelight:status', { detail: JSON.stringify(detail) }),
              ),
          }
        : {}),
    });
    // Once the page has a sourced sentence, its card is rendered off the page and its fonts are
    // loaded, in idle-time slices, so the reader's first hover does not pay for compiling the
    // card's code or finding its fonts (HoverController.warmSteps).
    let warmed = false;
    const warmCard = () => {
      if (warmed) return;
      warmed = true;
      mark('warm');
      runInSlices(hover.warmSteps(), session ? { signal: session.signal } : {}).then(
        () => mark('warmed'),
        (err: unknown) => {
          // Only a head start: the real card renders the same way when asked.
          if ((err as Error)?.name !== 'AbortError')
            console.warn('[sourcelight] card warm-up failed', err);
        },
      );
    };
    const hover = new HoverController(doc, page, overlay, {
      hoverDelayMs: () => settings.hoverDelayMs,
      markSource: async (sentence, url, wrong) =>
        (await sendMessage('markSource', { sentence, url, wrong })).wrong,
    });
    let session: AbortController | null = null;
    const strip = (href: string) => href.replace(/#.*$/, '');
    let scannedUrl = strip(location.href);

    const apply = () => {
      const on = isOnForHost(settings, location.hostname);
      if (on && !session) {
        session = new AbortController();
        scannedUrl = strip(location.href);
        hover.attach(session.signal);
        page.start().catch((err) => console.error('[sourcelight] scan failed', err));
      } else if (!on && session) {
        session.abort();
        session = null;
        page.stop();
        overlay.destroy();
      }
    };

    const unwatch = onSettingsChanged((next) => {
      settings = next;
      page.sentenceMarks?.setShowUnsourced(next.underlineUnsourced === true);
      apply();
    });
    const unhandle = handleMessages({
      getStatus: () => page.status(),
      getSummary: () => page.summary(),
      reveal: ({ kind }) => ({ moved: session ? hover.reveal(kind) : false }),
      command: ({ name }) => ({ moved: session ? hover.move(name) : false }),
    });
    // A single-page app that navigates (History or Navigation API) shows a new article: start
    // over. WXT polls location for this, since the page's history calls are not visible here.
    // The event carries nothing we trust (a page can dispatch one under the same name): the
    // URL is read from `location` (once the navigation committed: the Navigation API's event
    // comes first) and compared with the one the scan started on.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      ctx.setTimeout(() => {
        const now = strip(location.href);
        if (session && now !== scannedUrl) {
          scannedUrl = now;
          hover.close(false);
          page.start().catch((err) => console.error('[sourcelight] scan failed', err));
        }
      }, 0);
    });
    // Test builds only: lets tests/e2e/secrets.e2e.test.ts try to read keys from this world.
    const unprobe = TEST_BUILD ? listenForProbe(doc) : () => {};
    // Test builds only: lets a test read the set of all marks (utils/page/marks-probe.ts).
    const unprobeMarks = TEST_BUILD ? listenForMarksProbe(doc, () => page.sentenceMarks) : () => {};
    ctx.onInvalidated(() => {
      const steps = [
        () => clearInterval(liveness),
        unprobe,
        unprobeMarks,
        unwatch,
        unhandle,
        () => session?.abort(),
        () => page.stop(),
        () => overlay.destroy(),
      ];
      // Each step on its own: with the extension gone an API call may throw, and the page
      // must still be cleared by the steps after it.
      for (const step of steps) {
        try {
          step();
        } catch {
          // Nothing to report to: the extension this script belonged to is gone.
        }
      }
    });
    apply();
  },
});
