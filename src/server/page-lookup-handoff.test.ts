import { describe, expect, it } from 'vitest';
import { createPageLookupHandoff } from './page-lookup-handoff';
import { errorAnswer } from './proxy-answer';

const result = Promise.resolve({ answer: errorAnswer(404, { code: 'not_found', message: 'x', retryable: false }), cache: 'miss' as const });

describe('page lookup handoff', () => {
  it('hands a lookup over once, and keeps at most 1,000 waiting (the oldest goes first)', () => {
    const handoff = createPageLookupHandoff(() => 0);
    for (let i = 0; i <= 1_000; i += 1) handoff.put(`s${i}`, result);
    expect(handoff.take('s0')).toBeNull();
    expect(handoff.take('s1')).toBe(result);
    expect(handoff.take('s1')).toBeNull();
    expect(handoff.take('s1000')).toBe(result);
  });
});
