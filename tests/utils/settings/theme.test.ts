/** The optional `theme` setting: absent means "follow the system", junk is dropped. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, getSettings, settingsItem, updateSettings } from '@/utils/settings';

describe('settings.theme', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is absent by default, so the system decides', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect('theme' in (await getSettings())).toBe(false);
  });

  it('keeps light and dark, and removing it returns to the system', async () => {
    expect((await updateSettings((s) => ({ ...s, theme: 'dark' }))).theme).toBe('dark');
    expect((await getSettings()).theme).toBe('dark');
    await updateSettings(({ theme: _t, ...s }) => s);
    expect('theme' in (await getSettings())).toBe(false);
  });

  it('drops a stored value it does not know', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, theme: 'sepia' as never });
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
