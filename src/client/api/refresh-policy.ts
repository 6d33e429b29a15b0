import { renewDelayMs } from '../../shared/link-expiry';
import { parseUtcTimestampMs } from '../../shared/clock-format';
import type { Replay } from '../../shared/replay-schema';
import { ViewerError } from './viewer-error';

export const PROCESSING_FIRST_POLL_MS = 3_000;
export const PROCESSING_POLL_GROWTH = 1.5;
export const PROCESSING_MAX_POLL_MS = 30_000;
export const PROCESSING_GIVE_UP_AFTER_MS = 5 * 60_000;
/** The proxy caps the Retry-After it passes on at an hour; a 429 without one waits this long. */
export const RATE_LIMIT_DEFAULT_WAIT_MS = 5_000;
export const MAX_AUTOMATIC_RETRIES = 2;

/** Delay before the n-th poll (n from 1) of a replay that is still processing. */
export function processingPollDelayMs(pollNumber: number): number {
  const grown = PROCESSING_FIRST_POLL_MS * PROCESSING_POLL_GROWTH ** Math.max(0, pollNumber - 1);
  return Math.min(grown, PROCESSING_MAX_POLL_MS);
}

/** Sum of the delays of the first `pollCount` polls: how long we have been waiting. */
export function processingWaitedMs(pollCount: number): number {
  let total = 0;
  for (let n = 1; n <= pollCount; n += 1) total += processingPollDelayMs(n);
  return total;
}

interface QueryStateView {
  data: Replay | undefined;
  error: unknown;
  errorUpdateCount: number;
  /** Whether the latest settled fetch failed (data may still hold the previous answer). */
  latestFailed: boolean;
}

/** The view of a replay query's state (a `useQuery` result or `query.state`: same field names). */
export function replayQueryStateView(state: {
  data: Replay | undefined;
  error: unknown;
  errorUpdateCount: number;
  status: 'pending' | 'error' | 'success';
}): QueryStateView {
  return { data: state.data, error: state.error, errorUpdateCount: state.errorUpdateCount, latestFailed: state.status === 'error' };
}

/** When to fetch the replay again, or false: renewal before expiry, polling while processing, waiting out a 429. */
export function nextReplayFetchDelayMs(state: QueryStateView, nowMs: number): number | false {
  if (state.data !== undefined) {
    // A final answer (the session is gone, the key was refused) does not change by asking again.
    if (state.latestFailed && state.error instanceof ViewerError && !state.error.retryable) return false;
    const expiresAtMs = state.data.expires_at === null ? null : parseUtcTimestampMs(state.data.expires_at);
    const renewInMs = renewDelayMs(expiresAtMs, nowMs);
    if (renewInMs === null) return false;
    // A renewal refused with 429 waits out Retry-After too: another server instance would otherwise ask Notte early.
    return state.latestFailed ? Math.max(renewInMs, rateLimitWaitMs(state.error)) : renewInMs;
  }
  if (!state.latestFailed || !(state.error instanceof ViewerError)) return false;
  switch (state.error.code) {
    case 'processing': {
      if (processingWaitedMs(state.errorUpdateCount) >= PROCESSING_GIVE_UP_AFTER_MS) return false;
      return processingPollDelayMs(state.errorUpdateCount);
    }
    case 'rate_limited':
      return rateLimitWaitMs(state.error);
    default:
      return false;
  }
}

/** How long a 429 asks us to wait (0 for any other failure). */
function rateLimitWaitMs(error: unknown): number {
  if (!(error instanceof ViewerError) || error.code !== 'rate_limited') return 0;
  return error.retryAfterSec === null ? RATE_LIMIT_DEFAULT_WAIT_MS : Math.max(error.retryAfterSec * 1000, 1_000);
}

/**
 * Automatic retries only for what can get better by itself soon; polling and 429 waits are scheduled
 * instead, and a timeout is shown at once (the proxy already waited ~10 s; Retry is one click away).
 */
export function shouldRetryReplayFetch(failureCount: number, error: unknown): boolean {
  if (!(error instanceof ViewerError) || !error.retryable) return false;
  if (error.code === 'processing' || error.code === 'rate_limited' || error.code === 'upstream_timeout') return false;
  return failureCount < MAX_AUTOMATIC_RETRIES;
}

export function retryDelayMs(attemptIndex: number): number {
  return Math.min(1_000 * 2 ** attemptIndex, 8_000);
}
