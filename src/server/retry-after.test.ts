import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_SEC, parseRetryAfterSec } from './retry-after';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('parseRetryAfterSec', () => {
  it.each<[string | null, number | null]>([
    [null, null],
    ['', null],
    ['soon', null],
    ['0', 1],
    ['7', 7],
    ['2.5', 3],
    ['999999', MAX_RETRY_AFTER_SEC],
    ['Sun, 01 Mar 2026 12:00:42 GMT', 42],
    ['Sun, 01 Mar 2026 11:00:00 GMT', 1],
  ])('%s → %s', (header, expected) => {
    expect(parseRetryAfterSec(header, NOW)).toBe(expected);
  });
});
