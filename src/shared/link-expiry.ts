import { formatClock } from './clock-format';

export const EXPIRY_WARNING_SEC = 5 * 60;
/** However short-lived the links, renewals are at least this far apart. */
export const MIN_RENEW_DELAY_MS = 5_000;
/** The client renews when this fraction of the remaining lifetime has passed. */
export const RENEW_AT_FRACTION = 0.6;

export type LinkExpiry =
  | { kind: 'unknown' }
  | { kind: 'active'; remainingSec: number; warning: boolean }
  | { kind: 'expired' };

export function linkExpiry(expiresAtMs: number | null, nowMs: number): LinkExpiry {
  if (expiresAtMs === null) return { kind: 'unknown' };
  const remainingSec = Math.ceil((expiresAtMs - nowMs) / 1000);
  if (remainingSec <= 0) return { kind: 'expired' };
  return { kind: 'active', remainingSec, warning: remainingSec <= EXPIRY_WARNING_SEC };
}

export function describeLinkExpiry(expiry: LinkExpiry): string {
  switch (expiry.kind) {
    case 'unknown':
      return 'Links have no stated expiry';
    case 'active':
      return `Links expire in ${formatClock(expiry.remainingSec)}`;
    case 'expired':
      return 'Links expired';
  }
}

/** Delay until the links should be renewed, or null when they do not expire. */
export function renewDelayMs(expiresAtMs: number | null, nowMs: number): number | null {
  if (expiresAtMs === null) return null;
  const remainingMs = expiresAtMs - nowMs;
  return Math.max(MIN_RENEW_DELAY_MS, remainingMs * RENEW_AT_FRACTION);
}
