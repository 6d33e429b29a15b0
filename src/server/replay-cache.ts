/**
 * Cache of successful proxy answers, keyed per resource and session. An interface so that
 * runtimes can plug their own store (the Workers Cache API, issue 6); entries are plain JSON data.
 */
export interface CachedEntry {
  bodyJson: string;
  fetchedAtMs: number;
  /** Served from cache only before this instant. */
  freshUntilMs: number;
  /** When the links inside stop working; null when the answer holds no expiring links. */
  expiresAtMs: number | null;
}

export interface ReplayCache {
  get(key: string): Promise<CachedEntry | undefined>;
  set(key: string, entry: CachedEntry): Promise<void>;
}

export const NULL_EXPIRY_FRESH_MS = 60_000;
export const SESSION_DETAILS_FRESH_MS = 10_000;
export const REPLAY_FRESH_FRACTION = 0.5;

/**
 * How long a replay answer may be served from cache. The client renews when 60% of the lifetime
 * *it observed* has passed (RENEW_AT_FRACTION in src/shared/link-expiry.ts). Serving only during the
 * first half of the lifetime guarantees a renewal lands after that: a client served at t ≥ fetchedAt
 * renews at t + 0.6·(expiresAt − t) ≥ fetchedAt + 0.5·(expiresAt − fetchedAt). So a renewal always
 * gets links fresher than the ones it is replacing, never the same ones again.
 * Returns null when the answer must not be cached at all (links already expired).
 */
export function replayFreshUntilMs(fetchedAtMs: number, expiresAtMs: number | null): number | null {
  if (expiresAtMs === null) return fetchedAtMs + NULL_EXPIRY_FRESH_MS;
  if (expiresAtMs <= fetchedAtMs) return null;
  return fetchedAtMs + REPLAY_FRESH_FRACTION * (expiresAtMs - fetchedAtMs);
}

/** Never serve links at or past their expiry, whatever a store returns. */
export function isServable(entry: CachedEntry, nowMs: number): boolean {
  if (nowMs >= entry.freshUntilMs) return false;
  return entry.expiresAtMs === null || nowMs < entry.expiresAtMs;
}

export interface MemoryReplayCacheOptions {
  nowMs: () => number;
  maxEntries?: number;
  /** Rough bound on memory: playlists of long sessions hold thousands of presigned URLs. */
  maxBodyChars?: number;
}

/** In-memory store per process or isolate; least recently used entries go first when full. */
export function createMemoryReplayCache(options: MemoryReplayCacheOptions): ReplayCache {
  const maxEntries = options.maxEntries ?? 500;
  const maxBodyChars = options.maxBodyChars ?? 64 * 1024 * 1024;
  const entries = new Map<string, CachedEntry>();
  let totalChars = 0;

  function remove(key: string): void {
    const entry = entries.get(key);
    if (entry === undefined) return;
    totalChars -= entry.bodyJson.length;
    entries.delete(key);
  }

  function pruneStale(): void {
    const now = options.nowMs();
    for (const [key, entry] of entries) if (!isServable(entry, now)) remove(key);
  }

  return {
    async get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      if (!isServable(entry, options.nowMs())) {
        remove(key);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, entry);
      return entry;
    },
    async set(key, entry) {
      remove(key);
      if (entry.bodyJson.length > maxBodyChars) return;
      if (entries.size >= maxEntries || totalChars + entry.bodyJson.length > maxBodyChars) pruneStale();
      while (entries.size >= maxEntries || totalChars + entry.bodyJson.length > maxBodyChars) {
        const oldestKey = entries.keys().next().value;
        if (oldestKey === undefined) break;
        remove(oldestKey);
      }
      entries.set(key, entry);
      totalChars += entry.bodyJson.length;
    },
  };
}
