import { serverClockOffsetMs } from '../../shared/server-clock-offset';

let offsetMs = 0;

/** Called with every proxy answer: the latest readable `Date` header sets the offset. */
export function noteServerDate(dateHeader: string | null, receivedAtMs: number = Date.now()): void {
  const measured = serverClockOffsetMs(dateHeader, receivedAtMs);
  if (measured !== null) offsetMs = measured;
}

/** Now, on the server's clock: what `expires_at` is counted against (a browser's clock can be off by hours). */
export function serverNowMs(): number {
  return Date.now() + offsetMs;
}
