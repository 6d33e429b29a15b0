import { describe, expect, it } from 'vitest';
import { choosePlaybackSource, fallbackAfterHlsFailure } from './playback-source';

const both = { playlist_content: '#EXTM3U', mp4_url: 'https://s/x.mp4' };

describe('choosePlaybackSource', () => {
  it('prefers hls.js where MSE works', () => {
    expect(choosePlaybackSource(both, { mseHls: true, nativeHls: true })).toEqual({ kind: 'hls' });
  });
  it('uses the mp4 before native HLS from memory where MSE is missing', () => {
    expect(choosePlaybackSource(both, { mseHls: false, nativeHls: true })).toEqual({ kind: 'mp4', reason: 'hls-unsupported' });
    expect(choosePlaybackSource({ ...both, mp4_url: null }, { mseHls: false, nativeHls: true })).toEqual({ kind: 'native-hls' });
  });
  it('plays the mp4 when there is no playlist', () => {
    expect(choosePlaybackSource({ ...both, playlist_content: null }, { mseHls: true, nativeHls: false })).toEqual({
      kind: 'mp4',
      reason: 'only-mp4',
    });
  });
  it('says when nothing can play', () => {
    expect(choosePlaybackSource({ playlist_content: null, mp4_url: null }, { mseHls: true, nativeHls: true })).toEqual({
      kind: 'unplayable',
      reason: 'no-video',
    });
    expect(choosePlaybackSource({ ...both, mp4_url: null }, { mseHls: false, nativeHls: false })).toEqual({
      kind: 'unplayable',
      reason: 'no-video',
    });
  });
  it('falls back to the mp4 after an HLS failure, when there is one', () => {
    expect(fallbackAfterHlsFailure(both)).toEqual({ kind: 'mp4', reason: 'hls-failed' });
    expect(fallbackAfterHlsFailure({ mp4_url: null })).toEqual({ kind: 'unplayable', reason: 'hls-failed-no-mp4' });
  });
});
