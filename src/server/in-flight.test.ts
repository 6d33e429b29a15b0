import { describe, expect, it } from 'vitest';
import { createInFlight } from './in-flight';

describe('createInFlight', () => {
  it('shares one running promise between concurrent callers, and starts afresh once it settled', async () => {
    let nowMs = 0;
    const inFlight = createInFlight<string>({ nowMs: () => nowMs, maxAgeMs: 11_000 });
    let starts = 0;
    const start = () => Promise.resolve(`answer ${(starts += 1)}`);
    const first = inFlight.run('replay:s1', start);
    const second = inFlight.run('replay:s1', start);
    expect([first.shared, second.shared]).toEqual([false, true]);
    expect(await second.promise).toBe('answer 1');
    expect(inFlight.size()).toBe(0);
    nowMs += 1;
    expect(await inFlight.run('replay:s1', start).promise).toBe('answer 2');
  });

  it('does not let callers join a promise that never settles (a cancelled request on Workers) past its age', async () => {
    let nowMs = 0;
    const inFlight = createInFlight<string>({ nowMs: () => nowMs, maxAgeMs: 11_000 });
    const hung = inFlight.run('replay:s1', () => new Promise<string>(() => undefined));
    expect(hung.shared).toBe(false);
    nowMs = 11_000;
    expect(inFlight.run('replay:s1', () => Promise.resolve('late')).shared, 'still within its age').toBe(true);
    nowMs = 11_001;
    const fresh = inFlight.run('replay:s1', () => Promise.resolve('fresh'));
    expect(fresh.shared).toBe(false);
    expect(await fresh.promise).toBe('fresh');
  });
});
