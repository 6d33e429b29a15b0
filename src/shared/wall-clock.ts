import { formatClock } from './clock-format';

export type TimeMode = 'session' | 'wall';

export interface MomentLabel {
  text: string;
  /** The same moment in UTC, for a hover title. */
  title: string;
}

/**
 * A moment of the session as the user chose to read it: session time (`1:05`) or the wall clock
 * in a time zone (`14:03:27`), from `created_at`. `timeZone` undefined means the browser's zone.
 */
export function formatMoment(sessionSec: number, mode: TimeMode, createdAtMs: number | null, timeZone?: string): MomentLabel {
  if (mode === 'session' || createdAtMs === null) {
    const text = formatClock(sessionSec);
    return { text, title: createdAtMs === null ? text : formatUtc(createdAtMs + sessionSec * 1000) };
  }
  const atMs = createdAtMs + sessionSec * 1000;
  return { text: wallClockFormat(timeZone).format(atMs), title: formatUtc(atMs) };
}

// The readout asks on every frame while playing; a formatter is costly to build.
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = wallClockFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone });
    wallClockFormats.set(key, format);
  }
  return format;
}

/** `2026-03-01 10:00:05 UTC`: built without Intl, whose first use on a page costs tens of ms. */
export function formatUtc(atMs: number): string {
  return `${new Date(Math.round(atMs)).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '')} UTC`;
}

/** ISO-8601 durations as Notte sends them (`PT41.2S`, `PT1H2M`), in seconds; null when unreadable. */
export function parseIsoDurationSec(text: string | null): number | null {
  if (text === null) return null;
  const match = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text.trim());
  if (!match || text.trim() === 'P' || text.trim() === 'PT') return null;
  const [, d, h, m, s] = match;
  return Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
}
