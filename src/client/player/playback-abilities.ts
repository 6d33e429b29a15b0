import type { PlaybackAbilities } from './playback-source';

/**
 * What hls.js's own `isSupported()` checks (MSE, or Safari's ManagedMediaSource, taking H.264),
 * answered without waiting for the hls.js download.
 */
export function playbackAbilities(): PlaybackAbilities {
  const scope = window as typeof window & { ManagedMediaSource?: typeof MediaSource };
  const mediaSource = scope.ManagedMediaSource ?? scope.MediaSource;
  const mseHls = typeof mediaSource?.isTypeSupported === 'function' && mediaSource.isTypeSupported('video/mp4; codecs="avc1.42E01E"');
  const nativeHls = document.createElement('video').canPlayType('application/vnd.apple.mpegurl') !== '';
  return { mseHls, nativeHls };
}
