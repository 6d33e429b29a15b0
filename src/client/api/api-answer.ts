import { noteServerDate } from './server-clock';

/** The proxy gives up on Notte after ~10 s; past this the proxy itself is unreachable. */
export const CLIENT_TIMEOUT_MS = 15_000;

/** An answer of the proxy, read but not yet validated: `fetchApiJson` parses it with a schema. */
export interface ApiAnswer {
  ok: boolean;
  status: number;
  /** The JSON body, or undefined when it was not JSON. */
  body: unknown;
}

/** GETs a proxy route and reads its JSON; rejects only when no answer arrived (network, abort). */
export async function requestApiAnswer(path: string, signal?: AbortSignal, { preloaded = false } = {}): Promise<ApiAnswer> {
  const response = await fetch(path, { signal, headers: { accept: 'application/json' } });
  noteServerDate(response.headers.get('date'), (preloaded ? preloadArrivedAtMs(response.url) : null) ?? Date.now());
  const body: unknown = await response.json().catch(() => undefined);
  return { ok: response.ok, status: response.status, body };
}

export function replayPath(sessionId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}/replay`;
}

/**
 * When the HTML's preload of `url` got its answer, on `Date`'s clock, or null if it has none (yet).
 * boot.ts may read that answer a second after it came; a fetch of our own is read as it comes.
 */
function preloadArrivedAtMs(url: string): number | null {
  if (typeof performance === 'undefined' || typeof performance.getEntriesByName !== 'function') return null;
  const preload = performance
    .getEntriesByName(url, 'resource')
    .find((entry) => entry instanceof PerformanceResourceTiming && entry.initiatorType === 'link');
  if (!(preload instanceof PerformanceResourceTiming) || preload.responseStart <= 0) return null;
  return Date.now() - Math.max(0, performance.now() - preload.responseStart);
}
