// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { NO_LOOPBACK, buildAllowance, parsePorts } from '../../../utils/net/allowance';
import { checkUrl } from '../../../utils/net/check-url';

const refused = (url: string, allow = NO_LOOPBACK) => {
  const r = checkUrl(url, allow);
  return r.ok ? null : r.reason;
};

describe('checkUrl', () => {
  it.each([
    'https://www.example.com/news/story?id=1#top',
    'http://example.org',
    'https://xn--mnchen-3ya.de/',
    'https://München.de/',
    'https://8.8.8.8/',
    'https://[2606:4700::1111]/',
    'https://www.bbc.co.uk:443/news',
    'https://localhost.example.com/',
    'https://local.news/',
    'https://example.com./',
  ])('accepts %s', (url) => {
    expect(refused(url)).toBeNull();
  });

  it.each([
    ['ftp://example.com/file', 'ftp:'],
    ['file:///etc/passwd', 'file:'],
    ['javascript:alert(1)', 'javascript:'],
    ['data:text/html,hi', 'data:'],
    ['chrome://settings', 'chrome:'],
    ['not a url', 'valid'],
    ['https://user:pass@example.com/', 'credentials'],
    ['https://user@example.com/', 'credentials'],
  ])('refuses %s', (url, why) => {
    expect(refused(url)).toContain(why);
  });

  it.each([
    'http://127.0.0.1/',
    'http://127.1/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://0x7f000001/',
    'http://017700000001/',
    'http://0177.0.0.1/',
    'http://0/',
    'http://0.0.0.0:8080/',
    'http://10.0.0.1/',
    'http://172.20.1.1/',
    'http://192.168.0.1/admin',
    'http://100.100.100.200/',
    'http://169.254.169.254/latest/meta-data/',
    'http://224.0.0.251/',
    'http://255.255.255.255/',
    'http://[::1]/',
    'http://[::]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[0:0:0:0:0:ffff:a9fe:a9fe]/',
    'http://[64:ff9b::127.0.0.1]/',
    'http://[64:ff9b::192.168.1.1]/',
    'http://[fc00::1]/',
    'http://[fd00:ec2::254]/',
    'http://[fe80::1]/',
    'http://[ff02::1]/',
  ])('refuses the internal address %s', (url) => {
    expect(refused(url)).toMatch(/address/);
  });

  it.each([
    'http://localhost/',
    'http://LOCALHOST:3000/',
    'http://localhost./',
    'http://api.localhost/',
    'http://printer.local/',
    'http://metadata.google.internal/',
    'http://router.home.arpa/',
    'http://intranet/',
    'http://wpad/',
    'http://nas.lan/',
  ])('refuses the local name %s', (url) => {
    expect(refused(url)).not.toBeNull();
  });

  it('refuses overlong URLs', () => {
    expect(refused(`https://example.com/${'a'.repeat(5000)}`)).toContain('long');
  });
});

describe('loopback allowance', () => {
  const testBuild = parsePorts('8601, 8602,junk,0,70000');

  it('parses only real ports', () => {
    expect(testBuild.ports).toEqual([8601, 8602]);
    expect(parsePorts('')).toBe(NO_LOOPBACK);
    expect(parsePorts(undefined)).toBe(NO_LOOPBACK);
  });

  it('production refuses every loopback port', () => {
    expect(refused('http://127.0.0.1:8601/page', NO_LOOPBACK)).not.toBeNull();
  });

  it('test builds reach 127.0.0.1 on exactly the listed ports', () => {
    expect(refused('http://127.0.0.1:8601/page', testBuild)).toBeNull();
    expect(refused('http://127.0.0.1:8602/', testBuild)).toBeNull();
    expect(refused('http://127.0.0.1:8603/', testBuild)).not.toBeNull();
    expect(refused('http://127.0.0.1/', testBuild)).not.toBeNull();
  });

  it('test builds still refuse other loopback spellings and names', () => {
    expect(refused('http://127.0.0.2:8601/', testBuild)).not.toBeNull();
    expect(refused('http://localhost:8601/', testBuild)).not.toBeNull();
    expect(refused('http://[::1]:8601/', testBuild)).not.toBeNull();
    expect(refused('http://10.0.0.1:8601/', testBuild)).not.toBeNull();
  });

  it('the compiled-in default is a parsed port list', () => {
    const ports = buildAllowance().ports;
    expect(ports.every((p) => Number.isInteger(p) && p > 0 && p < 65536)).toBe(true);
  });

  it('lets through exactly the provider origins the reader named', () => {
    const allow = { ports: [], origins: ['http://192.168.1.5:8080', 'http://localhost:9200'] };
    expect(refused('http://192.168.1.5:8080/search?q=x', allow)).toBeNull();
    expect(refused('http://localhost:9200/news/_search', allow)).toBeNull();
    expect(refused('http://192.168.1.5:8081/', allow)).not.toBeNull();
    expect(refused('https://192.168.1.5:8080/', allow)).not.toBeNull();
    expect(refused('http://127.0.0.1:9200/', allow)).not.toBeNull();
    expect(refused('http://user:pw@192.168.1.5:8080/', allow)).not.toBeNull();
  });
});
