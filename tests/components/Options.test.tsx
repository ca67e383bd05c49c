/**
 * The options page on the fake browser: the enable = consent flow, fields checked as typed and
 * saved only when valid, "Check connection", sites, hover delay, export and import.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '../../components/Options.tsx';
import {
  createOptionsController,
  setProviderEnabled,
  type OptionsDeps,
} from '../../components/options-actions.ts';
import { applyTheme } from '../../components/options-styles.ts';
import { getSettings, updateSettings, type Settings } from '../../utils/settings/index.ts';
import { mayUse, ProviderSettingsStore } from '../../utils/settings/providers.ts';

let container: HTMLElement;
let store: ProviderSettingsStore;
let checkProvider: ReturnType<typeof vi.fn<OptionsDeps['checkProvider']>>;
let downloads: Array<{ name: string; text: string }>;

beforeEach(() => {
  fakeBrowser.reset();
  store = new ProviderSettingsStore();
  checkProvider = vi.fn<OptionsDeps['checkProvider']>();
  downloads = [];
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

function deps(): OptionsDeps {
  return { store, getSettings, updateSettings, checkProvider };
}

async function mount(settings?: Settings) {
  const controller = createOptionsController(deps());
  const s = settings ?? (await getSettings());
  render(
    <Options
      settings={s}
      controller={controller}
      download={(name, text) => downloads.push({ name, text })}
    />,
    container,
  );
  await vi.waitFor(() => expect(card('wikipedia')).not.toBeNull());
  return controller;
}

/** Re-renders with the stored settings, as the entrypoint's watcher does. */
async function rerender(controller: ReturnType<typeof createOptionsController>) {
  render(
    <Options settings={await getSettings()} controller={controller} download={() => {}} />,
    container,
  );
}

const card = (id: string) => container.querySelector<HTMLElement>(`[data-provider="${id}"]`);
const switchOf = (id: string) => card(id)!.querySelector<HTMLInputElement>('input[role="switch"]')!;
const inputNamed = (name: string) =>
  container.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const labelOf = (input: HTMLElement) =>
  container.querySelector(`label[for="${input.id}"]`)?.textContent ?? '';
const errorOf = (input: HTMLElement) => {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids
    .map((id) => container.querySelector(`#${CSS.escape(id)}`))
    .find((el) => el?.classList.contains('sl-field-error'))?.textContent;
};

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function button(text: string): HTMLButtonElement {
  const b = [...container.querySelectorAll('button')].find((x) => x.textContent === text);
  if (!b) throw new Error(`no button "${text}"`);
  return b;
}

describe('enable = consent', () => {
  it('turning a provider on stores enabled and a consent time; off withdraws both', async () => {
    await setProviderEnabled({ store }, 'wikipedia', true);
    let all = await store.get();
    expect(all.wikipedia.enabled).toBe(true);
    expect(Date.parse(all.wikipedia.consentedAt ?? '')).not.toBeNaN();
    expect(mayUse(all, 'wikipedia')).toBe(true);
    await setProviderEnabled({ store }, 'wikipedia', false);
    all = await store.get();
    expect(all.wikipedia).toEqual({ enabled: false });
    expect(mayUse(all, 'wikipedia')).toBe(false);
  });

  it('the switch names where data goes and flips consent through the store', async () => {
    await mount();
    const sw = switchOf('wikipedia');
    expect(labelOf(sw)).toContain('Wikipedia (wikipedia.org): key terms of the sentences');
    expect(sw.checked).toBe(false);
    sw.click();
    await vi.waitFor(async () => expect(mayUse(await store.get(), 'wikipedia')).toBe(true));
    await vi.waitFor(() => expect(switchOf('wikipedia').checked).toBe(true));
    switchOf('wikipedia').click();
    await vi.waitFor(async () => expect((await store.get()).wikipedia.consentedAt).toBeUndefined());
  });

  it('a new address withdraws consent and the page says so', async () => {
    await store.update('searxng', (p) => ({ ...p, endpoint: 'https://a.example' }));
    await setProviderEnabled({ store }, 'searxng', true);
    await mount();
    expect(switchOf('searxng').checked).toBe(true);
    type(inputNamed('searxng-endpoint'), 'https://b.example');
    await vi.waitFor(async () =>
      expect((await store.get()).searxng).toEqual({ enabled: true, endpoint: 'https://b.example' }),
    );
    await vi.waitFor(() => expect(switchOf('searxng').checked).toBe(false));
    expect(card('searxng')!.textContent).toContain(
      'The address changed, so SearxNG was turned off',
    );
    expect(labelOf(switchOf('searxng'))).toContain('(b.example)');
  });
});

