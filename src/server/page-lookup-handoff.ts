import type { ServiceResult } from './session-resource-service';

/** The page's own replay request follows its HTML within a second or so; later ones ask afresh. */
const HANDOFF_TTL_MS = 10_000;
/** Pages whose request never comes (no JavaScript, bots) must not pile up. */
const MAX_WAITING = 1_000;

export interface PageLookupHandoff {
  put(key: string, result: Promise<ServiceResult>): void;
  /** The lookup a viewer page made for `key`, once, if it is recent; else null. */
  take(key: string): Promise<ServiceResult> | null;
}

/**
 * A viewer page looks its replay up while it sends the HTML (src/server/shell-video.ts); the page's
 * preloaded request for the same replay comes right after. Good answers are cached anyway, but errors
 * and "still processing" are not: this hands the page's lookup to that request, so that one page view
 * costs one upstream call whatever Notte answered.
 */
export function createPageLookupHandoff(nowMs: () => number): PageLookupHandoff {
  const waiting = new Map<string, { result: Promise<ServiceResult>; atMs: number }>();
  const isFresh = (atMs: number) => nowMs() - atMs <= HANDOFF_TTL_MS;
  return {
    put(key, result) {
      for (const [oldKey, entry] of waiting) if (!isFresh(entry.atMs)) waiting.delete(oldKey);
      // Map keeps insertion order: the oldest goes first.
      if (waiting.size >= MAX_WAITING) waiting.delete(waiting.keys().next().value ?? '');
      waiting.delete(key);
      waiting.set(key, { result, atMs: nowMs() });
    },
    take(key) {
      const entry = waiting.get(key);
      if (entry === undefined) return null;
      waiting.delete(key);
      return isFresh(entry.atMs) ? entry.result : null;
    },
  };
}
