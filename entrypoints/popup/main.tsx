import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { installExtensionI18n, uiLocale } from '@/components/i18n';
import { Popup, type PopupProps } from '@/components/Popup';
import { applyTheme } from '@/components/options-styles';
import { POPUP_CSS } from '@/components/popup-styles';
import { sendToTab } from '@/utils/messaging/channel';
import type { PageSummary, RevealKind } from '@/utils/messaging/types';
import {
  DEFAULT_SETTINGS,
  getSettings,
  isOnForHost,
  setSite,
  updateSettings,
  watchSettings,
  type Settings,
} from '@/utils/settings';

interface TabInfo {
  id?: number;
  host?: string;
  reason?: PopupProps['reason'];
}

/**
 * The tab the popup is about: the active one. Test builds may name another with `?tab=ID`,
 * since a popup opened as a page in a test is itself the active tab.
 */
async function targetTab() {
  const wanted = Number(new URLSearchParams(location.search).get('tab'));
  if (import.meta.env.SOURCELIGHT_TEST_PORTS && Number.isInteger(wanted) && wanted > 0)
    return browser.tabs.get(wanted).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function activeTab(): Promise<TabInfo> {
  const tab = await targetTab();
  if (!tab?.id) return { reason: 'no-page' };
  let url: URL | null;
  try {
    url = tab.url ? new URL(tab.url) : null;
  } catch {
    url = null;
  }
  if (!url) return { id: tab.id, reason: 'not-permitted' };
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { id: tab.id, reason: 'not-permitted' };
  return { id: tab.id, host: url.hostname };
}

function App() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [tab, setTab] = useState<TabInfo>({});
  const [summary, setSummary] = useState<PageSummary | null>(null);

  useEffect(() => {
    void getSettings().then(setSettings);
    void activeTab().then(setTab);
    return watchSettings(setSettings);
  }, []);

  useEffect(() => applyTheme(document.documentElement, settings.theme), [settings.theme]);

  useEffect(() => {
    if (tab.id === undefined || tab.reason) return;
    let stopped = false;
    const poll = async () => {
      const s = await sendToTab(tab.id!, 'getSummary', {}).catch(() => null);
      if (!stopped) setSummary(s);
    };
    void poll();
    const timer = setInterval(poll, 500);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [tab.id, tab.reason]);

  return (
    <Popup
      status={summary?.status ?? null}
      summary={summary}
      onReveal={(kind: RevealKind) => {
        if (tab.id !== undefined) void sendToTab(tab.id, 'reveal', { kind }).catch(() => {});
      }}
      {...(tab.reason ? { reason: tab.reason } : {})}
      {...(tab.host ? { host: tab.host } : {})}
      enabled={settings.enabled}
      siteEnabled={tab.host ? isOnForHost({ ...settings, enabled: true }, tab.host) : true}
      onToggleEnabled={(v) => void updateSettings((s) => ({ ...s, enabled: v }))}
      onToggleSite={(v) => {
        if (tab.host) void updateSettings((s) => setSite(s, tab.host!, v));
      }}
    />
  );
}

// UI text from _locales; the page's language follows, for screen readers and hyphenation.
installExtensionI18n(browser.i18n);
document.documentElement.lang = uiLocale();

const style = document.createElement('style');
style.textContent = POPUP_CSS;
document.head.append(style);
render(<App />, document.getElementById('app')!);
