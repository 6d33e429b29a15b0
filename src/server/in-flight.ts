/** Concurrent callers asking for one key share one running promise. */
export interface InFlight<T> {
  run(key: string, start: () => Promise<T>): { promise: Promise<T>; shared: boolean };
  size(): number;
}

export function createInFlight<T>(): InFlight<T> {
  const running = new Map<string, Promise<T>>();
  return {
    run(key, start) {
      const existing = running.get(key);
      if (existing !== undefined) return { promise: existing, shared: true };
      const promise = start().finally(() => running.delete(key));
      running.set(key, promise);
      return { promise, shared: false };
    },
    size: () => running.size,
  };
}
