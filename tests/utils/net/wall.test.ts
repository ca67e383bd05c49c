// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { NO_LOOPBACK, parsePorts } from '../../../utils/net/allowance';
import { checkUrl } from '../../../utils/net/check-url';
import {
  RULE_ID_BASE,
  buildWallRules,
  createFirefoxListener,
  type WallRule,
} from '../../../utils/net/wall';

/** How DNR decides: the highest-priority matching rule wins. */
function verdict(rules: WallRule[], url: string): 'block' | 'allow' | 'pass' {
  const canonical = new URL(url).href;
  const hits = rules.filter((r) => new RegExp(r.condition.regexFilter, 'i').test(canonical));
  hits.sort((a, b) => b.priority - a.priority);
  return hits[0]?.action.type ?? 'pass';
}

const INTERNAL = [
  'http://127.0.0.1/',
  'http://127.0.0.1:8601/x',
  'http://2130706433/',
  'http://0x7f.1/',
  'http://0.0.0.0:9000/',
  'http://10.2.3.4/',
  'http://100.64.1.1/',
  'http://169.254.169.254/latest/meta-data/',
  'http://172.16.0.1/',
  'http://172.31.9.9/',
  'http://192.168.1.1/admin',
  'http://192.0.2.10/',
  'http://198.18.4.4/',
  'http://203.0.113.5/',
  'http://224.0.0.1/',
  'http://255.255.255.255/',
  'http://[::1]/',
  'http://[::]/',
  'http://[::ffff:127.0.0.1]/',
  'http://[64:ff9b::10.0.0.1]/',
  'http://[fc00::1]/',
  'http://[fd00:ec2::254]/',
  'http://[fe80::1]/',
  'http://[ff02::1]/',
  'http://localhost:3000/',
  'http://LOCALHOST/',
  'http://a.b.localhost/',
  'http://printer.local/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://router.home.arpa/',
  'http://nas.lan/',
  'http://intranet/',
  'http://wpad./',
  'https://user:pw@10.0.0.1/',
];

const PUBLIC = [
  'https://www.example.com/news',
  'https://example.com./x',
  'http://8.8.8.8/',
  'http://100.128.0.1/',
  'http://172.32.0.1/',
  'http://192.169.0.1/',
  'http://11.0.0.1/',
  'https://[2606:4700::1111]/',
  'https://localhost.example.com/',
  'https://local.news/',
  'https://www.home.example/a?b=127.0.0.1',
  'https://example.com/redirect?to=http://127.0.0.1/',
  'https://news.site/#http://localhost/',
];

