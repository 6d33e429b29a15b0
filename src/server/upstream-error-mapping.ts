import type { ApiError } from '../shared/api-error-schema';
import { DEFAULT_RETRY_AFTER_SEC } from './retry-after';
import { replayMissingSchema, type ReplayStatus } from '../shared/replay-schema';

export type SessionResource = 'replay' | 'details';

export interface MappedError {
  status: number;
  error: ApiError;
}

export const UPSTREAM_AUTH_MESSAGE =
  "The viewer's server is not authorised with Notte: check NOTTE_API_KEY.";
export const BAD_UPSTREAM_MESSAGE = 'The viewer got an unexpected response from Notte.';

/** Maps a non-200 upstream answer to our error. `body` is the parsed JSON body, or null. */
export function mapUpstreamFailure(
  upstreamStatus: number,
  body: unknown,
  retryAfterSec: number | null,
  resource: SessionResource,
): MappedError {
  if (upstreamStatus === 404 || upstreamStatus === 410) return mapMissing(upstreamStatus, body, resource);
  if (upstreamStatus === 401 || upstreamStatus === 403) {
    return { status: 502, error: { code: 'upstream_auth', message: UPSTREAM_AUTH_MESSAGE, retryable: false } };
  }
  if (upstreamStatus === 429) {
    const waitSec = retryAfterSec ?? DEFAULT_RETRY_AFTER_SEC;
    return {
      status: 429,
      error: {
        code: 'rate_limited',
        message: `Notte is limiting how often the viewer may ask: trying again is possible in ${waitSec} s.`,
        retryable: true,
        retryAfterSec: waitSec,
      },
    };
  }
  if (upstreamStatus === 422) {
    return {
      status: 400,
      error: { code: 'invalid_id', message: 'Notte did not accept this session ID.', retryable: false },
    };
  }
  if (upstreamStatus === 408) return timeoutError();
  if (upstreamStatus >= 500) {
    const error: ApiError = {
      code: 'upstream_error',
      message: `Notte answered with an error (HTTP ${upstreamStatus}). Try again in a moment.`,
      retryable: true,
    };
    if (retryAfterSec !== null) error.retryAfterSec = Math.min(retryAfterSec, 60);
    return { status: 502, error };
  }
  return {
    status: 502,
    error: { code: 'bad_upstream_response', message: BAD_UPSTREAM_MESSAGE, retryable: false },
  };
}

export function timeoutError(): MappedError {
  return {
    status: 504,
    error: { code: 'upstream_timeout', message: 'Notte did not answer in time (timed out).', retryable: true },
  };
}

export function unreachableError(): MappedError {
  return {
    status: 502,
    error: { code: 'upstream_unreachable', message: "The viewer's server could not reach Notte.", retryable: true },
  };
}

export function badUpstreamError(): MappedError {
  return {
    status: 502,
    error: { code: 'bad_upstream_response', message: BAD_UPSTREAM_MESSAGE, retryable: false },
  };
}

function mapMissing(upstreamStatus: number, body: unknown, resource: SessionResource): MappedError {
  const parsed = replayMissingSchema.safeParse(body);
  const missing = parsed.success ? parsed.data : null;
  const replayStatus = missing?.replay_status;
  if (resource === 'replay' && missing?.retryable === true) {
    const status = replayStatus ?? 'processing';
    return {
      status: 404,
      error: { code: 'processing', message: notReadyMessage(status), retryable: true, replayStatus: status },
    };
  }
  if (resource === 'replay' && replayStatus !== undefined) {
    return {
      status: upstreamStatus,
      error: { code: 'replay_failed', message: finalMessage(replayStatus), retryable: false, replayStatus },
    };
  }
  if (upstreamStatus === 410) {
    return {
      status: 410,
      error: {
        code: 'not_found',
        message: 'Session not found: it is no longer available (Notte keeps recordings for 24 hours).',
        retryable: false,
      },
    };
  }
  return {
    status: 404,
    error: {
      code: 'not_found',
      message:
        resource === 'replay'
          ? 'Session not found: check the ID (Notte keeps recordings for 24 hours).'
          : 'Session not found: check the ID.',
      retryable: false,
    },
  };
}

function notReadyMessage(status: ReplayStatus): string {
  switch (status) {
    case 'waiting_for_session':
      return 'The session is still running: its replay will be ready once it closes.';
    case 'processing':
      return 'The replay is still processing and is not ready yet.';
    default:
      return 'The replay is not ready yet.';
  }
}

function finalMessage(status: ReplayStatus): string {
  switch (status) {
    case 'failed':
      return 'The replay of this session failed to render.';
    case 'unavailable':
      return 'This session has no replay: no video was recorded.';
    default:
      return 'The replay of this session is not available.';
  }
}
