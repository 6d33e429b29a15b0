import { describe, expect, it } from 'vitest';
import { replayFreshUntilMs, type CachedEntry } from './replay-cache';
import { fakeClock, FAKE_KEY, jsonResponse, makeTestApp, validReplay, type FakeClock } from './test-support';
import { cacheKeyUrl, createWorkersReplayCache, parseStoredEntry, type CacheStoreLike } from './workers-replay-cache';

const HOUR_MS = 3_600_000;
const ORIGIN = 'https://viewer.example';
const SEED = `https://api.test.invalid\n${FAKE_KEY}`;

/**
 * A stand-in for `caches.default`: keeps what was put, by URL. `honourMaxAge: false` plays a store
 * that keeps entries longer than asked (the real one may evict early but promises nothing exact).
 */
class FakeCacheStore implements CacheStoreLike {
  readonly entries = new Map<string, { body: string; headers: Headers; storedAtMs: number }>();
  readonly puts: Array<{ url: string; cacheControl: string | null }> = [];
  readonly deletes: string[] = [];
  failWith: Error | null = null;

  constructor(
    private readonly clock: FakeClock,
    private readonly honourMaxAge = true,
  ) {}

  async match(request: Request): Promise<Response | undefined> {
    if (this.failWith !== null) throw this.failWith;
    const stored = this.entries.get(request.url);
    if (stored === undefined) return undefined;
    const maxAgeSec = Number(/max-age=(\d+)/.exec(stored.headers.get('cache-control') ?? '')?.[1] ?? 0);
    if (this.honourMaxAge && this.clock.now >= stored.storedAtMs + maxAgeSec * 1000) return undefined;
    return new Response(stored.body, { headers: stored.headers });
  }

  async put(request: Request, response: Response): Promise<void> {
    if (this.failWith !== null) throw this.failWith;
    expect(request.method).toBe('GET');
    this.puts.push({ url: request.url, cacheControl: response.headers.get('cache-control') });
    this.entries.set(request.url, { body: await response.text(), headers: new Headers(response.headers), storedAtMs: this.clock.now });
  }

  async delete(request: Request): Promise<boolean> {
    this.deletes.push(request.url);
    return this.entries.delete(request.url);
  }
}

function replayEntry(clock: FakeClock, lifetimeMs: number | null): CachedEntry {
  const expiresAtMs = lifetimeMs === null ? null : clock.now + lifetimeMs;
  const freshUntilMs = replayFreshUntilMs(clock.now, expiresAtMs);
  if (freshUntilMs === null) throw new Error('test entry would not be cached');
  return { bodyJson: JSON.stringify({ links: `made at ${clock.now}` }), fetchedAtMs: clock.now, freshUntilMs, expiresAtMs };
}

