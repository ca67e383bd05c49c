import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { installExtensionI18n, t, uiLocale } from '@/components/i18n';
import { Options } from '@/components/Options';
import { createOptionsController } from '@/components/options-actions';
import { applyTheme, OPTIONS_CSS } from '@/components/options-styles';
import { sendMessage } from '@/utils/messaging/channel';
import { getSettings, updateSettings, watchSettings, type Settings } from '@/utils/settings';
import { ProviderSettingsStore } from '@/utils/settings/providers';

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const controller = useMemo(
    () =>
      createOptionsController({
        store: new ProviderSettingsStore(),
        getSettings,
        updateSettings,
        checkProvider: (id) => sendMessage('checkProvider', { id }),
        indexedDB: typeof indexedDB === 'undefined' ? undefined : indexedDB,
        permissions: browser.permissions,
      }),
    [],
  );
  useEffect(() => {
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  useEffect(() => applyTheme(document.documentElement, settings?.theme), [settings?.theme]);
  // Rendered once settings are read, so the fields start from the stored values.
  return settings && <Options settings={settings} controller={controller} />;
}

installExtensionI18n(browser.i18n);
document.documentElement.lang = uiLocale();
document.title = t('optTitle');

const style = document.createElement('style');
style.textContent = OPTIONS_CSS;
document.head.append(style);
render(<App />, document.getElementById('app')!);
