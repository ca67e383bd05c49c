// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isRefusedAddress, isRefusedIPv6, parseIPv4, parseIPv6 } from '../../../utils/net/address';

describe('parseIPv6', () => {
  it('expands compressed forms', () => {
    expect(parseIPv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('[fe80::1:2]')).toEqual([0xfe80, 0, 0, 0, 0, 0, 1, 2]);
    expect(parseIPv6('2001:db8::')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0]);
    expect(parseIPv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
  it('reads a dotted IPv4 tail', () => {
    expect(parseIPv6('::ffff:127.0.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
    expect(parseIPv6('64:ff9b::10.0.0.1')).toEqual([0x64, 0xff9b, 0, 0, 0, 0, 0x0a00, 1]);
  });
  it('rejects malformed input', () => {
    for (const bad of ['1::2::3', '1:2:3', '12345::', 'fe80::1%eth0', '::1.2.3', 'abc', '']) {
      expect(parseIPv6(bad), bad).toBeNull();
    }
  });
});

describe('address classification', () => {
  it.each([
    '0.0.0.0',
    '10.1.2.3',
    '100.64.0.1',
    '100.127.255.255',
    '127.0.0.1',
    '127.255.0.9',
    '169.254.169.254',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '192.0.0.8',
    '192.0.2.1',
    '198.18.0.1',
    '198.51.100.7',
    '203.0.113.9',
    '224.0.0.1',
    '239.255.255.250',
    '240.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    '::ffff:8.8.8.8',
    '::ffff:10.0.0.1',
    '::127.0.0.1',
    '64:ff9b::127.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b:1::1',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'febf::1',
    'ff02::1',
    '2001:db8::1',
    '2002:c0a8:0101::1',
    '100::1',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isRefusedAddress(address)).toBe(true);
  });

  it.each([
    '1.1.1.1',
    '8.8.8.8',
    '100.63.255.255',
    '100.128.0.1',
    '172.15.255.255',
    '172.32.0.1',
    '192.167.1.1',
    '169.253.1.1',
    '198.20.0.1',
    '223.255.255.254',
    '2606:4700::1111',
    '2a00:1450:4001::200e',
    '64:ff9b::8.8.8.8',
    '2002:0808:0808::1',
  ])('accepts public %s', (address) => {
    expect(isRefusedAddress(address)).toBe(false);
  });

  it('judges parsed forms the same as text', () => {
    const v4 = parseIPv4('192.168.0.1');
    expect(v4).toEqual([192, 168, 0, 1]);
    expect(parseIPv4('1.2.3')).toBeNull();
    expect(parseIPv4('256.1.1.1')).toBeNull();
    expect(isRefusedIPv6(parseIPv6('fec0::1')!)).toBe(true);
  });
});
