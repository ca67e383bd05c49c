import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  defaultProviderSettings,
  mayUse,
  normaliseProviders,
  PROVIDER_IDS,
  ProviderBudget,
  ProviderSettingsStore,
  storageLocalBackend,
} from '@/utils/settings/providers';

describe('provider settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('every provider starts off and unconsented', async () => {
    const s = await new ProviderSettingsStore(storageLocalBackend).get();
    expect(s).toEqual(defaultProviderSettings());
    for (const id of PROVIDER_IDS) expect(mayUse(s, id)).toBe(false);
  });

  it('a provider is usable only when enabled AND consented; a new endpoint withdraws consent', async () => {
    const store = new ProviderSettingsStore(storageLocalBackend);
    let s = await store.update('searxng', (p) => ({
      ...p,
      enabled: true,
      endpoint: 'https://searx.example',
    }));
    expect(mayUse(s, 'searxng')).toBe(false);
    s = await store.setConsent('searxng', true, new Date('2024-04-01T00:00:00Z'));
    expect(s.searxng.consentedAt).toBe('2024-04-01T00:00:00.000Z');
    expect(mayUse(s, 'searxng')).toBe(true);
    s = await store.update('searxng', (p) => ({ ...p, endpoint: 'https://other.example' }));
    expect(mayUse(s, 'searxng')).toBe(false);
    await store.setConsent('searxng', true);
    s = await store.update('searxng', (p) => ({ ...p, enabled: false }));
    expect(mayUse(s, 'searxng')).toBe(false);
  });

  it('keeps secrets under their own storage key, not in the content-visible settings', async () => {
    const store = new ProviderSettingsStore(storageLocalBackend);
    await store.update('brave', (p) => ({ ...p, apiKey: 'tok' }));
    const all = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(all)).toEqual(['providerSecrets']);
    expect(JSON.stringify(all)).toContain('tok');
  });

  it('repairs malformed stored values', () => {
    const s = normaliseProviders({
      brave: { enabled: 'yes', apiKey: 5, consentedAt: 'never' },
      nope: {},
      kiwix: { enabled: true, book: ' wiki ', fields: { url: 'u', x: 1 } },
    });
    expect(s.brave).toEqual({ enabled: false });
    expect(s.kiwix).toEqual({ enabled: true, book: 'wiki', fields: { url: 'u' } });
    expect('nope' in s).toBe(false);
  });
});

describe('provider budget', () => {
  beforeEach(() => fakeBrowser.reset());
  const day1 = Date.parse('2024-04-11T10:00:00Z');

  it('counts requests per UTC day in storage, surviving a new instance (worker restart)', async () => {
    await new ProviderBudget().spend('brave', 3, day1);
    const fresh = new ProviderBudget();
    expect(await fresh.remaining('brave', 5, day1 + 1000)).toBe(2);
    expect(await fresh.remaining('gdelt', 5, day1)).toBe(5);
    expect(await fresh.remaining('brave', 5, day1 + 24 * 3600 * 1000)).toBe(5);
  });

  it('remembers a back-off deadline until it passes', async () => {
    const b = new ProviderBudget();
    await b.block('gdelt', day1 + 30_000, day1);
    expect(await new ProviderBudget().blockedUntil('gdelt', day1 + 10_000)).toBe(day1 + 30_000);
    expect(await b.blockedUntil('gdelt', day1 + 31_000)).toBe(0);
  });

  it('concurrent spends are not lost', async () => {
    const b = new ProviderBudget();
    await Promise.all([1, 2, 3, 4].map(() => b.spend('wikipedia', 1, day1)));
    expect(await b.remaining('wikipedia', 10, day1)).toBe(6);
  });
});
