import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { START_EDGE_VARS } from '../../scripts/edge-dev.mjs';
import { contentTypeForPath } from './content-types';
import { defaultAssets, FAKE_KEY } from './test-support';
import worker, { assetReader, createWorkerInstance, type AssetsBinding, type WorkerEnv } from './worker-main';
import type { CacheStoreLike } from './workers-replay-cache';

/** The static-assets binding as `run_worker_first` + `html_handling: "none"` make it behave: exact paths, 404 otherwise. */
function fakeAssets(): AssetsBinding & { requested: string[] } {
  const files = defaultAssets();
  const requested: string[] = [];
  return {
    requested,
    async fetch(request) {
      const { pathname } = new URL(request.url);
      requested.push(pathname);
      const body = files.get(pathname);
      if (body === undefined) return new Response('Not Found', { status: 404 });
      const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
      return new Response(bytes.slice(), {
        headers: { 'content-type': 'application/octet-stream', etag: '"abc"', 'cf-cache-status': 'HIT', 'content-length': String(bytes.byteLength) },
      });
    },
  };
}

function recordingStore(): CacheStoreLike & { puts: string[] } {
  const puts: string[] = [];
  const entries = new Map<string, string>();
  return {
    puts,
    async match(request) {
      const body = entries.get(request.url);
      return body === undefined ? undefined : new Response(body);
    },
    async put(request, response) {
      puts.push(request.url);
      entries.set(request.url, await response.text());
    },
    async delete(request) {
      return entries.delete(request.url);
    },
  };
}

const ORIGIN = 'https://viewer.example';

