import { parseUtcTimestampMs } from './clock-format';

/**
 * `?t=` in session seconds: `83`, `83.5`, `1m23s`, `1h2m3s`, `90s`, or as the viewer writes times,
 * `1:23` and `1:02:03`. Junk gives null and is ignored.
 */
export function parseStartParamSec(raw: string | null): number | null {
  if (raw === null) return null;
  const text = raw.trim().toLowerCase();
  if (text.length === 0 || text.length > 32) return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const clock = /^(?:(\d+):)?(\d+):([0-5]\d(?:\.\d+)?)$/.exec(text);
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(text);
  if (!match || text === '') return null;
  const [, h, m, s] = match;
  if (h === undefined && m === undefined && s === undefined) return null;
  return Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
}

/** The share link's `t` value: whole seconds, or one decimal when it matters. */
export function formatStartParam(sessionSec: number): string {
  const rounded = Math.round(Math.max(0, sessionSec) * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

export type StartPosition =
  | { kind: 'none' }
  | { kind: 'session-sec'; sessionSec: number }
  /** An ISO timestamp: placed once `created_at` is known. */
  | { kind: 'timestamp'; atMs: number };

/** `?t=` as session seconds, `1m23s`, or an ISO timestamp of the moment; junk reads as none. */
export function parseStartPosition(raw: string | null): StartPosition {
  const sessionSec = parseStartParamSec(raw);
  if (sessionSec !== null) return { kind: 'session-sec', sessionSec };
  if (raw !== null && /^\d{4}-\d{2}-\d{2}T/.test(raw.trim())) {
    // An unencoded `+02:00` offset reaches us as ` 02:00` (a query string's + is a space).
    const atMs = parseUtcTimestampMs(raw.trim().replace(/ (\d{2}:?\d{2})$/, '+$1'));
    if (atMs !== null) return { kind: 'timestamp', atMs };
  }
  return { kind: 'none' };
}

/** Session seconds of a start position, or null while it cannot be placed yet. */
export function startSessionSec(position: StartPosition, createdAtMs: number | null): number | null {
  switch (position.kind) {
    case 'none':
      return null;
    case 'session-sec':
      return position.sessionSec;
    case 'timestamp':
      return createdAtMs === null ? null : Math.max(0, (position.atMs - createdAtMs) / 1000);
  }
}
