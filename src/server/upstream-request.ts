import type { ServerConfig } from './config';

export type UpstreamReply =
  | { kind: 'response'; status: number; headers: Headers; bodyText: string }
  | { kind: 'timeout' }
  | { kind: 'unreachable'; detail: string };

/** The one header set sent upstream: nothing from the client is ever copied in. */
export function upstreamHeaders(apiKey: string | null): Headers {
  const headers = new Headers({
    accept: 'application/json',
    'x-notte-request-origin': 'replay-viewer',
  });
  if (apiKey !== null) headers.set('authorization', `Bearer ${apiKey}`);
  return headers;
}

/** GET `{apiUrl}{path}`; the timeout covers reading the body too. Never throws. */
export async function requestUpstream(
  fetchUpstream: typeof fetch,
  config: Pick<ServerConfig, 'apiUrl' | 'apiKey' | 'upstreamTimeoutMs'>,
  path: string,
): Promise<UpstreamReply> {
  const signal = AbortSignal.timeout(config.upstreamTimeoutMs);
  try {
    const response = await fetchUpstream(`${config.apiUrl}${path}`, {
      method: 'GET',
      headers: upstreamHeaders(config.apiKey),
      // A redirect must not carry the key to another host; treat it as an unexpected answer instead.
      redirect: 'manual',
      signal,
    });
    const bodyText = await response.text();
    return { kind: 'response', status: response.status, headers: response.headers, bodyText };
  } catch (error) {
    if (signal.aborted || isTimeoutError(error)) return { kind: 'timeout' };
    return { kind: 'unreachable', detail: describeFetchError(error) };
  }
}

function isTimeoutError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  const causeCode =
    typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string' ? cause.code : null;
  return causeCode !== null ? `${error.message} (${causeCode})` : error.message;
}