describe('provider fields', () => {
  it('shows the reason next to an invalid value and does not save it', async () => {
    await mount();
    const endpoint = inputNamed('searxng-endpoint');
    expect(labelOf(endpoint)).toBe('Server address');
    type(endpoint, 'ftp://searx.example');
    await vi.waitFor(() =>
      expect(errorOf(endpoint)).toBe('The address must start with http:// or https://.'),
    );
    expect(endpoint.getAttribute('aria-invalid')).toBe('true');
    type(inputNamed('brave-apiKey'), 'has space');
    await vi.waitFor(() => expect(errorOf(inputNamed('brave-apiKey'))).toBe('No spaces allowed.'));
    type(inputNamed('opensearch-index'), 'News');
    await vi.waitFor(() =>
      expect(errorOf(inputNamed('opensearch-index'))).toBe('Index names are lower case.'),
    );
    await new Promise((r) => setTimeout(r, 20));
    const all = await store.get();
    expect(all.searxng.endpoint).toBeUndefined();
    expect(all.brave.apiKey).toBeUndefined();
    expect(all.opensearch.index).toBeUndefined();
  });

  it('saves a valid value and clears the error', async () => {
    await mount();
    const index = inputNamed('opensearch-index');
    type(index, 'News');
    await vi.waitFor(() => expect(errorOf(index)).toBeTruthy());
    type(index, 'news');
    await vi.waitFor(async () => expect((await store.get()).opensearch.index).toBe('news'));
    expect(errorOf(index)).toBeUndefined();
    expect(index.hasAttribute('aria-invalid')).toBe(false);
  });

  it('API keys are password inputs', async () => {
    await mount();
    expect(inputNamed('factcheck-apiKey').type).toBe('password');
  });
});

describe('check connection', () => {
  it('saves pending edits first, then shows the background’s answer', async () => {
    checkProvider.mockImplementation(async (id) => {
      const endpoint = (await store.get())[id].endpoint;
      return { ok: false, message: `SearxNG could not be reached (${endpoint})` };
    });
    await mount();
    type(inputNamed('searxng-endpoint'), 'http://127.0.0.1:8619');
    card('searxng')!.querySelector('button')!.click();
    const status = () => card('searxng')!.querySelector('[role="status"]')!;
    await vi.waitFor(() =>
      expect(status().textContent).toBe('SearxNG could not be reached (http://127.0.0.1:8619)'),
    );
    expect(status().className).toContain('sl-check--bad');
    expect(checkProvider).toHaveBeenCalledWith('searxng');
  });

  it('an ok answer is shown as success; a failed delivery as an error', async () => {
    checkProvider.mockResolvedValueOnce({ ok: true, message: 'Wikipedia answered: 5 results' });
    checkProvider.mockRejectedValueOnce(new Error('Could not establish connection.'));
    await mount();
    const status = () => card('wikipedia')!.querySelector('[role="status"]')!;
    card('wikipedia')!.querySelector('button')!.click();
    await vi.waitFor(() => expect(status().className).toContain('sl-check--ok'));
    expect(status().textContent).toBe('Wikipedia answered: 5 results');
    card('wikipedia')!.querySelector('button')!.click();
    await vi.waitFor(() => expect(status().textContent).toBe('Could not establish connection.'));
    expect(status().className).toContain('sl-check--bad');
  });
});

