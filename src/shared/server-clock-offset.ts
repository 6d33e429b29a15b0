/** Below this, a difference between the clocks is the Date header's rounding and the network, not a wrong clock. */
export const CLOCK_OFFSET_TOLERANCE_MS = 3_000;

/**
 * How far the server's clock is ahead of this one (negative: behind), from an HTTP `Date` header
 * read at `receivedAtMs`; 0 when they agree within the tolerance, null when the header is unreadable.
 * `expires_at` is the server's (Notte's) time: a browser whose clock is off must count from there.
 */
export function serverClockOffsetMs(dateHeader: string | null, receivedAtMs: number): number | null {
  if (dateHeader === null) return null;
  const serverMs = Date.parse(dateHeader);
  if (Number.isNaN(serverMs)) return null;
  // The header has whole seconds, cut off: the server's time was half a second later on average.
  const offsetMs = serverMs + 500 - receivedAtMs;
  return Math.abs(offsetMs) < CLOCK_OFFSET_TOLERANCE_MS ? 0 : offsetMs;
}
