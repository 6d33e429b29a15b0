/**
 * Many instances (Node processes behind a balancer, Workers isolates in many data centres): each app
 * instance has its own cache, coalescing and cooldown. With an injected clock these tests show what
 * that costs upstream and that no instance ever hands out links past their freshness or expiry.
 */
import { describe, expect, it } from 'vitest';
import { replaySchema } from '../shared/replay-schema';
import { REPLAY_FRESH_FRACTION } from './replay-cache';
import { fakeClock, jsonResponse, makeTestApp, validReplay, type FakeClock, type TestApp } from './test-support';
import { createWorkersReplayCache, type CacheStoreLike } from './workers-replay-cache';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const SESSIONS = ['s-one', 's-two'];
/** Hundreds of in-process requests per test: generous on a busy CI machine. */
const TEST_TIMEOUT_MS = 60_000;

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

/** A Notte-like upstream: every call presigns fresh links valid for `lifetimeMs`. */
function freshLinksUpstream(clock: FakeClock, lifetimeMs: number) {
  return () => jsonResponse(200, validReplay(iso(clock.now + lifetimeMs)));
}

interface Served {
  instance: number;
  sessionId: string;
  atMs: number;
  expiresAtMs: number;
}

/** Clients spread over instances round-robin (every session reaches every instance), one request per session every `stepMs`, for `durationMs`. */
async function drive(instances: TestApp[], clock: FakeClock, durationMs: number, stepMs: number): Promise<Served[]> {
  const served: Served[] = [];
  for (let elapsed = 0, step = 0; elapsed < durationMs; elapsed += stepMs, step++) {
    for (const [sessionIndex, sessionId] of SESSIONS.entries()) {
      const instance = (step + sessionIndex) % instances.length;
      const response = await instances[instance]!.request(`/api/sessions/${sessionId}/replay`);
      expect(response.status).toBe(200);
      const replay = replaySchema.parse(await response.json());
      served.push({ instance, sessionId, atMs: clock.now, expiresAtMs: Date.parse(replay.expires_at ?? '') });
    }
    clock.advance(stepMs);
  }
  return served;
}

function replayCallTimes(instance: TestApp, sessionId: string): number[] {
  return instance.upstream.calls.filter((call) => new URL(call.url).pathname === `/sessions/${sessionId}/replay`).map((call) => Number(call.headers.get('x-test-at-ms')));
}

function makeInstances(count: number, clock: FakeClock, lifetimeMs: number, cacheFor?: (index: number) => ReturnType<typeof createWorkersReplayCache>): TestApp[] {
  return Array.from({ length: count }, (_, index) => {
    const upstream = freshLinksUpstream(clock, lifetimeMs);
    const options: Parameters<typeof makeTestApp>[0] = {
      clock,
      handler: (request) => {
        // Remember when each call happened (the recorder keeps the Request).
        request.headers.set('x-test-at-ms', String(clock.now));
        return upstream();
      },
    };
    if (cacheFor !== undefined) options.cache = cacheFor(index);
    return makeTestApp(options);
  });
}

