/**
 * `?t=` in session seconds: `83`, `83.5`, `1m23s`, `1h2m3s`, `90s`. Junk gives null and is ignored.
 */
export function parseStartParamSec(raw: string | null): number | null {
  if (raw === null) return null;
  const text = raw.trim().toLowerCase();
  if (text.length === 0 || text.length > 32) return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
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
