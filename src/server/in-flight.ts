/** Concurrent callers asking for one key share one running promise. */
export interface InFlight<T> {
  run(key: string, start: () => Promise<T>): { promise: Promise<T>; shared: boolean };
  size(): number;
}

/**
 * `maxAgeMs`: how long a running promise may be joined. Its own timeout should settle it sooner, but
 * on Workers a request cancelled by its client stops its timers and never settles its promises: an
 * older entry is left to itself, and the next caller starts afresh rather than wait forever.
 */
export function createInFlight<T>(options: { nowMs: () => number; maxAgeMs: number }): InFlight<T> {
  const running = new Map<string, { promise: Promise<T>; startedAtMs: number }>();
  return {
    run(key, start) {
      const existing = running.get(key);
      if (existing !== undefined && options.nowMs() - existing.startedAtMs <= options.maxAgeMs) return { promise: existing.promise, shared: true };
      const entry = { promise: start(), startedAtMs: options.nowMs() };
      running.set(key, entry);
      void entry.promise
        .finally(() => {
          // A newer run of the same key may have replaced this one.
          if (running.get(key) === entry) running.delete(key);
        })
        .catch(() => undefined);
      return { promise: entry.promise, shared: false };
    },
    size: () => running.size,
  };
}
