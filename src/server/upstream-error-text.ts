const MAX_LOGGED_CHARS = 300;

/**
 * A short description of an upstream error body for the server log. Notte's bodies vary, so read
 * `message`, then `detail` (string or FastAPI's array of `{msg}`), then `error`.
 */
export function describeUpstreamErrorBody(body: unknown, rawText: string): string {
  const fromFields = isRecord(body) ? firstText(body.message) ?? detailText(body.detail) ?? firstText(body.error) : null;
  const text = fromFields ?? rawText.trim();
  return text.length > MAX_LOGGED_CHARS ? `${text.slice(0, MAX_LOGGED_CHARS)}…` : text;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstText(value: unknown): string | null {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;
}

function detailText(detail: unknown): string | null {
  if (typeof detail === 'string') return firstText(detail);
  if (!Array.isArray(detail)) return null;
  const messages = detail
    .map((item) => (isRecord(item) ? firstText(item.msg) : firstText(item)))
    .filter((message): message is string => message !== null);
  return messages.length > 0 ? messages.join('; ') : null;
}
