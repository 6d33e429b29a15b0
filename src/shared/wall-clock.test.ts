import { describe, expect, it } from 'vitest';
import { formatMoment, parseIsoDurationSec } from './wall-clock';

const CREATED = Date.UTC(2026, 10, 28, 14, 3, 0);

describe('formatMoment', () => {
  it('reads session time', () => {
    expect(formatMoment(65, 'session', CREATED)).toEqual({ text: '1:05', title: '2026-11-28 14:04:05 UTC' });
  });
  it('reads the wall clock in a zone, with UTC in the title', () => {
    expect(formatMoment(27.4, 'wall', CREATED, 'UTC')).toEqual({ text: '14:03:27', title: '2026-11-28 14:03:27 UTC' });
    expect(formatMoment(27.4, 'wall', CREATED, 'Asia/Tokyo').text).toBe('23:03:27');
  });
  it('falls back to session time without created_at', () => {
    expect(formatMoment(5, 'wall', null)).toEqual({ text: '0:05', title: '0:05' });
  });
});

describe('parseIsoDurationSec', () => {
  it.each([
    ['PT41.2S', 41.2],
    ['PT1H2M3S', 3723],
    ['PT5M', 300],
    ['P1DT1S', 86401],
  ])('%s → %s', (text, sec) => {
    expect(parseIsoDurationSec(text)).toBeCloseTo(sec);
  });
  it.each([null, '', 'PT', '41s', 'P1Y'])('%s is unreadable', (text) => {
    expect(parseIsoDurationSec(text)).toBeNull();
  });
});
