import type { Replay } from '../../shared/replay-schema';

export type PlaybackSource =
  | { kind: 'hls' }
  | { kind: 'native-hls' }
  | { kind: 'mp4'; reason: 'only-mp4' | 'hls-failed' | 'hls-unsupported' }
  | { kind: 'unplayable'; reason: 'no-video' | 'hls-failed-no-mp4' | 'mp4-failed' };

export interface PlaybackAbilities {
  mseHls: boolean;
  nativeHls: boolean;
}

/** hls.js through MSE first; native HLS only where MSE is missing (Safari/iOS); else the mp4. */
export function choosePlaybackSource(
  replay: Pick<Replay, 'playlist_content' | 'mp4_url'>,
  abilities: PlaybackAbilities,
): PlaybackSource {
  if (replay.playlist_content !== null) {
    if (abilities.mseHls) return { kind: 'hls' };
    if (replay.mp4_url !== null) return { kind: 'mp4', reason: 'hls-unsupported' };
    if (abilities.nativeHls) return { kind: 'native-hls' };
  }
  if (replay.mp4_url !== null) return { kind: 'mp4', reason: 'only-mp4' };
  return { kind: 'unplayable', reason: 'no-video' };
}

export function fallbackAfterHlsFailure(replay: Pick<Replay, 'mp4_url'>): PlaybackSource {
  return replay.mp4_url !== null
    ? { kind: 'mp4', reason: 'hls-failed' }
    : { kind: 'unplayable', reason: 'hls-failed-no-mp4' };
}

export function describeSource(source: PlaybackSource): string {
  switch (source.kind) {
    case 'hls':
      return 'HLS stream';
    case 'native-hls':
      return 'HLS (native)';
    case 'mp4':
      return source.reason === 'hls-failed' ? 'MP4 (stream failed, fell back)' : 'MP4';
    case 'unplayable':
      return 'Unavailable';
  }
}
