import { describe, expect, it } from 'vitest';
import { formatClock, formatLocalDateTime, parseUtcTimestampMs } from './clock-format';

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [7.9, '0:07'],
    [59, '0:59'],
    [60, '1:00'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3723, '1:02:03'],
    [-4, '0:00'],
    [Number.NaN, '0:00'],
  ])('%s s reads %s', (sec, text) => {
    expect(formatClock(sec)).toBe(text);
  });
});

describe('parseUtcTimestampMs', () => {
  it('reads timestamps without a zone as UTC', () => {
    expect(parseUtcTimestampMs('2026-08-06T18:00:00')).toBe(Date.UTC(2026, 7, 6, 18, 0, 0));
    expect(parseUtcTimestampMs('2026-08-06T18:00:00.250')).toBe(Date.UTC(2026, 7, 6, 18, 0, 0, 250));
  });
  it('honours explicit zones', () => {
    expect(parseUtcTimestampMs('2026-08-06T18:00:00+00:00')).toBe(Date.UTC(2026, 7, 6, 18));
    expect(parseUtcTimestampMs('2026-08-06T20:00:00+02:00')).toBe(Date.UTC(2026, 7, 6, 18));
    expect(parseUtcTimestampMs('2026-08-06T18:00:00Z')).toBe(Date.UTC(2026, 7, 6, 18));
  });
  it('gives null for junk', () => {
    expect(parseUtcTimestampMs('yesterday')).toBeNull();
    expect(parseUtcTimestampMs('2026-13-45T99:00:00')).toBeNull();
    expect(parseUtcTimestampMs('')).toBeNull();
  });
});

describe('formatLocalDateTime', () => {
  it('writes the local date and time with zero padding', () => {
    expect(formatLocalDateTime(new Date(2026, 2, 1, 9, 5, 7).getTime())).toBe('2026-03-01 09:05:07');
    expect(formatLocalDateTime(new Date(2026, 11, 31, 23, 59, 59, 999).getTime())).toBe('2026-12-31 23:59:59');
  });
});
