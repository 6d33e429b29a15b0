import { describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../shared/api-error-schema';
import { renewDelayMs } from '../shared/link-expiry';
import { createMemoryReplayCache, isServable, replayFreshUntilMs, type CachedEntry } from './replay-cache';
import { fakeClock, jsonResponse, makeTestApp, validReplay } from './test-support';

const SESSION = 'session-under-test';
const REPLAY_PATH = `/api/sessions/${SESSION}/replay`;
const HOUR_MS = 3_600_000;

function isoPlusOffset(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

describe('coalescing', () => {
  it('N concurrent requests for one session make one upstream call and all get the answer', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const clock = fakeClock();
    const t = makeTestApp({
      clock,
      handler: async () => {
        await gate;
        return jsonResponse(200, validReplay(isoPlusOffset(clock.now + HOUR_MS)));
      },
    });
    const pending = Array.from({ length: 20 }, () => t.request(REPLAY_PATH));
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    const responses = await Promise.all(pending);
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    const bodies = await Promise.all(responses.map((response) => response.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(t.upstream.calls).toHaveLength(1);
    const outcomes = t.logs.filter((line) => line.path === REPLAY_PATH).map((line) => line.cache);
    expect(outcomes.filter((outcome) => outcome === 'miss')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'coalesced')).toHaveLength(19);
  });

  it('concurrent requests share an error too, and the error is not cached', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const t = makeTestApp({
      handler: async () => {
        await gate;
        return jsonResponse(503, { message: 'busy' });
      },
    });
    const pending = Array.from({ length: 5 }, () => t.request(REPLAY_PATH));
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    const responses = await Promise.all(pending);
    expect(responses.every((response) => response.status === 502)).toBe(true);
    expect(t.upstream.calls).toHaveLength(1);
    await t.request(REPLAY_PATH);
    expect(t.upstream.calls).toHaveLength(2);
  });

  it('different sessions are not coalesced', async () => {
    const t = makeTestApp({ handler: () => jsonResponse(200, validReplay(null)) });
    await Promise.all([t.request('/api/sessions/a/replay'), t.request('/api/sessions/b/replay')]);
    expect(t.upstream.calls).toHaveLength(2);
  });
});

describe('cache freshness (injected clock)', () => {
  it('serves from cache strictly before half the link lifetime, then fetches again', async () => {
    const clock = fakeClock();
    const fetchedAt = clock.now;
    const t = makeTestApp({
      clock,
      handler: () => jsonResponse(200, validReplay(isoPlusOffset(fetchedAt + HOUR_MS))),
    });
    expect((await t.request(REPLAY_PATH)).status).toBe(200);
    clock.advance(HOUR_MS / 2 - 1);
    expect((await t.request(REPLAY_PATH)).status).toBe(200);
    expect(t.upstream.calls).toHaveLength(1);
    expect(t.logs.at(-1)?.cache).toBe('hit');
    clock.advance(1);
    await t.request(REPLAY_PATH);
    expect(t.upstream.calls).toHaveLength(2);
    expect(t.logs.at(-1)?.cache).toBe('miss');
  });

  it('answers with no expires_at are cached for 60 s', async () => {
    const clock = fakeClock();
    const t = makeTestApp({ clock, handler: () => jsonResponse(200, validReplay(null)) });
    await t.request(REPLAY_PATH);
    clock.advance(59_999);
    await t.request(REPLAY_PATH);
    expect(t.upstream.calls).toHaveLength(1);
    clock.advance(1);
    await t.request(REPLAY_PATH);
    expect(t.upstream.calls).toHaveLength(2);
  });

  it('links that are already expired are never cached', async () => {
    const clock = fakeClock();
    const t = makeTestApp({ clock, handler: () => jsonResponse(200, validReplay(isoPlusOffset(clock.now - 1000))) });
    await t.request(REPLAY_PATH);
    await t.request(REPLAY_PATH);
    expect(t.upstream.calls).toHaveLength(2);
  });

  it('errors are not cached', async () => {
    const t = makeTestApp({ handler: () => jsonResponse(404, { detail: 'Session not found' }) });
    await t.request(REPLAY_PATH);
    await t.request(REPLAY_PATH);
    expect(t.upstream.calls).toHaveLength(2);
  });

  it('session details are cached for 10 s', async () => {
    const clock = fakeClock();
    const t = makeTestApp({ clock, handler: () => jsonResponse(200, { created_at: '2026-03-01T11:00:00', status: 'closed' }) });
    await t.request(`/api/sessions/${SESSION}`);
    clock.advance(9_999);
    await t.request(`/api/sessions/${SESSION}`);
    expect(t.upstream.calls).toHaveLength(1);
    clock.advance(1);
    await t.request(`/api/sessions/${SESSION}`);
    expect(t.upstream.calls).toHaveLength(2);
  });

  it('a client renewal always gets fresher links than the ones it had, whatever its timing', () => {
    const fetchedAtMs = 1_000_000;
    for (const lifetimeMs of [10_000, 60_000, HOUR_MS, 7 * 24 * HOUR_MS]) {
      const expiresAtMs = fetchedAtMs + lifetimeMs;
      const freshUntilMs = replayFreshUntilMs(fetchedAtMs, expiresAtMs);
      expect(freshUntilMs).not.toBeNull();
      for (let servedAtMs = fetchedAtMs; servedAtMs < (freshUntilMs ?? 0); servedAtMs += lifetimeMs / 97) {
        const renewAtMs = servedAtMs + (renewDelayMs(expiresAtMs, servedAtMs) ?? 0);
        expect(renewAtMs).toBeGreaterThanOrEqual(freshUntilMs ?? Infinity);
      }
    }
  });

  it('never serves an entry at or past its expiry, even if a store says it is fresh', () => {
    const entry: CachedEntry = { bodyJson: '{}', fetchedAtMs: 0, freshUntilMs: 10_000, expiresAtMs: 5_000 };
    expect(isServable(entry, 4_999)).toBe(true);
    expect(isServable(entry, 5_000)).toBe(false);
    expect(isServable(entry, 9_000)).toBe(false);
  });

  it('a custom cache that returns expired entries is not trusted', async () => {
    const clock = fakeClock();
    const staleStore = {
      get: async (): Promise<CachedEntry> => ({
        bodyJson: JSON.stringify(validReplay(isoPlusOffset(clock.now - 1))),
        fetchedAtMs: clock.now - HOUR_MS,
        freshUntilMs: clock.now + HOUR_MS,
        expiresAtMs: clock.now - 1,
      }),
      set: async () => undefined,
    };
    const t = makeTestApp({ clock, cache: staleStore, handler: () => jsonResponse(200, validReplay(null)) });
    await t.request(REPLAY_PATH);
    expect(t.upstream.calls).toHaveLength(1);
  });
});

describe('memory cache bounds', () => {
  const entry = (bodyJson: string, freshUntilMs = 1_000): CachedEntry => ({
    bodyJson,
    fetchedAtMs: 0,
    freshUntilMs,
    expiresAtMs: null,
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const cache = createMemoryReplayCache({ nowMs: () => 0, maxEntries: 2 });
    await cache.set('a', entry('A'));
    await cache.set('b', entry('B'));
    await cache.get('a');
    await cache.set('c', entry('C'));
    expect(await cache.get('b')).toBeUndefined();
    expect((await cache.get('a'))?.bodyJson).toBe('A');
    expect((await cache.get('c'))?.bodyJson).toBe('C');
  });

  it('bounds the total body size and skips oversized bodies', async () => {
    const cache = createMemoryReplayCache({ nowMs: () => 0, maxBodyChars: 10 });
    await cache.set('big', entry('x'.repeat(11)));
    expect(await cache.get('big')).toBeUndefined();
    await cache.set('a', entry('123456'));
    await cache.set('b', entry('123456'));
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('b')).toBeDefined();
  });

  it('drops stale entries', async () => {
    let now = 0;
    const cache = createMemoryReplayCache({ nowMs: () => now });
    await cache.set('a', entry('A', 100));
    now = 100;
    expect(await cache.get('a')).toBeUndefined();
  });
});

