import type { Replay } from './replay-schema';

/** The scrubber's scale: seconds of session time covered by the video. */
export interface SessionBoundsSec {
  startSec: number;
  endSec: number;
}

/**
 * Bounds from `video_start_ms` and `video_duration_ms`; when the duration is unknown the
 * media's own duration is used, and with neither the bounds are unknown (null).
 */
export function sessionBoundsSec(
  replay: Pick<Replay, 'video_start_ms' | 'video_duration_ms'>,
  mediaDurationSec: number | null,
): SessionBoundsSec | null {
  const startSec = (replay.video_start_ms ?? 0) / 1000;
  const durationSec =
    replay.video_duration_ms !== null && replay.video_duration_ms > 0
      ? replay.video_duration_ms / 1000
      : mediaDurationSec !== null && Number.isFinite(mediaDurationSec) && mediaDurationSec > 0
        ? mediaDurationSec
        : null;
  if (durationSec === null) return null;
  return { startSec, endSec: startSec + durationSec };
}

export function videoToSessionSec(videoSec: number, videoStartMs: number | null): number {
  return (videoStartMs ?? 0) / 1000 + videoSec;
}

/** Where playback starts, in video seconds, for a start in session seconds (null: the beginning). */
/** A start this close to the video's end, or past it, starts here instead: there is a last moment to show. */
export const LAST_START_BEFORE_END_SEC = 0.5;

/**
 * Where a `?t=` start (session seconds) is on the video. Past the end (a link copied on the last frame,
 * or a `?t=` beyond the recording) it is just before the end: a player asked to start at its very end
 * has ended, and playing an ended video starts it over from 0.
 */
export function sessionStartToVideoSec(startSessionSec: number | null, videoStartMs: number | null, videoDurationMs: number | null = null): number {
  if (startSessionSec === null) return 0;
  const videoSec = Math.max(0, startSessionSec - (videoStartMs ?? 0) / 1000);
  if (videoDurationMs === null || videoDurationMs <= 0) return videoSec;
  return Math.min(videoSec, Math.max(0, videoDurationMs / 1000 - LAST_START_BEFORE_END_SEC));
}

export function sessionToVideoSec(sessionSec: number, bounds: SessionBoundsSec): number {
  const clamped = Math.min(Math.max(sessionSec, bounds.startSec), bounds.endSec);
  return clamped - bounds.startSec;
}

/** Where a pointer at `fraction` of the track lands, in video seconds. */
export function fractionToVideoSec(fraction: number, bounds: SessionBoundsSec): number {
  const f = Math.min(Math.max(fraction, 0), 1);
  return f * (bounds.endSec - bounds.startSec);
}

export function videoSecToFraction(videoSec: number, bounds: SessionBoundsSec): number {
  const span = bounds.endSec - bounds.startSec;
  if (span <= 0) return 0;
  return Math.min(Math.max(videoSec / span, 0), 1);
}

/** Pure pixel math for the track: pointer x (relative to the track's left edge) → fraction. */
export function pointerToFraction(pointerX: number, trackWidthPx: number): number {
  if (trackWidthPx <= 0) return 0;
  return Math.min(Math.max(pointerX / trackWidthPx, 0), 1);
}

/**
 * The playhead's fraction, rounded to the track's device pixels: while a long replay plays, most frames
 * move the playhead by less than a pixel, and a fraction that rounds the same draws nothing new.
 * With no width known yet, the fraction as it is.
 */
export function playheadFraction(fraction: number, trackWidthPx: number, devicePixelRatio: number): number {
  const devicePixels = Math.round(trackWidthPx * devicePixelRatio);
  if (!(devicePixels > 0)) return fraction;
  return Math.round(fraction * devicePixels) / devicePixels;
}
