import { useEffect, useState } from 'react';

/** A clock (this browser's by default), re-read every `intervalMs`: the one impure edge for the countdowns. */
export function useNowMs(intervalMs: number, clock: () => number = Date.now): number {
  const [nowMs, setNowMs] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNowMs(clock()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, clock]);
  return nowMs;
}
