import { describe, expect, it } from 'vitest';
import { formatStartParam, parseStartParamSec } from './start-param';

describe('parseStartParamSec', () => {
  it.each([
    ['83', 83],
    ['83.5', 83.5],
    ['1m23s', 83],
    ['1h2m3s', 3723],
    ['90s', 90],
    ['2m', 120],
    [' 12 ', 12],
  ])('%s → %s', (raw, sec) => {
    expect(parseStartParamSec(raw)).toBe(sec);
  });
  it.each([null, '', 'abc', '-5', '1e9', '12:30', 'NaN', 'Infinity', '1m2h', 'x'.repeat(100)])('ignores junk %s', (raw) => {
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