describe('Workers entry', () => {
  // The entry logs one JSON line per request with console.log, as Workers Logs expects.
  beforeEach(() => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('serves pages with the HTML security headers and the replay preload, through the assets binding', async () => {
    const { app } = createWorkerInstance({ ASSETS: fakeAssets() }, ORIGIN, null);
    const response = await app.fetch(new Request(`${ORIGIN}/sessions/abc-123`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(await response.text()).toContain('href="/api/sessions/abc-123/replay"');
    const unknown = await app.fetch(new Request(`${ORIGIN}/no/such/page`));
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('reads built files through the binding with the same headers as Node (no store headers leak through)', async () => {
    const assets = fakeAssets();
    const { app } = createWorkerInstance({ ASSETS: assets }, ORIGIN, null);
    const script = await app.fetch(new Request(`${ORIGIN}/assets/index-abc123.js`));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe(contentTypeForPath('/assets/index-abc123.js'));
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('cf-cache-status')).toBeNull();
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    // Demo media only through signed /demo-storage links; the thumbnail is the exception.
    expect((await app.fetch(new Request(`${ORIGIN}/demo-media/checkout-flow/replay.mp4`))).status).toBe(404);
    expect((await app.fetch(new Request(`${ORIGIN}/demo-media/checkout-flow/thumb.jpg`))).status).toBe(200);
    expect(assets.requested).not.toContain('/demo-media/checkout-flow/replay.mp4');
  });

  it('assetReader answers null for a missing file', async () => {
    const read = assetReader(fakeAssets(), ORIGIN);
    expect(await read('/nope.js')).toBeNull();
    expect((await read('/favicon.svg'))?.headers.get('content-type')).toBe(contentTypeForPath('/favicon.svg'));
  });

  it('Notte mode caches in the Cache API under the request origin; demo mode stays in memory', async () => {
    const env: WorkerEnv = { ASSETS: fakeAssets(), NOTTE_API_KEY: FAKE_KEY, NOTTE_API_URL: 'http://127.0.0.1:9' };
    const store = recordingStore();
    const notte = createWorkerInstance(env, ORIGIN, store);
    const original = globalThis.fetch;
    globalThis.fetch = async () =>
      new Response(
        JSON.stringify({ playlist_content: null, mp4_url: 'https://s.test/a.mp4', expires_at: new Date(Date.now() + 3_600_000).toISOString(), video_start_ms: 0, video_duration_ms: 1000 }),
        { headers: { 'content-type': 'application/json' } },
      );
    try {
      expect((await notte.app.fetch(new Request(`${ORIGIN}/api/sessions/abc/replay`))).status).toBe(200);
    } finally {
      globalThis.fetch = original;
    }
    expect(store.puts).toHaveLength(1);
    expect(store.puts[0]?.startsWith(`${ORIGIN}/__replay-cache/v1/`)).toBe(true);
    expect(store.puts[0]).not.toContain(FAKE_KEY);

    const demoStore = recordingStore();
    const demo = createWorkerInstance({ ASSETS: fakeAssets() }, ORIGIN, demoStore);
    const replay = await demo.app.fetch(new Request(`${ORIGIN}/api/sessions/demo-checkout-flow/replay`));
    expect(replay.status).toBe(200);
    expect(demoStore.puts).toHaveLength(0);
  });

  it('the default export creates one app per isolate and passes cf-connecting-ip as the client address', async () => {
    const env: WorkerEnv = { ASSETS: fakeAssets(), RATE_LIMIT_PER_MINUTE: '2' };
    const ctx = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} };
    const ask = (ip: string) => worker.fetch(new Request(`${ORIGIN}/api/demo-sessions`, { headers: { 'cf-connecting-ip': ip } }), env, ctx);
    expect((await ask('198.51.100.1')).status).toBe(200);
    expect((await ask('198.51.100.1')).status).toBe(200);
    expect((await ask('198.51.100.1')).status).toBe(429);
    expect((await ask('198.51.100.2')).status).toBe(200);
  });

  it('under npm run start:edge, a client cannot choose its rate-limit identity with CF-Connecting-IP', async () => {
    // wrangler dev keeps a CF-Connecting-IP the client sent (Miniflare fills it in only when absent).
    vi.resetModules();
    const { default: fresh } = await import('./worker-main');
    const env: WorkerEnv = { ASSETS: fakeAssets(), RATE_LIMIT_PER_MINUTE: '2', ...START_EDGE_VARS };
    const ctx = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} };
    const ask = (ip: string) => fresh.fetch(new Request(`${ORIGIN}/api/demo-sessions`, { headers: { 'cf-connecting-ip': ip } }), env, ctx);
    expect((await ask('198.51.100.1')).status).toBe(200);
    expect((await ask('198.51.100.2')).status).toBe(200);
    expect((await ask('198.51.100.3')).status).toBe(429);
  });

  it('drains the body of a request it refuses (wrangler dev\'s proxy needs it read)', async () => {
    const env: WorkerEnv = { ASSETS: fakeAssets() };
    const ctx = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} };
    const request = new Request(`${ORIGIN}/api/sessions/abc/replay`, { method: 'POST', body: '{}', headers: { 'content-length': '2' } });
    const response = await worker.fetch(request, env, ctx);
    expect(response.status).toBe(405);
    expect(request.bodyUsed).toBe(true);
  });

  it('a misconfigured Worker answers every request with a plain 500, and logs which setting', async () => {
    vi.resetModules();
    const { default: fresh } = await import('./worker-main');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const ctx = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} };
    const env: WorkerEnv = { ASSETS: fakeAssets(), UPSTREAM_TIMEOUT_MS: '10s' };
    const response = await fresh.fetch(new Request(`${ORIGIN}/sessions/abc`), env, ctx);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe("The replay viewer's server is misconfigured: its log says which setting.");
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('UPSTREAM_TIMEOUT_MS must be a whole number'));
    errors.mockRestore();
  });

  it("keeps an API request's upstream call alive past its own client (others may be waiting on it)", async () => {
    const kept: Promise<unknown>[] = [];
    const ctx = { waitUntil: (work: Promise<unknown>) => void kept.push(work), passThroughOnException: () => undefined, props: {} };
    const demo = createWorkerInstance({ ASSETS: fakeAssets() }, ORIGIN, null);
    const response = await demo.app.fetch(new Request(`${ORIGIN}/api/sessions/demo-checkout-flow/replay`), {}, ctx);
    expect(response.status).toBe(200);
    expect(kept.length).toBeGreaterThanOrEqual(1);
  });
});

