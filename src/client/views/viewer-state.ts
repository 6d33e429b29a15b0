import type { Replay } from '../../shared/replay-schema';
import { ViewerError } from '../api/viewer-error';

export type ViewerState =
  | { kind: 'loading'; retrying: boolean }
  | { kind: 'waiting'; error: ViewerError; nextFetchAtMs: number }
  | { kind: 'failed'; error: ViewerError; canRetry: boolean }
  | { kind: 'ready'; replay: Replay; renewalError: ViewerError | null };

interface ReplayQueryView {
  status: 'pending' | 'error' | 'success';
  data: Replay | undefined;
  error: unknown;
  failureReason: unknown;
  /** In how long a further fetch is scheduled by itself (polling, waiting out a 429), or false. */
  nextFetchInMs: number | false;
  /** When the latest failure was seen: the scheduled fetch counts from there. */
  errorUpdatedAtMs: number;
}

function asViewerError(error: unknown): ViewerError {
  return error instanceof ViewerError
    ? error
    : new ViewerError({ code: 'bad_proxy_response', message: String(error), retryable: true });
}

export function deriveViewerState(query: ReplayQueryView): ViewerState {
  if (query.data !== undefined) {
    if (query.data.playlist_content === null && query.data.mp4_url === null) {
      return {
        kind: 'failed',
        error: new ViewerError({ code: 'no_video', message: 'both media fields are null', retryable: false }),
        canRetry: false,
      };
    }
    return {
      kind: 'ready',
      replay: query.data,
      renewalError: query.status === 'error' ? asViewerError(query.error) : null,
    };
  }
  if (query.status === 'pending') return { kind: 'loading', retrying: query.failureReason != null };
  const error = asViewerError(query.error);
  if (query.nextFetchInMs !== false && (error.code === 'processing' || error.code === 'rate_limited')) {
    return { kind: 'waiting', error, nextFetchAtMs: query.errorUpdatedAtMs + query.nextFetchInMs };
  }
  return { kind: 'failed', error, canRetry: error.retryable };
}
