/**
 * Cloudflare Workers entry (wrangler.jsonc `main`): the same app as node-main.ts, with the runtime
 * specifics taken from bindings. Every request reaches this Worker first (`assets.run_worker_first`):
 * pages, /api, /healthz, /demo-storage and the built files alike, so headers and routes match Node;
 * the built SPA in dist/ is read through the static-assets binding.
 */
import type { ExecutionContext, Hono } from 'hono';
import { createApp, type AppEnv } from './app';
import type { LogLine, ReadAsset } from './app-deps';
import { ConfigError, readServerConfig, type ServerConfig } from './config';
import { contentTypeForPath } from './content-types';
import { createMemoryReplayCache, type ReplayCache } from './replay-cache';
import { createWorkersReplayCache, type CacheStoreLike } from './workers-replay-cache';

/** The static-assets binding (`assets.binding` in wrangler.jsonc). */
export interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

/**
 * Bindings: `ASSETS`, plus the same variables as the Node entry's environment: NOTTE_API_KEY (a
 * secret: `wrangler secret put NOTTE_API_KEY`; absent → demo mode), NOTTE_API_URL, FRAME_ANCESTORS,
 * RATE_LIMIT_PER_MINUTE, UPSTREAM_TIMEOUT_MS, DEMO_SIGNING_SECRET; and from `npm run start:edge`,
 * UNTRUSTED_CF_CONNECTING_IP.
 */
export interface WorkerEnv {
  ASSETS: AssetsBinding;
  [name: string]: unknown;
}

interface WorkerInstance {
  app: Hono<AppEnv>;
}

// One app per isolate, created on the first request: Workers forbid clocks, random values and async
// crypto at global scope, and the cache, coalescing, 429 cooldown and demo signing key must outlive
// a single request.
let instance: WorkerInstance | null = null;

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    try {
      instance ??= createWorkerInstance(env, new URL(request.url).origin, defaultCacheStore());
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      // The details (the variables' values) go to the log, not to every visitor.
      console.error(error.message);
      return new Response("The replay viewer's server is misconfigured: its log says which setting.", {
        status: 500,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
      });
    }
    const clientAddress = vouchedClientAddress(request, env);
    const response = await instance.app.fetch(request, clientAddress === undefined ? {} : { clientAddress }, ctx);
    await discardUnreadBody(request);
    return response;
  },
};

/**
 * On Cloudflare, CF-Connecting-IP is the client's address (Cloudflare overwrites whatever was sent).
 * Under `npm run start:edge` (wrangler dev) it is whatever the client sent, and nothing else names the
 * client: the script says so with UNTRUSTED_CF_CONNECTING_IP (scripts/edge-dev.mjs), and every client
 * then shares one rate-limit bucket rather than choosing its own.
 */
function vouchedClientAddress(request: Request, env: WorkerEnv): string | undefined {
  if (env.UNTRUSTED_CF_CONNECTING_IP === '1') return undefined;
  return request.headers.get('cf-connecting-ip') ?? undefined;
}

export function createWorkerInstance(env: WorkerEnv, origin: string, store: CacheStoreLike | null): WorkerInstance {
  const config = readServerConfig(env);
  const nowMs = (): number => Date.now();
  const app = createApp({
    config,
    fetchUpstream: (input, init) => fetch(input, init),
    nowMs,
    readAsset: assetReader(env.ASSETS, origin),
    log: logLine,
    cache: replayCacheFor(config, store, origin, nowMs),
  });
  return { app };
}

/**
 * Notte mode: memory per isolate in front of the data centre's Cache API. Demo mode stays in memory:
 * its links are signed with a key made per isolate (unless DEMO_SIGNING_SECRET is set) and its
 * sessions are dated from the isolate's first request, so its answers are not shareable.
 */
/**
 * The isolate's in-memory tier holds at most this many characters of answers (one-byte strings: about
 * as many bytes). An isolate has 128 MB for everything, and a long session's playlist is megabytes
 * with transient copies while it is fetched and parsed; Node's default (64M) is for a whole process.
 */
const WORKER_MEMORY_CACHE_MAX_CHARS = 16 * 1024 * 1024;

function replayCacheFor(config: ServerConfig, store: CacheStoreLike | null, origin: string, nowMs: () => number): ReplayCache {
  const memory = createMemoryReplayCache({ nowMs, maxBodyChars: WORKER_MEMORY_CACHE_MAX_CHARS });
  if (config.mode === 'demo' || store === null) return memory;
  return createWorkersReplayCache({
    nowMs,
    memory,
    store,
    keyOrigin: origin,
    namespaceSeed: `${config.apiUrl}\n${config.apiKey ?? ''}`,
  });
}

/**
 * The app answers GET and HEAD only and never reads a body. `wrangler dev`'s local proxy streams
 * request bodies into the Worker: answering a POST without reading its body breaks that stream and
 * the next request on the connection fails with 503 ("Your worker restarted mid-request"). Small
 * bodies are drained, others cancelled; harmless on the Workers platform.
 */
async function discardUnreadBody(request: Request): Promise<void> {
  if (request.body === null || request.bodyUsed) return;
  const length = Number(request.headers.get('content-length') ?? NaN);
  try {
    if (Number.isFinite(length) && length <= MAX_DRAINED_BODY_BYTES) await request.arrayBuffer();
    else await request.body.cancel();
  } catch {
    // the client went away
  }
}

const MAX_DRAINED_BODY_BYTES = 64 * 1024;

function defaultCacheStore(): CacheStoreLike | null {
  const storage = (globalThis as { caches?: { default?: CacheStoreLike } }).caches;
  return storage?.default ?? null;
}

/**
 * Built files through the static-assets binding; null when there is no such file. Headers as from
 * the Node reader (content-type and length only): caching headers are the app's business.
 */
export function assetReader(assets: AssetsBinding, origin: string): ReadAsset {
  return async (path) => {
    const response = await assets.fetch(new Request(new URL(path, origin)));
    if (response.status === 404) return null;
    if (!response.ok) return response;
    const headers = new Headers({ 'content-type': contentTypeForPath(path) });
    const length = response.headers.get('content-length');
    if (length !== null) headers.set('content-length', length);
    return new Response(response.body, { status: 200, headers });
  };
}

function logLine(line: LogLine): void {
  console.log(JSON.stringify({ time: new Date().toISOString(), ...line }));
}
