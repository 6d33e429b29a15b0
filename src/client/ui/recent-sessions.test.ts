import { describe, expect, it } from 'vitest';
import { describeAgo, MAX_RECENT_SESSIONS, withOpened } from './recent-sessions';

describe('withOpened', () => {
  it('puts the opened session first without duplicates', () => {
    const list = withOpened(withOpened(withOpened([], 'a', 1), 'b', 2), 'a', 3);
    expect(list).toEqual([
      { sessionId: 'a', openedAtMs: 3 },
      { sessionId: 'b', openedAtMs: 2 },
    ]);
  });
  it('keeps the last ten', () => {
    let list: ReturnType<typeof withOpened> = [];
    for (let i = 0; i < 15; i += 1) list = withOpened(list, `s${i}`, i);
    expect(list).toHaveLength(MAX_RECENT_SESSIONS);
    expect(list[0]?.sessionId).toBe('s14');
    expect(list.at(-1)?.sessionId).toBe('s5');
  });
});

describe('describeAgo', () => {
  it.each([
    [10_000, 'just now'],
    [5 * 60_000, '5 min ago'],
    [3 * 3600_000, '3 h ago'],
    [3 * 86400_000, '3 days ago'],
    [-5_000, 'just now'],
  ])('%s ms → %s', (ago, text) => {
    expect(describeAgo(1_000_000_000 - ago, 1_000_000_000)).toBe(text);
  });
});
