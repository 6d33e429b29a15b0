import { describe, expect, it } from 'vitest';
import type { Replay } from '../../shared/replay-schema';
import { ViewerError } from '../api/viewer-error';
import { deriveViewerState } from './viewer-state';

const replay: Replay = {
  playlist_content: '#EXTM3U',
  mp4_url: null,
  expires_at: null,
  video_start_ms: 0,
  video_duration_ms: 1000,
};
const base = { status: 'pending' as const, data: undefined, error: null, failureReason: null, nextFetchInMs: false as number | false, errorUpdatedAtMs: 0 };

describe('deriveViewerState', () => {
  it('is loading until the first answer', () => {
    expect(deriveViewerState(base)).toEqual({ kind: 'loading', retrying: false });
    expect(deriveViewerState({ ...base, failureReason: new Error('x') })).toEqual({ kind: 'loading', retrying: true });
  });
  it('is ready with data, even when a later renewal failed', () => {
    expect(deriveViewerState({ ...base, status: 'success', data: replay })).toEqual({ kind: 'ready', replay, renewalError: null });
    const renewal = new ViewerError({ code: 'upstream_error', message: 'x', retryable: true });
    expect(deriveViewerState({ ...base, status: 'error', data: replay, error: renewal })).toMatchObject({
      kind: 'ready',
      renewalError: renewal,
    });
  });
  it('says "no video" when both media fields are null', () => {
    const state = deriveViewerState({ ...base, status: 'success', data: { ...replay, playlist_content: null } });
    expect(state).toMatchObject({ kind: 'failed', canRetry: false });
    expect(state.kind === 'failed' && state.error.code).toBe('no_video');
  });
  it('waits while processing is polled, fails when polling stopped', () => {
    const processing = new ViewerError({ code: 'processing', message: 'x', retryable: true });
    expect(
      deriveViewerState({ ...base, status: 'error', error: processing, nextFetchInMs: 4_500, errorUpdatedAtMs: 1_000_000 }),
    ).toMatchObject({ kind: 'waiting', nextFetchAtMs: 1_004_500 });
    expect(deriveViewerState({ ...base, status: 'error', error: processing, nextFetchInMs: false })).toMatchObject({
      kind: 'failed',
      canRetry: true,
    });
  });
  it('offers a retry only where it can help', () => {
    const notFound = new ViewerError({ code: 'not_found', message: 'x', retryable: false });
    expect(deriveViewerState({ ...base, status: 'error', error: notFound })).toMatchObject({ kind: 'failed', canRetry: false });
    expect(deriveViewerState({ ...base, status: 'error', error: new TypeError('boom') })).toMatchObject({
      kind: 'failed',
      canRetry: true,
    });
  });
});
