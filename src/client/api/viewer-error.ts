import type { ApiError, ApiErrorCode } from '../../shared/api-error-schema';

/** Everything that can go wrong on the way to a replay, as the views see it. */
export type ViewerErrorCode = ApiErrorCode | 'network' | 'bad_proxy_response' | 'no_video';

export class ViewerError extends Error {
  readonly code: ViewerErrorCode;
  readonly retryable: boolean;
  readonly retryAfterSec: number | null;
  readonly httpStatus: number | null;
  /** Notte's `replay_status` behind a processing or failed replay (e.g. `waiting_for_session`, `unavailable`). */
  readonly replayStatus: string | null;

  constructor(init: {
    code: ViewerErrorCode;
    message: string;
    retryable: boolean;
    retryAfterSec?: number | null;
    httpStatus?: number | null;
    replayStatus?: string | null;
  }) {
    super(init.message);
    this.name = 'ViewerError';
    this.code = init.code;
    this.retryable = init.retryable;
    this.retryAfterSec = init.retryAfterSec ?? null;
    this.httpStatus = init.httpStatus ?? null;
    this.replayStatus = init.replayStatus ?? null;
  }

  static fromApi(error: ApiError, httpStatus: number): ViewerError {
    return new ViewerError({
      code: error.code,
      message: error.message,
      retryable: error.retryable,
      retryAfterSec: error.retryAfterSec ?? null,
      httpStatus,
      replayStatus: error.replayStatus ?? null,
    });
  }
}
