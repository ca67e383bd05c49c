/**
 * Classifies IP addresses: which ones Sourcelight must never contact because they name the
 * reader's own machine or network rather than the public internet. Pure, so the URL guard, the
 * Firefox DNS check and the tests all share one table.
 */

/** A parsed IPv4 address as four octets. */
export type IPv4 = readonly [number, number, number, number];

/** A parsed IPv6 address as eight 16-bit groups. */
export type IPv6 = readonly number[];

/** Parses a dotted-quad IPv4 address (the only form the WHATWG URL parser emits). */
export function parseIPv4(text: string): IPv4 | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const octets: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    octets.push(n);
  }
  return octets as unknown as IPv4;
}

/**
 * Parses an IPv6 address, with or without brackets, including `::` compression and an embedded
 * dotted IPv4 tail (`::ffff:1.2.3.4`). Zone ids (`%eth0`) are refused by returning null.
 */
export function parseIPv6(text: string): IPv6 | null {
  let s = text.toLowerCase();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  if (s.includes('%') || !s.includes(':')) return null;
  const lastColon = s.lastIndexOf(':');
  const maybeV4 = s.slice(lastColon + 1);
  if (maybeV4.includes('.')) {
    // Rewrite a dotted tail as two hex groups so one parser handles both spellings.
    const v4 = parseIPv4(maybeV4);
    if (!v4) return null;
    const hex = (hi: number, lo: number) => ((hi << 8) | lo).toString(16);
    s = `${s.slice(0, lastColon + 1)}${hex(v4[0], v4[1])}:${hex(v4[2], v4[3])}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const toGroups = (h: string): number[] | null => {
    if (h === '') return [];
    const groups: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-f]{1,4}$/.test(g)) return null;
      groups.push(parseInt(g, 16));
    }
    return groups;
  };
  const head = toGroups(halves[0] ?? '');
  const rest = halves.length === 2 ? toGroups(halves[1] ?? '') : [];
  if (!head || !rest) return null;
  const explicit = head.length + rest.length;
  if (halves.length === 1) return explicit === 8 ? head : null;
  if (explicit > 7) return null;
  return [...head, ...new Array<number>(8 - explicit).fill(0), ...rest];
}

const inRange = (n: number, lo: number, hi: number) => n >= lo && n <= hi;

/**
 * True for IPv4 addresses that are not public unicast: "this network", private (RFC 1918),
 * shared CGNAT space, loopback, link-local, IETF protocol and documentation blocks, 6to4 relay
 * anycast, benchmarking, multicast, reserved and broadcast.
 */
export function isRefusedIPv4([a, b, c]: IPv4): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && inRange(b, 64, 127)) ||
    (a === 169 && b === 254) ||
    (a === 172 && inRange(b, 16, 31)) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && (c === 0 || c === 2)) ||
    (a === 192 && b === 88 && c === 99) ||
    (a === 198 && (b === 18 || b === 19)) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113) ||
    a >= 224
  );
}

const embeddedV4 = (g: IPv6): IPv4 => [g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8, g[7]! & 0xff];

/**
 * True for IPv6 addresses that are not public unicast: unspecified, loopback, IPv4-mapped and
 * IPv4-compatible forms, NAT64 (64:ff9b::/96) of a refused IPv4 address, local-use NAT64,
 * discard, documentation, 6to4 of a refused IPv4 address, unique-local (fc00::/7), link-local
 * and site-local (fe80::/9), and multicast.
 */
export function isRefusedIPv6(g: IPv6): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0] = g;
  const firstSixZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  // ::, ::1, and the deprecated IPv4-compatible ::a.b.c.d
  if (firstSixZero && g5 === 0) return true;
  // IPv4-mapped ::ffff:a.b.c.d — never a legitimate link target, whatever the v4 part.
  if (firstSixZero && g5 === 0xffff) return true;
  // NAT64 well-known prefix: judge the embedded IPv4 address.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return isRefusedIPv4(embeddedV4(g));
  }
  // Local-use NAT64 64:ff9b:1::/48 only exists inside an operator's network.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return true;
  // Discard-only 100::/64.
  if (g0 === 0x100 && g1 === 0 && g2 === 0 && g3 === 0) return true;
  // Documentation 2001:db8::/32.
  if (g0 === 0x2001 && g1 === 0xdb8) return true;
  // 6to4 2002:AABB:CCDD::/48 embeds an IPv4 address in groups 1–2.
  if (g0 === 0x2002) return isRefusedIPv4([g1 >> 8, g1 & 0xff, g2 >> 8, g2 & 0xff]);
  // fc00::/7 unique local, fe80::/10 link-local, fec0::/10 site-local, ff00::/8 multicast.
  return g0 >= 0xfc00;
}

/** Classifies an address string as returned by a DNS lookup (IPv4 or IPv6). */
export function isRefusedAddress(address: string): boolean {
  const v4 = parseIPv4(address);
  if (v4) return isRefusedIPv4(v4);
  const v6 = parseIPv6(address);
  // An address we cannot parse is not one we can vouch for.
  return v6 ? isRefusedIPv6(v6) : true;
}