describe('Chrome wall rules', () => {
  const rules = buildWallRules('abcdefghijklmnop', NO_LOOPBACK);

  it('scopes every rule to this extension outside tabs, with ids in its own range', () => {
    for (const r of rules) {
      expect(r.condition.initiatorDomains).toEqual(['abcdefghijklmnop']);
      expect(r.condition.tabIds).toEqual([-1]);
      expect(r.id).toBeGreaterThanOrEqual(RULE_ID_BASE);
      expect(r.id).toBeLessThan(RULE_ID_BASE + 50);
    }
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it.each(INTERNAL)('blocks %s', (url) => {
    expect(verdict(rules, url)).toBe('block');
  });

  it.each(PUBLIC)('lets %s through', (url) => {
    expect(verdict(rules, url)).toBe('pass');
  });

  it('agrees with checkUrl wherever checkUrl refuses an address', () => {
    for (const url of INTERNAL) expect(checkUrl(url, NO_LOOPBACK).ok, url).toBe(false);
    for (const url of PUBLIC) expect(checkUrl(url, NO_LOOPBACK).ok, url).toBe(true);
  });

  it('adds an allow rule above the blocks only for test ports', () => {
    expect(rules.some((r) => r.action.type === 'allow')).toBe(false);
    const test = buildWallRules('id', parsePorts('8601,8602'));
    expect(verdict(test, 'http://127.0.0.1:8601/page')).toBe('allow');
    expect(verdict(test, 'http://127.0.0.1:8602')).toBe('allow');
    expect(verdict(test, 'http://127.0.0.1:18601/')).toBe('block');
    expect(verdict(test, 'http://127.0.0.1:8603/')).toBe('block');
    expect(verdict(test, 'http://localhost:8601/')).toBe('block');
  });

  it('allows exactly the provider origins the reader named, nothing else private', () => {
    const named = buildWallRules('id', {
      ports: [],
      origins: ['http://192.168.1.5:8080', 'http://kiwix.lan'],
    });
    expect(verdict(named, 'http://192.168.1.5:8080/search?pattern=x')).toBe('allow');
    expect(verdict(named, 'http://kiwix.lan/wiki/A')).toBe('allow');
    expect(verdict(named, 'http://192.168.1.5:8081/')).toBe('block');
    expect(verdict(named, 'http://192.168.1.6:8080/')).toBe('block');
    expect(verdict(named, 'http://kiwix.lan.evil.example/')).not.toBe('allow');
  });
});

describe('Firefox wall listener', () => {
  const own = 'moz-extension://1234-uuid/';
  const dnsTable: Record<string, string[]> = {
    'public.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    'rebind.example': ['93.184.215.14', '127.0.0.1'],
    'sneaky.example': ['10.0.0.5'],
    'empty.example': [],
  };
  const lookups: string[] = [];
  const listener = createFirefoxListener({
    ownOrigin: own,
    allow: parsePorts('8601'),
    resolve: async (host) => {
      lookups.push(host);
      const addresses = dnsTable[host];
      if (!addresses) throw new Error('NS_ERROR_UNKNOWN_HOST');
      return { addresses };
    },
  });
  const ours = (url: string) =>
    listener({ url, originUrl: `${own}_generated_background_page.html` });

  it('leaves requests of pages and other extensions alone', async () => {
    const r = await listener({ url: 'http://10.0.0.1/', originUrl: 'https://news.example/' });
    expect(r.cancel).toBe(false);
    expect((await listener({ url: 'http://10.0.0.1/' })).cancel).toBe(false);
  });

  it('cancels our requests to internal literals and names without a lookup', async () => {
    lookups.length = 0;
    expect((await ours('http://192.168.0.1/')).cancel).toBe(true);
    expect((await ours('http://localhost/')).cancel).toBe(true);
    expect((await ours('http://[::1]/')).cancel).toBe(true);
    expect(lookups).toEqual([]);
  });

  it('allows public literals and test ports without a lookup', async () => {
    lookups.length = 0;
    expect((await ours('http://8.8.8.8/')).cancel).toBe(false);
    expect((await ours('http://127.0.0.1:8601/a')).cancel).toBe(false);
    expect(lookups).toEqual([]);
  });

  it('resolves names and cancels when any answer is internal', async () => {
    expect((await ours('https://public.example/a')).cancel).toBe(false);
    expect((await ours('https://rebind.example/a')).cancel).toBe(true);
    expect((await ours('https://sneaky.example/a')).cancel).toBe(true);
  });

  it('lets a named provider origin through without a lookup, and only that origin', async () => {
    const named = createFirefoxListener({
      ownOrigin: own,
      allow: () => ({ ports: [], origins: ['http://kiwix.lan:8080'] }),
      resolve: async () => ({ addresses: ['192.168.1.5'] }),
    });
    const from = (url: string) => named({ url, originUrl: `${own}x.html` });
    expect((await from('http://kiwix.lan:8080/search')).cancel).toBe(false);
    expect((await from('http://kiwix.lan:8081/search')).cancel).toBe(true);
    expect((await from('http://nas.lan/')).cancel).toBe(true);
  });

  it('fails closed when the name does not resolve', async () => {
    expect((await ours('https://empty.example/')).cancel).toBe(true);
    expect((await ours('https://missing.example/')).cancel).toBe(true);
  });
});
