import { describe, expect, it } from 'vitest';
import type { Replay } from '../../shared/replay-schema';
import {
  nextReplayFetchDelayMs,
  PROCESSING_GIVE_UP_AFTER_MS,
  PROCESSING_MAX_POLL_MS,
  processingPollDelayMs,
  processingWaitedMs,
  replayQueryStateView,
  shouldRetryReplayFetch,
} from './refresh-policy';
import { ViewerError } from './viewer-error';

const NOW = Date.UTC(2026, 10, 28, 12);
const replay = (expiresAt: string | null): Replay => ({
  playlist_content: '#EXTM3U',
  mp4_url: null,
  expires_at: expiresAt,
  video_start_ms: 0,
  video_duration_ms: 1000,
});
const error = (code: ViewerError['code'], retryable: boolean, retryAfterSec?: number) =>
  new ViewerError({ code, message: code, retryable, retryAfterSec });

describe('nextReplayFetchDelayMs', () => {
  it('renews a loaded replay before its links expire', () => {
    const state = { data: replay(new Date(NOW + 600_000).toISOString()), error: null, errorUpdateCount: 0, latestFailed: false };
    expect(nextReplayFetchDelayMs(state, NOW)).toBe(360_000);
  });
  it('keeps renewing while a renewal fails, from the data it still has', () => {
    const state = {
      data: replay(new Date(NOW + 100_000).toISOString()),
      error: error('upstream_error', true),
      errorUpdateCount: 3,
      latestFailed: true,
    };
    expect(nextReplayFetchDelayMs(state, NOW)).toBe(60_000);
  });
  it('stops renewing after a final answer: the session is gone or the key refused, even once the links expired', () => {
    for (const code of ['not_found', 'upstream_auth', 'replay_failed'] as const) {
      for (const expiresInMs of [100_000, -60_000]) {
        const state = { data: replay(new Date(NOW + expiresInMs).toISOString()), error: error(code, false), errorUpdateCount: 1, latestFailed: true };
        expect(nextReplayFetchDelayMs(state, NOW), `${code}, links expiring in ${expiresInMs} ms`).toBe(false);
      }
    }
    // A later success (latestFailed false) renews again.
    const healed = { data: replay(new Date(NOW + 100_000).toISOString()), error: error('not_found', false), errorUpdateCount: 1, latestFailed: false };
    expect(nextReplayFetchDelayMs(healed, NOW)).toBe(60_000);
  });
  it('does not renew links that never expire', () => {
    expect(nextReplayFetchDelayMs({ data: replay(null), error: null, errorUpdateCount: 0, latestFailed: false }, NOW)).toBe(false);
  });
  it('polls a processing replay with a growing, capped delay, then gives up', () => {
    const at = (count: number) =>
      nextReplayFetchDelayMs({ data: undefined, error: error('processing', true), errorUpdateCount: count, latestFailed: true }, NOW);
    expect(at(1)).toBe(3_000);
    expect(at(2)).toBe(4_500);
    expect(at(8)).toBe(PROCESSING_MAX_POLL_MS);
    let count = 1;
    while (processingWaitedMs(count) < PROCESSING_GIVE_UP_AFTER_MS) count += 1;
    expect(at(count - 1)).not.toBe(false);
    expect(at(count)).toBe(false);
  });
  it('waits out a 429 as told, however long (another server instance would ask Notte early)', () => {
    const at = (retryAfterSec?: number) =>
      nextReplayFetchDelayMs(
        { data: undefined, error: error('rate_limited', true, retryAfterSec), errorUpdateCount: 1, latestFailed: true },
        NOW,
      );
    expect(at(2)).toBe(2_000);
    expect(at(3600)).toBe(3_600_000);
    expect(at(0)).toBe(1_000);
    expect(at(undefined)).toBe(5_000);
  });
  it('waits out a 429 on a renewal too, or renews as planned when that comes later', () => {
    const renewal = (expiresInMs: number, retryAfterSec: number) =>
      nextReplayFetchDelayMs(
        { data: replay(new Date(NOW + expiresInMs).toISOString()), error: error('rate_limited', true, retryAfterSec), errorUpdateCount: 1, latestFailed: true },
        NOW,
      );
    // Links with 100 s left would be renewed in 60 s; Retry-After 120 s comes first.
    expect(renewal(100_000, 120)).toBe(120_000);
    expect(renewal(100_000, 10)).toBe(60_000);
    // Expired links would be renewed every 5 s: not before Retry-After.
    expect(renewal(-1_000, 30)).toBe(30_000);
  });
  it('never polls final answers', () => {
    for (const code of ['not_found', 'replay_failed', 'upstream_auth', 'bad_upstream_response'] as const) {
      expect(
        nextReplayFetchDelayMs({ data: undefined, error: error(code, false), errorUpdateCount: 1, latestFailed: true }, NOW),
      ).toBe(false);
    }
  });
});

describe('replayQueryStateView', () => {
  it('reads a failed renewal as the latest fetch failing, with the old data kept', () => {
    const data = replay(new Date(NOW + 100_000).toISOString());
    const view = replayQueryStateView({ data, error: error('upstream_error', true), errorUpdateCount: 2, status: 'error' });
    expect(view).toEqual({ data, error: error('upstream_error', true), errorUpdateCount: 2, latestFailed: true });
    expect(replayQueryStateView({ data, error: null, errorUpdateCount: 2, status: 'success' }).latestFailed).toBe(false);
  });
});

describe('processingPollDelayMs', () => {
  it('grows by half each time up to the cap', () => {
    expect([1, 2, 3].map(processingPollDelayMs)).toEqual([3000, 4500, 6750]);
    expect(processingPollDelayMs(50)).toBe(PROCESSING_MAX_POLL_MS);
  });
});

describe('shouldRetryReplayFetch', () => {
  it('retries transient failures a couple of times only', () => {
    expect(shouldRetryReplayFetch(0, error('upstream_error', true))).toBe(true);
    expect(shouldRetryReplayFetch(1, error('upstream_unreachable', true))).toBe(true);
    expect(shouldRetryReplayFetch(2, error('upstream_error', true))).toBe(false);
  });
  it('never retries final answers, and leaves polling and 429 waits to the schedule', () => {
    expect(shouldRetryReplayFetch(0, error('not_found', false))).toBe(false);
    expect(shouldRetryReplayFetch(0, error('processing', true))).toBe(false);
    expect(shouldRetryReplayFetch(0, error('rate_limited', true))).toBe(false);
    expect(shouldRetryReplayFetch(0, error('upstream_timeout', true))).toBe(false);
    expect(shouldRetryReplayFetch(0, new Error('boom'))).toBe(false);
  });
});
