/** The onboarding page: plain statements of what is read and sent, and consent per provider. */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Onboarding } from '../../components/Onboarding.tsx';
import { setProviderEnabled } from '../../components/options-actions.ts';
import {
  defaultProviderSettings,
  mayUse,
  ProviderSettingsStore,
  type ProvidersSettings,
} from '../../utils/settings/providers.ts';

let container: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

function mount(providers: ProvidersSettings | null, onConsent = vi.fn(), onOpen = vi.fn()) {
  render(
    <Onboarding
      providers={providers}
      onConsent={onConsent}
      onOpenOptions={onOpen}
      access={{ check: async () => false, allow: async () => true }}
    />,
    container,
  );
  return { onConsent, onOpen };
}

const boxes = () => [...container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
const labelOf = (input: HTMLInputElement) =>
  container.querySelector(`label[for="${input.id}"]`)?.textContent ?? '';

describe('Onboarding', () => {
  it('says what is read, what is sent where, and that nothing goes to us', () => {
    mount(defaultProviderSettings());
    const text = container.textContent ?? '';
    expect(text).toContain('The text of the articles you open. It is read on your computer');
    expect(text).toContain('anonymous: no cookies and no referrer');
    expect(text).toContain('Nothing is sent to us');
    expect(text).toContain('never whole sentences or the page address');
  });

  it('has one unticked consent box per provider, each naming where data goes', () => {
    mount(defaultProviderSettings());
    const labels = boxes().map(labelOf);
    expect(labels).toHaveLength(7);
    expect(labels[0]).toBe('Wikipedia (wikipedia.org): key terms of the sentences being checked');
    expect(labels).toContain(
      'Brave Search (Brave, api.search.brave.com): key terms of the sentences being checked',
    );
    expect(boxes().every((b) => !b.checked)).toBe(true);
  });

  it('a provider that needs an address or key cannot be ticked yet, and says why', () => {
    mount(defaultProviderSettings());
    const [wikipedia, gdelt, kiwix] = boxes();
    expect(wikipedia!.disabled).toBe(false);
    expect(gdelt!.disabled).toBe(false);
    expect(kiwix!.disabled).toBe(true);
    const note = container.querySelector(
      `#${CSS.escape(kiwix!.getAttribute('aria-describedby')!)}`,
    );
    expect(note?.textContent).toContain('Needs an address or a key first');
  });

  it('ticking gives consent through the same flow as the options page', async () => {
    const store = new ProviderSettingsStore();
    let providers = await store.get();
    const onConsent = vi.fn(async (id, on) => {
      providers = await setProviderEnabled({ store }, id, on);
      mount(providers, onConsent);
    });
    mount(providers, onConsent);
    boxes()[0]!.click();
    expect(onConsent).toHaveBeenCalledWith('wikipedia', true);
    await vi.waitFor(async () => expect(mayUse(await store.get(), 'wikipedia')).toBe(true));
    expect(boxes()[0]!.checked).toBe(true);
    expect(mayUse(await store.get(), 'gdelt')).toBe(false);
    boxes()[0]!.click();
    await vi.waitFor(async () => expect(mayUse(await store.get(), 'wikipedia')).toBe(false));
  });

  it('opens the settings', () => {
    const { onOpen } = mount(null);
    expect(boxes()).toHaveLength(0);
    [...container.querySelectorAll('button')]
      .find((b) => b.textContent === 'Open settings')!
      .click();
    expect(onOpen).toHaveBeenCalled();
  });
});
