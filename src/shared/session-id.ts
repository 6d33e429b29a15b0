/** Session IDs are opaque: letters, digits, `_` and `-`, 1 to 128 characters. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
export const MAX_SESSION_INPUT_CHARS = 2048;

export function isValidSessionId(candidate: string): boolean {
  return SESSION_ID_PATTERN.test(candidate);
}

export type SessionInput =
  | { ok: true; sessionId: string; startParam: string | null }
  | { ok: false; reason: 'empty' | 'too_long' | 'invalid_characters' | 'unrecognised_link' };

const CONSOLE_HOST = 'console.notte.cc';
const SESSION_PATH = /^\/sessions\/([^/]+)\/?$/;

/**
 * Accepts a bare ID, a Notte console link, or one of our own `/sessions/{id}` links
 * (`ownOrigin`, e.g. `location.origin`). Anything else is judged as a raw ID: we never
 * take "the last path segment" of an arbitrary URL.
 */
export function parseSessionInput(raw: string, ownOrigin?: string): SessionInput {
  // Chat tools paste zero-width spaces and byte-order marks along; a console link may come without its scheme.
  const trimmed = raw.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').trim();
  const text = trimmed.toLowerCase().startsWith(`${CONSOLE_HOST}/`) ? `https://${trimmed}` : trimmed;
  if (text.length === 0) return { ok: false, reason: 'empty' };
  if (text.length > MAX_SESSION_INPUT_CHARS) return { ok: false, reason: 'too_long' };

  const link = parseLink(text, ownOrigin);
  if (link === 'not_a_link') {
    if (text.length > 128) return { ok: false, reason: 'too_long' };
    return isValidSessionId(text)
      ? { ok: true, sessionId: text, startParam: null }
      : { ok: false, reason: 'invalid_characters' };
  }
  return link;
}

function parseLink(text: string, ownOrigin: string | undefined): SessionInput | 'not_a_link' {
  if (!/^https?:\/\//i.test(text) && !text.startsWith('/sessions/')) return 'not_a_link';
  let url: URL;
  try {
    url = new URL(text, ownOrigin ?? 'http://own.invalid');
  } catch {
    return { ok: false, reason: 'unrecognised_link' };
  }
  const isConsole = url.protocol === 'https:' && url.hostname === CONSOLE_HOST;
  const isOwn = text.startsWith('/sessions/') || (ownOrigin !== undefined && url.origin === ownOrigin);
  const match = SESSION_PATH.exec(url.pathname);
  if (!(isConsole || isOwn) || !match) return { ok: false, reason: 'unrecognised_link' };
  const sessionId = match[1] ?? '';
  if (!isValidSessionId(sessionId)) return { ok: false, reason: 'invalid_characters' };
  return { ok: true, sessionId, startParam: isOwn ? url.searchParams.get('t') : null };
}

export function describeSessionInputProblem(reason: Extract<SessionInput, { ok: false }>['reason']): string {
  switch (reason) {
    case 'empty':
      return 'Enter a session ID or paste a Notte console link.';
    case 'too_long':
      return 'That is too long to be a session ID (at most 128 characters).';
    case 'invalid_characters':
      return 'A session ID uses only letters, digits, "-" and "_".';
    case 'unrecognised_link':
      return 'That link is not a Notte session link. Paste the ID or a console.notte.cc/sessions/… link.';
  }
}
