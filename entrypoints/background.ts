import { browser } from 'wxt/browser';
import { handleMessages, sendToTab } from '@/utils/messaging/channel';
import { setWrongSource, withReaderVerdicts } from '@/utils/feedback/store';
import { installNetworkGuard, permissionsAccess } from '@/utils/net';
import { createProviderCheck, createSourceService } from '@/utils/sources';
import { CandidateBudget } from '@/utils/sources/candidate-budget';
import { TabSignals } from '@/utils/sources/tab-signals';
import { showStatus } from '@/utils/toolbar/badge';

export default defineBackground(() => {
  // Everything is registered synchronously at start: a restarted worker must hear the message
  // that woke it.
  installNetworkGuard();
  // On install, say in plain words what Sourcelight reads and sends, and ask for each provider.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install')
      void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
  });
  // Host access is optional and granted by the reader at run time: asked before every request.
  const access = permissionsAccess(browser.permissions);
  const service = createSourceService(access);
  const checkProvider = createProviderCheck(undefined, access);
  const tabs = new TabSignals();
  tabs.listen();
  // What one page view can make the worker fetch is bounded (see candidate-budget.ts).
  const budget = new CandidateBudget();
  browser.tabs.onRemoved.addListener((tabId) => budget.forget(tabId));

  handleMessages(
    {
      findSources: async (req, sender) => {
        const results = await service.find(
          budget.admit(sender.tab!.id!, req),
          tabs.signal(sender.tab!.id!, req.page.url),
        );
        // The reader's "wrong source" verdicts apply to fresh and cached answers alike.
        return { results: await withReaderVerdicts(req.sentences, results) };
      },
      markSource: async ({ sentence, url, wrong }) => ({
        wrong: await setWrongSource(sentence, url, wrong),
      }),
      checkProvider: ({ id }) => checkProvider(id),
      reportStatus: async (status, sender) => {
        await showStatus(sender.tab!.id!, status).catch(() => {});
        return null;
      },
    },
    // The worker answers for the whole extension: anything not our envelope gets { ok: false }.
    { refuseMalformed: true },
  );

  browser.commands.onCommand.addListener(async (command) => {
    const name =
      command === 'next-sourced-sentence'
        ? 'next'
        : command === 'previous-sourced-sentence'
          ? 'previous'
          : null;
    if (!name) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await sendToTab(tab.id, 'command', { name }).catch(() => {});
  });
});