describe('429 cooldown (injected clock)', () => {
  it('after a 429, no upstream call for any session until Retry-After has passed', async () => {
    const clock = fakeClock();
    let limited = true;
    const t = makeTestApp({
      clock,
      handler: () => (limited ? jsonResponse(429, { message: 'Too many requests' }, { 'retry-after': '30' }) : jsonResponse(200, validReplay(null))),
    });
    const first = await t.request(REPLAY_PATH);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('30');
    limited = false;

    clock.advance(10_000);
    const during = await t.request('/api/sessions/another-session/replay');
    expect(during.status).toBe(429);
    expect(during.headers.get('retry-after')).toBe('20');
    expect(apiErrorBodySchema.parse(await during.json()).error).toMatchObject({ code: 'rate_limited', retryable: true, retryAfterSec: 20 });
    expect((await t.request(`/api/sessions/${SESSION}`)).status).toBe(429);
    clock.advance(19_999);
    expect((await t.request(REPLAY_PATH)).status).toBe(429);
    expect(t.upstream.calls).toHaveLength(1);
    expect(t.logs.at(-1)).toMatchObject({ status: 429, cache: 'cooldown' });

    clock.advance(1);
    expect((await t.request(REPLAY_PATH)).status).toBe(200);
    expect(t.upstream.calls).toHaveLength(2);
  });

  it('a cached answer is still served during the cooldown', async () => {
    const clock = fakeClock();
    const t = makeTestApp({
      clock,
      handler: (request) =>
        request.url.includes('/cached/') ? jsonResponse(200, validReplay(null)) : jsonResponse(429, {}, { 'retry-after': '60' }),
    });
    await t.request('/api/sessions/cached/replay');
    await t.request('/api/sessions/other/replay');
    expect((await t.request('/api/sessions/cached/replay')).status).toBe(200);
    expect(t.upstream.calls).toHaveLength(2);
  });

  it('a 429 without Retry-After still cools down (10 s)', async () => {
    const clock = fakeClock();
    const t = makeTestApp({ clock, handler: () => jsonResponse(429, { detail: 'slow down' }) });
    const response = await t.request(REPLAY_PATH);
    expect(response.headers.get('retry-after')).toBe('10');
    clock.advance(9_000);
    await t.request(REPLAY_PATH);
    expect(t.upstream.calls).toHaveLength(1);
    clock.advance(1_000);
    await t.request(REPLAY_PATH);
    expect(t.upstream.calls).toHaveLength(2);
  });
});
