import type { ApiError, ApiErrorBody } from '../shared/api-error-schema';

/**
 * A proxy answer as plain data (not a Response) so one upstream result can be shared by
 * coalesced requests and kept in a cache.
 */
export interface ProxyAnswer {
  status: number;
  bodyJson: string;
  upstreamStatus: number | null;
  retryAfterSec?: number;
  errorCode?: ApiError['code'];
  /** Server-log only: what upstream said when it misbehaved. Never sent to the client. */
  logDetail?: string;
}

export const API_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'private, no-store',
};

export function okAnswer(bodyJson: string, upstreamStatus: number | null): ProxyAnswer {
  return { status: 200, bodyJson, upstreamStatus };
}

export function errorAnswer(
  status: number,
  error: ApiError,
  extra: { upstreamStatus?: number | null; logDetail?: string } = {},
): ProxyAnswer {
  const body: ApiErrorBody = { error };
  const answer: ProxyAnswer = {
    status,
    bodyJson: JSON.stringify(body),
    upstreamStatus: extra.upstreamStatus ?? null,
    errorCode: error.code,
  };
  if (error.retryAfterSec !== undefined) answer.retryAfterSec = error.retryAfterSec;
  if (extra.logDetail !== undefined) answer.logDetail = extra.logDetail;
  return answer;
}

export function answerToResponse(answer: ProxyAnswer): Response {
  const headers = new Headers(API_RESPONSE_HEADERS);
  if (answer.retryAfterSec !== undefined) headers.set('retry-after', String(answer.retryAfterSec));
  return new Response(answer.bodyJson, { status: answer.status, headers });
}
