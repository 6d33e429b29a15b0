import { describe, expect, it } from 'vitest';
import { formatInterval, ratioInterval } from './stats.mjs';

const bare = [150, 142, 161, 139, 155, 170, 148, 151, 158, 144, 163];

describe("ratioInterval (the bench's bootstrap interval of a ratio of medians)", () => {
  it('is the ratio itself when every viewer sample is that multiple of its pair', () => {
    const viewer = bare.map((ms) => ms * 1.2);
    expect(ratioInterval(viewer, bare, { paired: true })).toEqual({ level: 0.9, low: 1.2, high: 1.2 });
  });

  it('spans 1 for two draws of the same noise, and the same samples always give the same interval', () => {
    const shuffled = [...bare].reverse();
    const interval = ratioInterval(shuffled, bare, { paired: false });
    expect(interval?.low).toBeLessThan(1);
    expect(interval?.high).toBeGreaterThan(1);
    expect(ratioInterval(shuffled, bare, { paired: false })).toEqual(interval);
  });

  it('drops a pair with a failed load, and gives none under 5 samples', () => {
    const viewer = bare.map((ms, i) => (i === 0 ? null : ms * 1.1));
    expect(ratioInterval(viewer, bare, { paired: true })).toEqual({ level: 0.9, low: 1.1, high: 1.1 });
    expect(ratioInterval([1, 2, 3, 4], [1, 2, 3, 4], { paired: true })).toBeNull();
  });
});

describe('formatInterval', () => {
  it('prints the level and both ends with two decimals, and nothing without an interval', () => {
    expect(formatInterval({ level: 0.9, low: 0.93, high: 1 })).toBe('[90%: 0.93–1.00]');
    expect(formatInterval({ level: 0.9, low: null, high: 1.2 })).toBe('[90%: —–1.20]');
    expect(formatInterval(null)).toBe('');
  });
});
