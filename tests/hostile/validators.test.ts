// @vitest-environment node
/**
 * Case 3 of the hostile suite, property-based: every validator in utils/messaging either returns a
 * value its schema allows or throws a ValidationError, whatever it is given (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROTOCOL, type MessageType } from '../../utils/messaging/protocol';
import { LIMITS } from '../../utils/messaging/types';
import {
  arr,
  bool,
  httpUrl,
  num,
  obj,
  oneOf,
  optional,
  str,
  ValidationError,
  type Validator,
} from '../../utils/messaging/validate';

const RUNS = { numRuns: 400 };

/** Anything a structured clone can carry, with the keys an attacker would try. */
const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'page',
  'sentences',
  'url',
  'href',
  'text',
  'id',
  'links',
  'footnotes',
  'state',
  'name',
);
const anything = fc.anything({
  key: fc.oneof(fc.string(), hostileKey),
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
  maxDepth: 4,
});

/** Runs `check` and returns the outcome; any error other than ValidationError fails the test. */
function outcome<T>(check: Validator<T>, value: unknown): { ok: true; value: T } | { ok: false } {
  try {
    return { ok: true, value: check(value, 'msg') };
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    expect(err.path.startsWith('msg')).toBe(true);
    return { ok: false };
  }
}

const isPlain = (v: unknown) =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.getPrototypeOf(v) === Object.prototype;

/** Checks a findSources request against the schema, independently of the validators. */
function assertFindSources(v: unknown) {
  const urlOk = (u: unknown) => {
    expect(typeof u).toBe('string');
    expect((u as string).length).toBeLessThanOrEqual(LIMITS.urlChars);
    expect(['http:', 'https:']).toContain(new URL(u as string).protocol);
  };
  const linksOk = (links: unknown, max: number) => {
    expect(Array.isArray(links)).toBe(true);
    expect((links as unknown[]).length).toBeLessThanOrEqual(max);
    for (const l of links as Array<Record<string, unknown>>) {
      expect(isPlain(l)).toBe(true);
      expect(Object.keys(l).sort()).toEqual(['href', 'text']);
      urlOk(l.href);
      expect((l.text as string).length).toBeLessThanOrEqual(LIMITS.linkTextChars);
    }
  };
  expect(isPlain(v)).toBe(true);
  const r = v as { page: Record<string, unknown>; sentences: unknown[] };
  expect(Object.keys(r).sort()).toEqual(['page', 'sentences']);
  expect(isPlain(r.page)).toBe(true);
  urlOk(r.page.url);
  linksOk(r.page.outboundLinks, LIMITS.outboundLinks);
  expect(r.sentences.length).toBeLessThanOrEqual(LIMITS.sentencesPerBatch);
  for (const s of r.sentences as Array<Record<string, unknown>>) {
    expect(isPlain(s)).toBe(true);
    expect(s.id).toMatch(/^[\w-]{1,64}$/);
    expect((s.text as string).length).toBeGreaterThan(0);
    expect((s.text as string).length).toBeLessThanOrEqual(LIMITS.sentenceChars);
    linksOk(s.links, LIMITS.linksPerSentence);
    expect((s.footnotes as unknown[]).length).toBeLessThanOrEqual(LIMITS.footnotesPerSentence);
    for (const f of s.footnotes as Array<Record<string, unknown>>)
      linksOk(f.links, LIMITS.linksPerSentence);
  }
}

/** Valid findSources requests, to exercise the accepting side too. */
const httpUrlArb = fc.webUrl({ validSchemes: ['http', 'https'] }).filter((u) => u.length <= 2048);
const linkArb = fc.record({ href: httpUrlArb, text: fc.string({ maxLength: 40 }) });
const validFindSources = fc.record({
  page: fc.record(
    {
      url: httpUrlArb,
      title: fc.string({ maxLength: 60 }),
      outboundLinks: fc.array(linkArb, { maxLength: 5 }),
      lang: fc.constantFrom('en', 'de-CH', 'ar'),
    },
    { requiredKeys: ['url', 'title', 'outboundLinks'] },
  ),
  sentences: fc.array(
    fc.record({
      id: fc.stringMatching(/^[\w-]{1,20}$/),
      text: fc.string({ minLength: 1, maxLength: 80 }),
      links: fc.array(linkArb, { maxLength: 3 }),
      footnotes: fc.array(
        fc.record({
          marker: fc.string({ maxLength: 4 }),
          text: fc.string({ maxLength: 40 }),
          links: fc.array(linkArb, { maxLength: 2 }),
        }),
        { maxLength: 2 },
      ),
    }),
    { maxLength: 4 },
  ),
});

/** One change that the schema forbids, applied to a valid request. */
const corruption = fc.oneof(
  fc.record({
    kind: fc.constant('extra-key' as const),
    key: hostileKey.filter((k) => k !== 'page' && k !== 'sentences'),
  }),
  fc.record({
    kind: fc.constant('bad-url' as const),
    url: fc.constantFrom(
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:,x',
      '//evil.example',
      'ftp://x.example/',
      `https://x.example/${'a'.repeat(2100)}`,
    ),
  }),
  fc.record({
    kind: fc.constant('wrong-type' as const),
    value: anything.filter((v) => !Array.isArray(v)),
  }),
  fc.record({ kind: fc.constant('too-many' as const) }),
);

