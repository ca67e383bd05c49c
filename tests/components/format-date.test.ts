// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../components/format-date.ts';

const now = new Date('2024-04-10T12:00:00Z');

describe('formatDate', () => {
  it('is relative in the largest fitting unit', () => {
    expect(formatDate('2024-04-07T12:00:00Z', now)?.relative).toBe('3 days ago');
    expect(formatDate('2024-04-09T12:00:00Z', now)?.relative).toBe('yesterday');
    expect(formatDate('2024-03-27T12:00:00Z', now)?.relative).toBe('2 weeks ago');
    expect(formatDate('2022-04-01T12:00:00Z', now)?.relative).toBe('2 years ago');
    expect(formatDate('2024-04-10T11:59:30Z', now)?.relative).toBe('now');
  });

  it('keeps a date-only string on its calendar day', () => {
    expect(formatDate('2024-04-05', now)?.absolute).toBe('April 5, 2024');
  });

  it('returns undefined for missing or unparseable dates', () => {
    expect(formatDate(undefined, now)).toBeUndefined();
    expect(formatDate('last Tuesday', now)).toBeUndefined();
  });
});
