import { noteServerDate } from './server-clock';

/** The proxy gives up on Notte after ~10 s; past this the proxy itself is unreachable. */
export const CLIENT_TIMEOUT_MS = 15_000;

/** An answer of the proxy, read but not yet validated: `fetchApiJson` parses it with a schema. */
export interface ApiAnswer {
  ok: boolean;
  status: number;
  /** The JSON body, or undefined when it was not JSON. */
  body: unknown;
}

/** GETs a proxy route and reads its JSON; rejects only when no answer arrived (network, abort). */
export async function requestApiAnswer(path: string, signal?: AbortSignal): Promise<ApiAnswer> {
  const response = await fetch(path, { signal, headers: { accept: 'application/json' } });
  // Read now: a preloaded answer may have come up to ~1 s earlier, well within the offset's tolerance.
  noteServerDate(response.headers.get('date'));
  const body: unknown = await response.json().catch(() => undefined);
  return { ok: response.ok, status: response.status, body };
}

export function replayPath(sessionId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}/replay`;
}