describe('sites', () => {
  it('adds a valid site to the off list, refuses an invalid one, and removes', async () => {
    const controller = await mount();
    const site = inputNamed('site');
    expect(labelOf(site)).toBe('Site to turn off');
    type(site, 'not a site');
    await vi.waitFor(() =>
      expect(errorOf(inputNamed('site'))).toBe('Not a site name: write it like news.example.com.'),
    );
    button('Add').click();
    await new Promise((r) => setTimeout(r, 20));
    expect((await getSettings()).sites).toEqual({});

    type(inputNamed('site'), 'https://News.Example.com/story');
    button('Add').click();
    await vi.waitFor(async () =>
      expect((await getSettings()).sites).toEqual({ 'news.example.com': false }),
    );
    await rerender(controller);
    const remove = container.querySelector<HTMLButtonElement>(
      'button[aria-label="Remove news.example.com"]',
    )!;
    expect(remove).toBeTruthy();

    type(inputNamed('site'), 'news.example.com');
    button('Add').click();
    await vi.waitFor(() =>
      expect(errorOf(inputNamed('site'))).toBe('news.example.com is already on the list.'),
    );

    remove.click();
    await vi.waitFor(async () => expect((await getSettings()).sites).toEqual({}));
  });
});

describe('reading', () => {
  it('saves a hover delay in range and explains a refused one', async () => {
    await mount();
    const delay = inputNamed('hoverDelay');
    expect(delay.value).toBe('150');
    type(delay, '2500');
    await vi.waitFor(() =>
      expect(errorOf(inputNamed('hoverDelay'))).toBe('Enter a whole number from 0 to 2000.'),
    );
    type(delay, '400');
    await vi.waitFor(async () => expect((await getSettings()).hoverDelayMs).toBe(400));
    expect(errorOf(inputNamed('hoverDelay'))).toBeUndefined();
  });

  it('underlining sentences without a source is off by default and can be turned on', async () => {
    const controller = await mount();
    const box = inputNamed('underlineUnsourced');
    expect(box.checked).toBe(false);
    expect(labelOf(box)).toBe('Underline sentences without a source too');
    expect(
      container.querySelector(`#${box.getAttribute('aria-describedby')}`)?.textContent,
    ).toContain('dashed line');
    box.click();
    await vi.waitFor(async () => expect((await getSettings()).underlineUnsourced).toBe(true));
    await rerender(controller);
    inputNamed('underlineUnsourced').click();
    await vi.waitFor(async () =>
      expect(await getSettings()).not.toHaveProperty('underlineUnsourced'),
    );
  });
});

describe('theme', () => {
  it('offers system, light and dark; picking one stores it, system removes it', async () => {
    const controller = await mount();
    const radios = [...container.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.parentElement?.textContent)).toEqual([
      'Same as the system',
      'Light',
      'Dark',
    ]);
    expect(container.querySelector('legend')?.textContent).toBe('Colours of the settings pages');
    expect(radios[0]!.checked).toBe(true);
    radios[2]!.click();
    await vi.waitFor(async () => expect((await getSettings()).theme).toBe('dark'));
    await rerender(controller);
    await vi.waitFor(() =>
      expect(container.querySelectorAll<HTMLInputElement>('input[type="radio"]')[2]!.checked).toBe(
        true,
      ),
    );
    container.querySelectorAll<HTMLInputElement>('input[type="radio"]')[0]!.click();
    await vi.waitFor(async () => expect('theme' in (await getSettings())).toBe(false));
  });

  it('applyTheme sets or clears data-theme on the root', () => {
    const root = document.createElement('html');
    applyTheme(root, 'light');
    expect(root.dataset.theme).toBe('light');
    applyTheme(root, undefined);
    expect(root.hasAttribute('data-theme')).toBe(false);
  });
});

describe('cache', () => {
  it('reports when the cache cannot be cleared (no IndexedDB here)', async () => {
    await mount();
    button('Clear cached pages and answers').click();
    await vi.waitFor(() =>
      expect(container.textContent).toContain(
        'The cache could not be cleared: IndexedDB is not available',
      ),
    );
  });
});