describe('case 3: validator fuzzing (fast-check)', () => {
  it.each(Object.keys(PROTOCOL).map((t) => [t as MessageType]))(
    'arbitrary values (prototype keys, Maps, Dates, sparse arrays, BigInt) as a %s payload → ValidationError or a value the schema allows, never another error',
    (type) => {
      const validate = PROTOCOL[type].validate as Validator<unknown>;
      fc.assert(
        fc.property(anything, (value) => {
          const r = outcome(validate, value);
          if (!r.ok) return;
          expect(isPlain(r.value)).toBe(true);
          // Accepting twice gives the same value: nothing of the input's shape survives.
          expect(validate(r.value, 'again')).toEqual(r.value);
          if (type === 'findSources') assertFindSources(r.value);
        }),
        RUNS,
      );
    },
  );

  it('valid findSources requests → accepted as an equal fresh object', () => {
    const validate = PROTOCOL.findSources.validate as Validator<unknown>;
    fc.assert(
      fc.property(validFindSources, (req) => {
        const r = outcome(validate, req);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value).toEqual(req);
        expect(r.value).not.toBe(req);
        assertFindSources(r.value);
      }),
      { numRuns: 200 },
    );
  });

  it('a valid findSources request with one forbidden change (extra or prototype key, bad URL, wrong type, over a cap) → ValidationError', () => {
    const validate = PROTOCOL.findSources.validate as Validator<unknown>;
    fc.assert(
      fc.property(validFindSources, corruption, fc.nat(), (req, c, pick) => {
        const bad = structuredClone(req) as unknown as Record<string, Record<string, unknown>>;
        if (c.kind === 'extra-key') {
          // defineProperty makes "__proto__" an own key, as JSON.parse or a structured clone would.
          const target = pick % 2 ? bad : bad.page!;
          Object.defineProperty(target, c.key, { value: { polluted: 1 }, enumerable: true });
        } else if (c.kind === 'bad-url') bad.page!.url = c.url;
        else if (c.kind === 'wrong-type') bad.page!.outboundLinks = c.value as never;
        else
          bad.page!.outboundLinks = Array.from({ length: LIMITS.outboundLinks + 1 }, () => ({
            href: 'https://x.example/',
            text: '',
          })) as never;
        expect(outcome(validate, bad).ok).toBe(false);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary values into str, httpUrl, num, bool, oneOf, arr, optional, obj → ValidationError or an allowed value', () => {
    fc.assert(
      fc.property(anything, fc.nat(50), fc.nat(50), (v, a, b) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const s = outcome(str(max, { min, pattern: /^[a-z]*$/ }), v);
        if (s.ok) {
          expect(typeof s.value).toBe('string');
          expect(s.value.length).toBeGreaterThanOrEqual(min);
          expect(s.value.length).toBeLessThanOrEqual(max);
          expect(s.value).toMatch(/^[a-z]*$/);
        }
        const u = outcome(httpUrl(max + 20), v);
        if (u.ok) expect(['http:', 'https:']).toContain(new URL(u.value).protocol);
        const n = outcome(num(min, max, { integer: true }), v);
        if (n.ok) {
          expect(Number.isInteger(n.value)).toBe(true);
          expect(n.value >= min && n.value <= max).toBe(true);
        }
        const t = outcome(bool, v);
        if (t.ok) expect(typeof t.value).toBe('boolean');
        const o = outcome(oneOf(['a', 'b'] as const), v);
        if (o.ok) expect(['a', 'b']).toContain(o.value);
        const list = outcome(arr(num(0, 10), 3), v);
        if (list.ok) {
          expect(Array.isArray(list.value)).toBe(true);
          expect(list.value.length).toBeLessThanOrEqual(3);
          for (let i = 0; i < list.value.length; i++) expect(typeof list.value[i]).toBe('number');
        }
        const opt = outcome(optional(bool), v);
        if (opt.ok) expect([true, false, undefined]).toContain(opt.value);
        const shape = outcome(obj({ a: optional(str(5)), b: optional(num(0, 1)) }), v);
        if (shape.ok) {
          expect(isPlain(shape.value)).toBe(true);
          for (const k of Object.keys(shape.value)) expect(['a', 'b']).toContain(k);
          // Own keys of the input beyond the shape were refused, not dropped.
          for (const k of Object.keys(v as object)) expect(['a', 'b']).toContain(k);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['"constructor"', 'constructor'],
    ['"toString"', 'toString'],
    ['"__proto__" (own key)', '__proto__'],
    ['"hasOwnProperty"', 'hasOwnProperty'],
  ])('an object with an own %s key → refused by obj(), not silently dropped', (_label, key) => {
    const v = {};
    Object.defineProperty(v, key, { value: 1, enumerable: true });
    expect(outcome(obj({ a: optional(str(5)) }), v).ok).toBe(false);
  });

  it.each([
    ['a sparse array', new Array(2)],
    ['a Map', new Map([['a', 1]])],
    ['a Date', new Date(0)],
    ['a boxed string', Object('abc')],
    ['a class instance', new (class Payload {})()],
  ])('%s where an object or array of items is expected → refused', (_label, v) => {
    expect(outcome(obj({}), v).ok && !Array.isArray(v)).toBe(false);
    expect(outcome(arr(str(3), 5), v).ok).toBe(false);
  });
});
