import { HlsController } from './hls-controller';
import type { PlaybackMedia } from './playback-media';
import type { PlaybackSource } from './playback-source';
import { readPreferredRate } from './playback-rate-preference';

/** What a running source reports to whoever owns the player at the time. */
export interface SourceEvents {
  /** hls.js cannot go on: fall back at `atVideoSec`, where the video was. */
  hlsFailed: (atVideoSec: number) => void;
  /** Storage refused the stream's segment links: renew the replay. */
  linksRejected: () => void;
  /** The mp4 (or native HLS) failed while online. */
  fileFailed: () => void;
  /** Frames are moving again (a renewed link worked). */
  playing: () => void;
}

export interface RunningSource {
  /** Set while hls.js plays: renewed links are mapped into it. */
  controller: HlsController | null;
  stop: () => void;
}

/** The player's `<video>`; made outside React so that a head start can begin before the first render. */
export function createPlayerVideo(): HTMLVideoElement {
  return preparePlayerVideo(document.createElement('video'));
}

/** Makes `video` (a new one, or the one the server's HTML started) the player's. */
export function preparePlayerVideo(video: HTMLVideoElement): HTMLVideoElement {
  video.className = 'player-video';
  // Recordings have no sound; muted is what lets browsers start playback on load.
  video.muted = true;
  video.defaultMuted = true;
  video.playsInline = true;
  video.preload = 'auto';
  const rate = readPreferredRate();
  video.defaultPlaybackRate = rate;
  video.playbackRate = rate;
  return video;
}

/** Starts `source` on `video` at `startVideoSec`; playback begins once the video has `autoplay` set. */
export function runSource(
  video: HTMLVideoElement,
  source: PlaybackSource,
  media: PlaybackMedia,
  startVideoSec: number,
  events: SourceEvents,
): RunningSource | null {
  if (source.kind === 'hls') {
    if (media.playlist_content === null) return null;
    const controller = new HlsController(video, media.playlist_content, {
      onFailure: (_failure, atVideoSec) => events.hlsFailed(atVideoSec),
      onLinksRejected: () => events.linksRejected(),
    });
    void controller.start(startVideoSec);
    return { controller, stop: () => controller.destroy() };
  }
  if (source.kind === 'mp4' || source.kind === 'native-hls') {
    const url = sourceUrl(source, media);
    if (url === null) return null;
    const onPlaying = () => events.playing();
    video.addEventListener('playing', onPlaying);
    const stop = playFromUrl(video, url, startVideoSec, () => events.fileFailed());
    return {
      controller: null,
      stop: () => {
        video.removeEventListener('playing', onPlaying);
        stop();
      },
    };
  }
  return null;
}

function sourceUrl(source: PlaybackSource, media: PlaybackMedia): string | null {
  if (source.kind === 'mp4') return media.mp4_url;
  if (source.kind === 'native-hls' && media.playlist_content !== null) {
    return URL.createObjectURL(new Blob([media.playlist_content], { type: 'application/vnd.apple.mpegurl' }));
  }
  return null;
}

function playFromUrl(video: HTMLVideoElement, url: string, startSec: number, onError: () => void): () => void {
  const onLoadedMetadata = () => seekTo(video, startSec);
  let resumeOnline: (() => void) | null = null;
  const onVideoError = () => {
    if (navigator.onLine) {
      onError();
      return;
    }
    // Offline is not a broken file: reload at the same spot when the network is back.
    const positionSec = video.currentTime;
    resumeOnline = () => {
      const src = video.currentSrc || url;
      video.addEventListener('loadedmetadata', () => seekTo(video, positionSec), { once: true });
      video.src = src;
      void video.play().catch(() => undefined);
    };
    window.addEventListener('online', resumeOnline, { once: true });
  };
  video.addEventListener('error', onVideoError);
  if (video.getAttribute('src') === url) {
    // The server's HTML started this very file (src/server/shell-video.ts): keep it going.
    if (video.readyState >= HTMLMediaElement.HAVE_METADATA) onLoadedMetadata();
    else video.addEventListener('loadedmetadata', onLoadedMetadata, { once: true });
    if (video.error) queueMicrotask(onVideoError);
  } else {
    video.addEventListener('loadedmetadata', onLoadedMetadata, { once: true });
    video.src = url;
  }
  // An adopted video that already played to its end stays there: play() would start it over from 0.
  if (video.autoplay && !video.ended) void video.play().catch(() => undefined);
  return () => {
    video.removeEventListener('loadedmetadata', onLoadedMetadata);
    video.removeEventListener('error', onVideoError);
    if (resumeOnline) window.removeEventListener('online', resumeOnline);
    if (url.startsWith('blob:')) URL.revokeObjectURL(url);
    video.removeAttribute('src');
    video.load();
  };
}

export function seekTo(video: HTMLVideoElement, videoSec: number): void {
  if (videoSec <= 0) return;
  const limit = Number.isFinite(video.duration) ? Math.max(0, video.duration - 0.1) : videoSec;
  video.currentTime = Math.min(videoSec, limit);
}
