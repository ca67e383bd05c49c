import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { installExtensionI18n, t, uiLocale } from '@/components/i18n';
import { Onboarding } from '@/components/Onboarding';
import { setProviderEnabled } from '@/components/options-actions';
import { applyTheme, OPTIONS_CSS } from '@/components/options-styles';
import { getSettings } from '@/utils/settings';
import { ProviderSettingsStore, type ProvidersSettings } from '@/utils/settings/providers';

function App() {
  const store = useMemo(() => new ProviderSettingsStore(), []);
  const [providers, setProviders] = useState<ProvidersSettings | null>(null);
  useEffect(() => {
    void store.get().then(setProviders);
    void getSettings().then((s) => applyTheme(document.documentElement, s.theme));
  }, [store]);
  return (
    <Onboarding
      providers={providers}
      onConsent={(id, on) => void setProviderEnabled({ store }, id, on).then(setProviders)}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
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
