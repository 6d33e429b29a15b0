/** `m:ss` below one hour, `h:mm:ss` from one hour. Negative values read as 0:00. */
export function formatClock(totalSec: number): string {
  const wholeSec = Number.isFinite(totalSec) ? Math.max(0, Math.floor(totalSec)) : 0;
  const hours = Math.floor(wholeSec / 3600);
  const minutes = Math.floor((wholeSec % 3600) / 60);
  const seconds = wholeSec % 60;
  const ss = String(seconds).padStart(2, '0');
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${ss}`;
  return `${minutes}:${ss}`;
}

/** Timestamps from Notte may lack a zone suffix; they are UTC. Returns null when unparseable. */
export function parseUtcTimestampMs(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return null;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed);
  const isDateOnly = /^\d{4}-\d{2}-\d{2}$/.test(trimmed);
  const normalised = hasZone || isDateOnly ? trimmed : `${trimmed}Z`;
  const ms = Date.parse(normalised);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * `2026-03-01 09:05:07` in the browser's time zone: unambiguous for developers, and built from Date's
 * local fields rather than Intl, whose first use on a page costs tens of ms.
 */
export function formatLocalDateTime(atMs: number): string {
  const at = new Date(atMs);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
}
