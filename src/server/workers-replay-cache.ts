import { createMemoryReplayCache, isServable, type CachedEntry, type ReplayCache } from './replay-cache';

/**
 * The part of the Cache API this module uses: `caches.default` in Workers (per data centre, shared
 * by every isolate of the zone there), or a fake in tests.
 */
export interface CacheStoreLike {
  match(request: Request): Promise<Response | undefined>;
  put(request: Request, response: Response): Promise<void>;
  delete(request: Request): Promise<boolean>;
}

export interface WorkersReplayCacheOptions {
  nowMs: () => number;
  /** `caches.default`, or null where the Cache API does not exist (then: in-memory only). */
  store: CacheStoreLike | null;
  /**
   * Origin of the synthetic cache-key URLs. Cloudflare wants cache keys on the Worker's own
   * hostname (another or invalid hostname costs a DNS lookup): pass the request's origin.
   */
  keyOrigin: string;
  /**
   * Separates answers fetched with different upstream settings (another API URL or key must not
   * be answered from a previous deployment's entries). Any string; only its hash lands in keys.
   */
  namespaceSeed: string;
  /** The per-isolate first tier; defaults to the in-memory cache. */
  memory?: ReplayCache;
}

const KEY_PATH_PREFIX = '/__replay-cache/v1/';
const ENTRY_FORMAT = 1;
/** Below this the shared tier is not worth a write: max-age has whole seconds. */
const MIN_SHARED_TTL_MS = 1_000;

/** The synthetic URL under which `key` is stored; never routed to anyone (the Worker runs first). */
export function cacheKeyUrl(keyOrigin: string, namespace: string, key: string): string {
  return `${keyOrigin}${KEY_PATH_PREFIX}${namespace}/${encodeURIComponent(key)}`;
}

/**
 * Two tiers: the isolate's memory, then the Workers Cache API shared by the isolates of one data
 * centre. Both obey the same freshness rule as the in-memory cache (`freshUntilMs`, set by
 * replayFreshUntilMs: half of the links' lifetime); an entry read back from the shared tier is checked
 * again against this instance's clock, so no instance serves links past their freshness, whatever
 * the store's own TTL does. Store failures are reported to the caller (the service logs them and
 * falls back to the upstream).
 */
export function createWorkersReplayCache(options: WorkersReplayCacheOptions): ReplayCache {
  const { nowMs, store } = options;
  const memory = options.memory ?? createMemoryReplayCache({ nowMs });
  if (store === null) return memory;

  // Hashed lazily: Workers forbid async crypto at global scope, where this may be created.
  let namespacePromise: Promise<string> | null = null;
  const requestFor = async (key: string): Promise<Request> => {
    namespacePromise ??= sha256Hex(options.namespaceSeed).then((hex) => hex.slice(0, 24));
    return new Request(cacheKeyUrl(options.keyOrigin, await namespacePromise, key), { method: 'GET' });
  };

  return {
    async get(key) {
      const local = await memory.get(key);
      if (local !== undefined) return local;
      const request = await requestFor(key);
      const response = await store.match(request);
      if (response === undefined) return undefined;
      const entry = parseStoredEntry(await response.text());
      if (entry === null || !isServable(entry, nowMs())) {
        await store.delete(request);
        return undefined;
      }
      await memory.set(key, entry);
      return entry;
    },
    async set(key, entry) {
      await memory.set(key, entry);
      const ttlMs = entry.freshUntilMs - nowMs();
      if (ttlMs < MIN_SHARED_TTL_MS) return;
      const body = JSON.stringify({ format: ENTRY_FORMAT, entry });
      const response = new Response(body, {
        headers: {
          'content-type': 'application/json',
          // Rounded down: the store drops the entry no later than its freshness ends.
          'cache-control': `max-age=${Math.floor(ttlMs / 1000)}`,
        },
      });
      await store.put(await requestFor(key), response);
    },
  };
}

/** A stored entry, or null when it is not one this version wrote (then it is ignored and deleted). */
export function parseStoredEntry(text: string): CachedEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || value['format'] !== ENTRY_FORMAT || !isRecord(value['entry'])) return null;
  const entry = value['entry'];
  const { bodyJson, fetchedAtMs, freshUntilMs, expiresAtMs } = entry;
  if (typeof bodyJson !== 'string' || !isFiniteNumber(fetchedAtMs) || !isFiniteNumber(freshUntilMs)) return null;
  if (expiresAtMs !== null && !isFiniteNumber(expiresAtMs)) return null;
  return { bodyJson, fetchedAtMs, freshUntilMs, expiresAtMs };
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
