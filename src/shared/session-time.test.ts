import { describe, expect, it } from 'vitest';
import {
  fractionToVideoSec,
  playheadFraction,
  pointerToFraction,
  sessionBoundsSec,
  sessionToVideoSec,
  sessionStartToVideoSec,
  videoSecToFraction,
  videoToSessionSec,
} from './session-time';

describe('sessionBoundsSec', () => {
  it('offsets the video by video_start_ms and spans video_duration_ms', () => {
    expect(sessionBoundsSec({ video_start_ms: 3000, video_duration_ms: 12_000 }, 11.9)).toEqual({
      startSec: 3,
      endSec: 15,
    });
  });
  it('starts at 0 when video_start_ms is null', () => {
    expect(sessionBoundsSec({ video_start_ms: null, video_duration_ms: 8000 }, null)).toEqual({ startSec: 0, endSec: 8 });
  });
  it('falls back to the media duration when video_duration_ms is null', () => {
    expect(sessionBoundsSec({ video_start_ms: 1500, video_duration_ms: null }, 20)).toEqual({
      startSec: 1.5,
      endSec: 21.5,
    });
  });
  it('is unknown with neither duration', () => {
    expect(sessionBoundsSec({ video_start_ms: 1500, video_duration_ms: null }, null)).toBeNull();
    expect(sessionBoundsSec({ video_start_ms: 0, video_duration_ms: null }, Number.NaN)).toBeNull();
    expect(sessionBoundsSec({ video_start_ms: 0, video_duration_ms: 0 }, Infinity)).toBeNull();
  });
});

describe('video ↔ session time', () => {
  const bounds = { startSec: 3, endSec: 15 };
  it('converts both ways', () => {
    expect(videoToSessionSec(4.25, 3000)).toBe(7.25);
    expect(videoToSessionSec(4.25, null)).toBe(4.25);
    expect(sessionToVideoSec(7.25, bounds)).toBe(4.25);
  });
  it('clamps session times outside the video', () => {
    expect(sessionToVideoSec(1, bounds)).toBe(0);
    expect(sessionToVideoSec(99, bounds)).toBe(12);
  });
  it('maps track fractions to video seconds and back', () => {
    expect(fractionToVideoSec(0.75, bounds)).toBe(9);
    expect(fractionToVideoSec(1.4, bounds)).toBe(12);
    expect(fractionToVideoSec(-1, bounds)).toBe(0);
    expect(videoSecToFraction(9, bounds)).toBe(0.75);
    expect(videoSecToFraction(3, { startSec: 2, endSec: 2 })).toBe(0);
  });
  it('turns pointer pixels into a clamped fraction', () => {
    expect(pointerToFraction(300, 400)).toBe(0.75);
    expect(pointerToFraction(-5, 400)).toBe(0);
    expect(pointerToFraction(500, 400)).toBe(1);
    expect(pointerToFraction(10, 0)).toBe(0);
  });
});

describe('playheadFraction', () => {
  it('rounds the playhead to device pixels of the track', () => {
    // 2 hours on 1,000 px: one pixel is 7.2 s, so 3 s in rounds back to where the playhead is.
    expect(playheadFraction(3 / 7200, 1000, 1)).toBe(0);
    expect(playheadFraction(4 / 7200, 1000, 1)).toBe(0.001);
    expect(playheadFraction(0.5, 1000, 1)).toBe(0.5);
    // A denser screen has more device pixels: finer steps.
    expect(playheadFraction(0.0013, 1000, 2)).toBe(0.0015);
    expect(playheadFraction(0.0013, 1000, 1)).toBe(0.001);
    expect(playheadFraction(1, 1000, 1.5)).toBe(1);
  });
  it('leaves the fraction alone while the track has no width', () => {
    expect(playheadFraction(0.1234, 0, 2)).toBe(0.1234);
    expect(playheadFraction(0.1234, Number.NaN, 1)).toBe(0.1234);
  });
});

describe('sessionStartToVideoSec', () => {
  it('moves a session-time start onto the video, never before its first frame', () => {
    expect(sessionStartToVideoSec(8, 3000)).toBe(5);
    expect(sessionStartToVideoSec(1, 3000)).toBe(0);
    expect(sessionStartToVideoSec(8, null)).toBe(8);
    expect(sessionStartToVideoSec(null, 3000)).toBe(0);
  });
  it('starts a link at or past the end just before the end (an ended video would play from 0)', () => {
    expect(sessionStartToVideoSec(33, 3000, 30_000)).toBe(29.5);
    expect(sessionStartToVideoSec(60, 3000, 30_000)).toBe(29.5);
    expect(sessionStartToVideoSec(20, 3000, 30_000)).toBe(17);
    expect(sessionStartToVideoSec(60, 3000, null)).toBe(57);
  });
});