describe('export and import', () => {
  it('exports without keys unless asked, and imports what it exported', async () => {
    await updateSettings((s) => ({ ...s, hoverDelayMs: 300, sites: { 'a.example': false } }));
    await store.update('brave', (p) => ({ ...p, apiKey: 'SECRET-KEY' }));
    await store.update('searxng', (p) => ({ ...p, endpoint: 'https://searx.example' }));
    await setProviderEnabled({ store }, 'searxng', true);
    await mount();

    button('Export settings').click();
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe('sourcelight-settings.json');
    expect(downloads[0]!.text).not.toContain('SECRET-KEY');
    const file = JSON.parse(downloads[0]!.text);
    expect(file.settings).toEqual({
      enabled: true,
      sites: { 'a.example': false },
      hoverDelayMs: 300,
    });
    // Configuration travels; consent does not.
    expect(file.providers).toEqual({ searxng: { endpoint: 'https://searx.example' } });

    const keys = container.querySelector<HTMLInputElement>(
      'input[type="checkbox"]:not([role]):not([name="underlineUnsourced"])',
    )!;
    expect(labelOf(keys)).toBe('Include API keys');
    keys.click();
    await vi.waitFor(() => expect(container.textContent).toContain('Anyone who has the file'));
    button('Export settings').click();
    await vi.waitFor(() => expect(downloads).toHaveLength(2));
    expect(JSON.parse(downloads[1]!.text).providers.brave).toEqual({ apiKey: 'SECRET-KEY' });

    // Into a fresh profile: settings and keys arrive, no provider is turned on.
    fakeBrowser.reset();
    const controller = createOptionsController(deps());
    const result = await controller.importJson(downloads[1]!.text);
    expect(result).toEqual({
      ok: true,
      message:
        'Imported: main switch, site list (1), hover delay, search provider settings (2), API keys.',
    });
    expect((await getSettings()).hoverDelayMs).toBe(300);
    const all = await store.get();
    expect(all.brave).toEqual({ enabled: false, apiKey: 'SECRET-KEY' });
    expect(all.searxng).toEqual({ enabled: false, endpoint: 'https://searx.example' });
  });

  it('refuses a bad file whole, saying why', async () => {
    const controller = createOptionsController(deps());
    const file = (body: object) =>
      JSON.stringify({ format: 'sourcelight-settings', version: 1, ...body });
    expect((await controller.importJson('{nope')).message).toBe(
      'Not imported: the file is not JSON.',
    );
    expect((await controller.importJson('{"a":1}')).message).toBe(
      'Not imported: the file is not a Sourcelight settings export.',
    );
    expect(
      (await controller.importJson(JSON.stringify({ format: 'sourcelight-settings', version: 9 })))
        .message,
    ).toBe('Not imported: the file comes from a newer version of Sourcelight.');
    expect((await controller.importJson(file({}))).message).toBe(
      'Not imported: the file holds no settings.',
    );
    const bad = await controller.importJson(
      file({
        settings: { hoverDelayMs: 100 },
        providers: { searxng: { endpoint: 'ftp://x.example' } },
      }),
    );
    expect(bad).toEqual({
      ok: false,
      message:
        'Not imported: providers.searxng.endpoint is not valid. The address must start with http:// or https://.',
    });
    // Nothing of a refused file is applied, not even its valid parts.
    expect((await getSettings()).hoverDelayMs).toBe(150);
    expect((await controller.importJson(file({ providers: { bing: {} } }))).message).toBe(
      'Not imported: the file names an unknown search provider, bing.',
    );
    expect(
      (await controller.importJson(file({ providers: { wikipedia: { book: 'x' } } }))).message,
    ).toBe(
      'Not imported: the file has a setting Sourcelight does not know, providers.wikipedia.book.',
    );
    expect(
      (await controller.importJson(file({ settings: { sites: { 'bad host': false } } }))).ok,
    ).toBe(false);
    expect((await controller.importJson(file({ settings: { theme: 'sepia' } }))).message).toBe(
      'Not imported: settings.theme is not valid. It must be auto, light or dark.',
    );
    await updateSettings((s) => ({ ...s, theme: 'dark' }));
    expect((await controller.importJson(file({ settings: { theme: 'auto' } }))).message).toBe(
      'Imported: theme.',
    );
    expect('theme' in (await getSettings())).toBe(false);
  });

  it('the page reports an import from a chosen file', async () => {
    await mount();
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(labelOf(input)).toBe('Import settings');
    const f = new File(
      [
        JSON.stringify({
          format: 'sourcelight-settings',
          version: 1,
          settings: { hoverDelayMs: 0 },
        }),
      ],
      'settings.json',
      { type: 'application/json' },
    );
    Object.defineProperty(input, 'files', { value: [f], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(container.textContent).toContain('Imported: hover delay.'));
    expect((await getSettings()).hoverDelayMs).toBe(0);
  });
});
