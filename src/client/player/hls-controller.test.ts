// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { playbackPositionSec } from './hls-controller';

describe('playbackPositionSec: where the mp4 fallback (or a restart on renewed links) resumes', () => {
  it('where the video was playing', () => {
    expect(playbackPositionSec({ currentTime: 21.4, seeking: false }, 20)).toBe(21.4);
  });
  it('at the target of a scrub into a broken stretch (the seek never completed)', () => {
    expect(playbackPositionSec({ currentTime: 2400, seeking: true }, 0)).toBe(2400);
    expect(playbackPositionSec({ currentTime: 0, seeking: true }, 20), 'a seek back to the start').toBe(0);
  });
  it('where playback was to start, before hls.js moved the video there', () => {
    expect(playbackPositionSec({ currentTime: 0, seeking: false }, 20)).toBe(20);
    expect(playbackPositionSec({ currentTime: 0, seeking: false }, 0)).toBe(0);
  });
});
