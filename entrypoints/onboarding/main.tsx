import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { installExtensionI18n, t, uiLocale } from '@/components/i18n';
import { Onboarding } from '@/components/Onboarding';
import { createOptionsController } from '@/components/options-actions';
import { applyTheme, OPTIONS_CSS } from '@/components/options-styles';
import { sendMessage } from '@/utils/messaging/channel';
import { getSettings, updateSettings } from '@/utils/settings';
import { ProviderSettingsStore, type ProvidersSettings } from '@/utils/settings/providers';

function App() {
  const controller = useMemo(
    () =>
      createOptionsController({
        store: new ProviderSettingsStore(),
        getSettings,
        updateSettings,
        checkProvider: (id) => sendMessage('checkProvider', { id }),
        permissions: browser.permissions,
      }),
    [],
  );
  const [providers, setProviders] = useState<ProvidersSettings | null>(null);
  useEffect(() => {
    void controller.loadProviders().then(setProviders);
    void getSettings().then((s) => applyTheme(document.documentElement, s.theme));
  }, [controller]);
  return (
    <Onboarding
      providers={providers}
      onConsent={(id, on) =>
        providers && void controller.toggleProvider(id, on, providers[id]).then(setProviders)
      }
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      access={{ check: controller.linkedPagesAllowed, allow: controller.allowLinkedPages }}
    />
  );
}

installExtensionI18n(browser.i18n);
document.documentElement.lang = uiLocale();
document.title = t('obTitle');

const style = document.createElement('style');
style.textContent = OPTIONS_CSS;
document.head.append(style);
render(<App />, document.getElementById('app')!);
