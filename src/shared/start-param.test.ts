import { describe, expect, it } from 'vitest';
import { formatStartParam, parseStartParamSec, parseStartPosition, startSessionSec } from './start-param';

describe('parseStartParamSec', () => {
  it.each([
    ['83', 83],
    ['83.5', 83.5],
    ['1m23s', 83],
    ['1h2m3s', 3723],
    ['90s', 90],
    ['2m', 120],
    [' 12 ', 12],
    // As the viewer itself writes times.
    ['0:10', 10],
    ['12:30', 750],
    ['1:23.5', 83.5],
    ['1:02:03', 3723],
  ])('%s → %s', (raw, sec) => {
    expect(parseStartParamSec(raw)).toBe(sec);
  });
  it.each([null, '', 'abc', '-5', '1e9', '1:75', ':30', '1:2:3:4', 'NaN', 'Infinity', '1m2h', 'x'.repeat(100)])('ignores junk %s', (raw) => {
    expect(parseStartParamSec(raw)).toBeNull();
  });
});

describe('formatStartParam', () => {
  it('writes whole or tenth seconds', () => {
    expect(formatStartParam(12)).toBe('12');
    expect(formatStartParam(12.04)).toBe('12');
    expect(formatStartParam(12.36)).toBe('12.4');
    expect(formatStartParam(-3)).toBe('0');
  });
});

describe('parseStartPosition', () => {
  it('reads seconds, durations and ISO timestamps', () => {
    expect(parseStartPosition('83')).toEqual({ kind: 'session-sec', sessionSec: 83 });
    expect(parseStartPosition('1m23s')).toEqual({ kind: 'session-sec', sessionSec: 83 });
    expect(parseStartPosition('2026-11-28T10:00:30Z')).toEqual({ kind: 'timestamp', atMs: Date.UTC(2026, 10, 28, 10, 0, 30) });
    expect(parseStartPosition('2026-11-28T10:00:30')).toEqual({ kind: 'timestamp', atMs: Date.UTC(2026, 10, 28, 10, 0, 30) });
    expect(parseStartPosition('junk')).toEqual({ kind: 'none' });
  });
  it('reads a timestamp with an offset, also when its + arrived as a space (an unencoded link)', () => {
    const atMs = Date.UTC(2026, 10, 28, 8, 0, 30);
    expect(parseStartPosition('2026-11-28T10:00:30+02:00')).toEqual({ kind: 'timestamp', atMs });
    expect(parseStartPosition(new URLSearchParams('t=2026-11-28T10:00:30+02:00').get('t'))).toEqual({ kind: 'timestamp', atMs });
    expect(parseStartPosition(new URLSearchParams('t=2026-11-28T10:00:30%2B02:00').get('t'))).toEqual({ kind: 'timestamp', atMs });
    expect(parseStartPosition('2026-11-28T10:00:30-02:00')).toEqual({ kind: 'timestamp', atMs: Date.UTC(2026, 10, 28, 12, 0, 30) });
    expect(parseStartPosition(null)).toEqual({ kind: 'none' });
  });
  it('places timestamps once created_at is known', () => {
    const created = Date.UTC(2026, 10, 28, 10, 0, 0);
    expect(startSessionSec({ kind: 'timestamp', atMs: created + 30_500 }, created)).toBe(30.5);
    expect(startSessionSec({ kind: 'timestamp', atMs: created - 5_000 }, created)).toBe(0);
    expect(startSessionSec({ kind: 'timestamp', atMs: created }, null)).toBeNull();
    expect(startSessionSec({ kind: 'session-sec', sessionSec: 4 }, null)).toBe(4);
    expect(startSessionSec({ kind: 'none' }, created)).toBeNull();
  });
});