describe('Workers Cache API replay cache (injected clock, fake Cache)', () => {
  it('stores under a synthetic URL on the given origin with a hashed namespace, never the key itself', async () => {
    const clock = fakeClock();
    const store = new FakeCacheStore(clock);
    const cache = createWorkersReplayCache({ nowMs: () => clock.now, store, keyOrigin: ORIGIN, namespaceSeed: SEED });
    await cache.set('replay:notte:abc', replayEntry(clock, HOUR_MS));
    expect(store.puts).toHaveLength(1);
    const [put] = store.puts;
    expect(put?.url.startsWith(`${ORIGIN}/__replay-cache/v1/`)).toBe(true);
    expect(put?.url.endsWith('/replay%3Anotte%3Aabc')).toBe(true);
    expect(put?.url).not.toContain(FAKE_KEY);
    expect(put?.url).toMatch(/\/v1\/[0-9a-f]{24}\//);
    // max-age covers the freshness window (half the lifetime), rounded down.
    expect(put?.cacheControl).toBe(`max-age=${HOUR_MS / 2 / 1000}`);
  });

  it('another instance (own memory, same data centre store) gets the entry from the Cache API', async () => {
    const clock = fakeClock();
    const store = new FakeCacheStore(clock);
    const first = createWorkersReplayCache({ nowMs: () => clock.now, store, keyOrigin: ORIGIN, namespaceSeed: SEED });
    const second = createWorkersReplayCache({ nowMs: () => clock.now, store, keyOrigin: ORIGIN, namespaceSeed: SEED });
    const entry = replayEntry(clock, HOUR_MS);
    await first.set('replay:notte:abc', entry);
    clock.advance(60_000);
    expect(await second.get('replay:notte:abc')).toEqual(entry);
    // Then from its own memory: no second store read needed, same answer.
    store.entries.clear();
    expect(await second.get('replay:notte:abc')).toEqual(entry);
  });

  it('never returns an entry at or past its freshness end, even from a store that keeps it longer', async () => {
    const clock = fakeClock();
    const store = new FakeCacheStore(clock, false);
    const writer = createWorkersReplayCache({ nowMs: () => clock.now, store, keyOrigin: ORIGIN, namespaceSeed: SEED });
    const entry = replayEntry(clock, HOUR_MS);
    await writer.set('replay:notte:abc', entry);

    const reader = createWorkersReplayCache({ nowMs: () => clock.now, store, keyOrigin: ORIGIN, namespaceSeed: SEED });
    clock.advance(HOUR_MS / 2 - 1);
    expect(await reader.get('replay:notte:abc')).toEqual(entry);

    const late = createWorkersReplayCache({ nowMs: () => clock.now, store, keyOrigin: ORIGIN, namespaceSeed: SEED });
    clock.advance(1);
    expect(await late.get('replay:notte:abc')).toBeUndefined();
    expect(await reader.get('replay:notte:abc')).toBeUndefined();
    expect(store.deletes).toHaveLength(1);
  });

  it('never returns links at or past expires_at, whatever freshUntilMs a stored entry claims', async () => {
    const clock = fakeClock();
    const store = new FakeCacheStore(clock, false);
    const cache = createWorkersReplayCache({ nowMs: () => clock.now, store, keyOrigin: ORIGIN, namespaceSeed: SEED });
    const bogus: CachedEntry = { bodyJson: '{}', fetchedAtMs: clock.now, freshUntilMs: clock.now + 2 * HOUR_MS, expiresAtMs: clock.now + HOUR_MS };
    await cache.set('replay:notte:abc', bogus);
    const other = createWorkersReplayCache({ nowMs: () => clock.now, store, keyOrigin: ORIGIN, namespaceSeed: SEED });
    clock.advance(HOUR_MS);
    expect(await other.get('replay:notte:abc')).toBeUndefined();
    expect(await cache.get('replay:notte:abc')).toBeUndefined();
  });

  it('does not write to the shared store when less than a second of freshness is left', async () => {
    const clock = fakeClock();
    const store = new FakeCacheStore(clock);
    const cache = createWorkersReplayCache({ nowMs: () => clock.now, store, keyOrigin: ORIGIN, namespaceSeed: SEED });
    const entry = replayEntry(clock, 1_500);
    await cache.set('replay:notte:short', entry);
    expect(store.puts).toHaveLength(0);
    expect(await cache.get('replay:notte:short')).toEqual(entry);
  });

  it('keeps deployments with another API URL or key apart', async () => {
    const clock = fakeClock();
    const store = new FakeCacheStore(clock);
    const before = createWorkersReplayCache({ nowMs: () => clock.now, store, keyOrigin: ORIGIN, namespaceSeed: SEED });
    await before.set('replay:notte:abc', replayEntry(clock, HOUR_MS));
    const otherKey = createWorkersReplayCache({ nowMs: () => clock.now, store, keyOrigin: ORIGIN, namespaceSeed: `${SEED}-rotated` });
    expect(await otherKey.get('replay:notte:abc')).toBeUndefined();
  });

  it('ignores and deletes stored bodies it did not write', async () => {
    const clock = fakeClock();
    const store = new FakeCacheStore(clock);
    const cache = createWorkersReplayCache({ nowMs: () => clock.now, store, keyOrigin: ORIGIN, namespaceSeed: SEED });
    await cache.set('replay:notte:abc', replayEntry(clock, HOUR_MS));
    const [url] = [...store.entries.keys()];
    if (url === undefined) throw new Error('nothing stored');
    store.entries.set(url, { body: '{"format":1,"entry":{"bodyJson":5}}', headers: new Headers({ 'cache-control': 'max-age=60' }), storedAtMs: clock.now });
    const fresh = createWorkersReplayCache({ nowMs: () => clock.now, store, keyOrigin: ORIGIN, namespaceSeed: SEED });
    expect(await fresh.get('replay:notte:abc')).toBeUndefined();
    expect(store.deletes).toEqual([url]);
    expect(parseStoredEntry('not json')).toBeNull();
    expect(parseStoredEntry('{"format":2,"entry":{}}')).toBeNull();
  });

  it('without the Cache API (store null) it is the in-memory cache', async () => {
    const clock = fakeClock();
    const cache = createWorkersReplayCache({ nowMs: () => clock.now, store: null, keyOrigin: ORIGIN, namespaceSeed: SEED });
    const entry = replayEntry(clock, HOUR_MS);
    await cache.set('replay:notte:abc', entry);
    expect(await cache.get('replay:notte:abc')).toEqual(entry);
    clock.advance(HOUR_MS / 2);
    expect(await cache.get('replay:notte:abc')).toBeUndefined();
  });

  it('cacheKeyUrl encodes the key as one path segment', () => {
    expect(cacheKeyUrl(ORIGIN, 'ns', 'replay:demo:a/b')).toBe(`${ORIGIN}/__replay-cache/v1/ns/replay%3Ademo%3Aa%2Fb`);
  });

  it('a failing Cache API costs an upstream call, not an error: the app logs it and answers', async () => {
    const clock = fakeClock();
    const store = new FakeCacheStore(clock);
    store.failWith = new Error(`cache unavailable (${FAKE_KEY})`);
    const cache = createWorkersReplayCache({ nowMs: () => clock.now, store, keyOrigin: ORIGIN, namespaceSeed: SEED });
    const t = makeTestApp({
      clock,
      cache,
      handler: () => jsonResponse(200, validReplay(new Date(clock.now + HOUR_MS).toISOString())),
    });
    const response = await t.request('/api/sessions/abc/replay');
    expect(response.status).toBe(200);
    expect(t.upstream.calls).toHaveLength(1);
    const errors = t.logs.filter((line) => line.event === 'cache_error');
    expect(errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(t.logs)).not.toContain(FAKE_KEY);
  });
});
