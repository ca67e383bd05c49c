// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for the browser namespace that each test shapes like Chrome or Firefox.
const fake = vi.hoisted(() => ({ browser: {} as Record<string, unknown> }));
vi.mock('wxt/browser', () => ({
  get browser() {
    return fake.browser;
  },
}));

const { installNetworkGuard, RULE_ID_BASE } = await import('../../../utils/net/wall');
const { guardState, resetGuardStateForTests } = await import('../../../utils/net/guard-state');
const { parsePorts } = await import('../../../utils/net/allowance');

beforeEach(() => resetGuardStateForTests());

describe('installNetworkGuard', () => {
  it('in Chrome replaces its own session rules and reports the wall active', async () => {
    const updateSessionRules = vi.fn(async () => undefined);
    fake.browser = { runtime: { id: 'ext-id' }, declarativeNetRequest: { updateSessionRules } };
    expect(await installNetworkGuard(parsePorts('8601'))).toBe('active');
    expect(await guardState()).toBe('active');
    const [call] = updateSessionRules.mock.calls as unknown as Array<
      [{ removeRuleIds: number[]; addRules: Array<{ id: number; condition: unknown }> }]
    >;
    expect(call![0].removeRuleIds).toContain(RULE_ID_BASE);
    expect(call![0].addRules.length).toBeGreaterThan(5);
    expect(call![0].addRules[0]!.condition).toMatchObject({ initiatorDomains: ['ext-id'] });
  });

  it('in Chrome reports the wall unavailable when the rules are refused', async () => {
    const updateSessionRules = vi.fn(async () => {
      throw new Error('regex too large');
    });
    fake.browser = { runtime: { id: 'ext-id' }, declarativeNetRequest: { updateSessionRules } };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await installNetworkGuard()).toBe('unavailable');
    expect(await guardState()).toBe('unavailable');
    warn.mockRestore();
  });

  it('in Firefox registers a blocking listener for requests outside tabs, synchronously', async () => {
    const addListener = vi.fn();
    fake.browser = {
      runtime: { id: 'x@y', getURL: (p: string) => `moz-extension://uuid${p}` },
      dns: { resolve: async () => ({ addresses: ['10.0.0.1'] }) },
      webRequest: { onBeforeRequest: { addListener } },
    };
    const pending = installNetworkGuard();
    expect(addListener).toHaveBeenCalledTimes(1); // before any await
    expect(await pending).toBe('active');
    const [listener, filter, extra] = addListener.mock.calls[0]!;
    expect(filter).toEqual({ urls: ['http://*/*', 'https://*/*'], tabId: -1 });
    expect(extra).toEqual(['blocking']);
    const origin = 'moz-extension://uuid/_generated_background_page.html';
    expect(await listener({ url: 'https://example.com/', originUrl: origin })).toEqual({
      cancel: true,
    });
  });

  it('without either API leaves the wall down, so browser redirects are refused', async () => {
    fake.browser = { runtime: { id: 'x' } };
    expect(await installNetworkGuard()).toBe('unavailable');
  });

  it('keeps the first installation for the life of the context', async () => {
    const updateSessionRules = vi.fn(async () => undefined);
    fake.browser = { runtime: { id: 'ext-id' }, declarativeNetRequest: { updateSessionRules } };
    await installNetworkGuard();
    fake.browser = { runtime: { id: 'x' } };
    expect(await installNetworkGuard()).toBe('active');
  });
});