describe('many instances, each with its own cache (injected clock)', () => {
  it('each instance calls the upstream at most once per session per freshness window (half the link lifetime)', async () => {
    const clock = fakeClock();
    const lifetimeMs = HOUR_MS;
    const durationMs = 6 * HOUR_MS;
    const instances = makeInstances(4, clock, lifetimeMs);
    await drive(instances, clock, durationMs, 4 * MINUTE_MS);

    const windowMs = REPLAY_FRESH_FRACTION * lifetimeMs;
    for (const instance of instances) {
      for (const sessionId of SESSIONS) {
        const times = replayCallTimes(instance, sessionId);
        // Never two calls within one window: one call per set of links per instance...
        for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(windowMs);
        // ...so over the run at most ⌈duration / window⌉ calls (here 12 in 6 h: 2 per link lifetime).
        expect(times.length).toBeLessThanOrEqual(Math.ceil(durationMs / windowMs));
        expect(times.length).toBeGreaterThan(0);
      }
    }
    // Upstream load grows with the number of instances, not with the number of viewers.
    const total = instances.reduce((sum, instance) => sum + instance.upstream.calls.length, 0);
    expect(total).toBeLessThanOrEqual(instances.length * SESSIONS.length * Math.ceil(durationMs / windowMs));
  }, TEST_TIMEOUT_MS);

  it('no instance ever serves links past their expiry, nor with less than half their lifetime left', async () => {
    const clock = fakeClock();
    const lifetimeMs = 10 * MINUTE_MS;
    const instances = makeInstances(3, clock, lifetimeMs);
    const served = await drive(instances, clock, HOUR_MS, 37_000);
    expect(served.length).toBeGreaterThan(150);
    for (const answer of served) {
      expect(answer.expiresAtMs).toBeGreaterThan(answer.atMs);
      expect(answer.expiresAtMs - answer.atMs).toBeGreaterThan((1 - REPLAY_FRESH_FRACTION) * lifetimeMs);
    }
  }, TEST_TIMEOUT_MS);

  it('links the upstream itself reuses (fixed expiry) are never served at or past that expiry', async () => {
    const clock = fakeClock();
    const fixedExpiryMs = clock.now + HOUR_MS;
    const instances = Array.from({ length: 3 }, () =>
      makeTestApp({ clock, handler: () => jsonResponse(200, validReplay(iso(fixedExpiryMs))) }),
    );
    let servedAfterExpiry = 0;
    for (let step = 0; step < 75; step++) {
      for (const [index, instance] of instances.entries()) {
        const response = await instance.request(`/api/sessions/s-fixed/replay`);
        expect(response.status, `instance ${index}`).toBe(200);
        const expiresAtMs = Date.parse(replaySchema.parse(await response.json()).expires_at ?? '');
        if (clock.now >= expiresAtMs) servedAfterExpiry++;
        // A cached answer is only ever the upstream's current one: an answer with expired links comes
        // straight from the upstream (and is not cached), never from an instance's cache.
        if (clock.now >= fixedExpiryMs) expect(instance.logs.at(-1)?.cache).toBe('miss');
      }
      clock.advance(MINUTE_MS);
    }
    expect(servedAfterExpiry).toBeGreaterThan(0);
    // Calls before expiry: the window halves with the remaining lifetime (30, 15, 7.5… min), so each
    // instance refetches ever sooner as the fixed expiry nears, never serving a stale copy.
    for (const instance of instances) {
      const beforeExpiry = instance.upstream.calls.length - 15;
      expect(beforeExpiry).toBeLessThanOrEqual(8);
    }
  }, TEST_TIMEOUT_MS);

  it('Workers isolates of one data centre share the Cache API: one upstream call per window for all of them', async () => {
    const clock = fakeClock();
    const lifetimeMs = HOUR_MS;
    const durationMs = 4 * HOUR_MS;
    const stored = new Map<string, { body: string; headers: Headers; storedAtMs: number }>();
    const store: CacheStoreLike = {
      async match(request) {
        const hit = stored.get(request.url);
        if (hit === undefined) return undefined;
        const maxAgeSec = Number(/max-age=(\d+)/.exec(hit.headers.get('cache-control') ?? '')?.[1] ?? 0);
        return clock.now < hit.storedAtMs + maxAgeSec * 1000 ? new Response(hit.body, { headers: hit.headers }) : undefined;
      },
      async put(request, response) {
        stored.set(request.url, { body: await response.text(), headers: new Headers(response.headers), storedAtMs: clock.now });
      },
      async delete(request) {
        return stored.delete(request.url);
      },
    };
    const instances = makeInstances(5, clock, lifetimeMs, () =>
      createWorkersReplayCache({ nowMs: () => clock.now, store, keyOrigin: 'https://viewer.example', namespaceSeed: 'notte' }),
    );
    const served = await drive(instances, clock, durationMs, 3 * MINUTE_MS);

    const windowMs = REPLAY_FRESH_FRACTION * lifetimeMs;
    for (const sessionId of SESSIONS) {
      const times = instances.flatMap((instance) => replayCallTimes(instance, sessionId)).sort((a, b) => a - b);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(windowMs);
      expect(times.length).toBeLessThanOrEqual(Math.ceil(durationMs / windowMs));
    }
    for (const answer of served) expect(answer.expiresAtMs - answer.atMs).toBeGreaterThan((1 - REPLAY_FRESH_FRACTION) * lifetimeMs);
  }, TEST_TIMEOUT_MS);
});
