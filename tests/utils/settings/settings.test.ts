import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  getSettings,
  isOnForHost,
  setSite,
  updateSettings,
  watchSettings,
} from '@/utils/settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts from the defaults', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('per-site switches override the global one only to turn a site off', async () => {
    let s = await updateSettings((s) => setSite(s, 'News.Example', false));
    expect(isOnForHost(s, 'news.example')).toBe(false);
    expect(isOnForHost(s, 'other.example')).toBe(true);
    s = setSite(s, 'news.example', true);
    expect(isOnForHost(s, 'news.example')).toBe(true);
    expect(isOnForHost({ ...s, enabled: false }, 'other.example')).toBe(false);
  });

  it('repairs malformed stored values', async () => {
    await fakeBrowser.storage.local.set({
      settings: { enabled: 'yes', sites: { a: 1, b: false }, hoverDelayMs: -5 },
    });
    expect(await getSettings()).toEqual({ enabled: true, sites: { b: false }, hoverDelayMs: 150 });
  });

  it('tells watchers about changes', async () => {
    const seen: boolean[] = [];
    const unwatch = watchSettings((s) => seen.push(s.enabled));
    await updateSettings((s) => ({ ...s, enabled: false }));
    await new Promise((r) => setTimeout(r, 10));
    unwatch();
    expect(seen).toContain(false);
  });
});
