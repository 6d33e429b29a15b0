/** Upper bound for any wait we derive from `Retry-After`, so a bogus date cannot lock us out for long. */
export const MAX_RETRY_AFTER_SEC = 3600;
/** Used when a 429 carries no usable `Retry-After`. */
export const DEFAULT_RETRY_AFTER_SEC = 10;

/**
 * `Retry-After` is delta-seconds or an HTTP date. Returns whole seconds in
 * [1, MAX_RETRY_AFTER_SEC], or null when the header is absent or unreadable.
 */
export function parseRetryAfterSec(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (text.length === 0) return null;
  let seconds: number;
  if (/^\d+(\.\d+)?$/.test(text)) {
    seconds = Number(text);
  } else {
    const dateMs = Date.parse(text);
    if (Number.isNaN(dateMs)) return null;
    seconds = (dateMs - nowMs) / 1000;
  }
  return clampRetryAfterSec(seconds);
}

export function clampRetryAfterSec(seconds: number): number {
  if (!Number.isFinite(seconds)) return MAX_RETRY_AFTER_SEC;
  return Math.min(MAX_RETRY_AFTER_SEC, Math.max(1, Math.ceil(seconds)));
}
