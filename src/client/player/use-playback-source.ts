import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Replay } from '../../shared/replay-schema';
import { HlsController } from './hls-controller';
import { playbackAbilities } from './playback-abilities';
import { choosePlaybackSource, fallbackAfterHlsFailure, type PlaybackSource } from './playback-source';

interface PlaybackOptions {
  videoRef: RefObject<HTMLVideoElement | null>;
  replay: Replay;
  /** Where to start, in video seconds. */
  startVideoSec: number;
  /** Storage refused a link: renew the replay (the new links arrive as a new `replay`). */
  requestRenewal: () => void;
}

/**
 * Chooses and runs the video source for one replay: hls.js from memory, else native HLS, else the
 * mp4; falls back to the mp4 at the same position; maps renewed links in without reloading.
 */
export function usePlaybackSource({ videoRef, replay, startVideoSec, requestRenewal }: PlaybackOptions) {
  // Decided during the first render, so the source is attached in the same commit as the video.
  const [source, setSource] = useState<PlaybackSource>(() => choosePlaybackSource(replay, playbackAbilities()));
  const latestReplay = useRef(replay);
  latestReplay.current = replay;
  const resumeAtVideoSec = useRef(startVideoSec);
  const controllerRef = useRef<HlsController | null>(null);
  const mp4Renewal = useRef<'none' | 'waiting' | 'swapped'>('none');
  const requestRenewalRef = useRef(requestRenewal);
  requestRenewalRef.current = requestRenewal;

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    if (source.kind === 'hls') {
      const playlist = latestReplay.current.playlist_content;
      if (playlist === null) return;
      const controller = new HlsController(video, playlist, {
        onFailure: () => {
          resumeAtVideoSec.current = video.currentTime;
          controllerRef.current = null;
          setSource(fallbackAfterHlsFailure(latestReplay.current));
        },
        onLinksRejected: () => requestRenewalRef.current(),
      });
      controllerRef.current = controller;
      void controller.start(resumeAtVideoSec.current);
      return () => {
        resumeAtVideoSec.current = video.currentTime || resumeAtVideoSec.current;
        controller.destroy();
        if (controllerRef.current === controller) controllerRef.current = null;
      };
    }
    if (source.kind === 'mp4' || source.kind === 'native-hls') {
      const url = sourceUrl(source, latestReplay.current);
      if (url === null) return;
      const onPlaying = () => {
        mp4Renewal.current = 'none';
      };
      video.addEventListener('playing', onPlaying);
      const stop = playFromUrl(video, url, resumeAtVideoSec.current, () => {
        if (source.kind === 'mp4' && mp4Renewal.current === 'none') {
          // One renewal, then a resume at the same spot on the fresh link; never a blind retry loop.
          mp4Renewal.current = 'waiting';
          resumeAtVideoSec.current = video.currentTime;
          requestRenewalRef.current();
          return;
        }
        if (mp4Renewal.current === 'waiting') return;
        setSource({ kind: 'unplayable', reason: 'mp4-failed' });
      });
      return () => {
        video.removeEventListener('playing', onPlaying);
        stop();
      };
    }
    return undefined;
  }, [videoRef, source]);

  // Renewed links: HLS maps them in; a stalled mp4 resumes on its fresh URL.
  useEffect(() => {
    const video = videoRef.current;
    if (replay.playlist_content !== null) controllerRef.current?.renewLinks(replay.playlist_content);
    if (video && mp4Renewal.current === 'waiting' && replay.mp4_url !== null && video.currentSrc !== replay.mp4_url) {
      mp4Renewal.current = 'swapped';
      const resumeSec = resumeAtVideoSec.current;
      video.src = replay.mp4_url;
      video.addEventListener('loadedmetadata', () => seekTo(video, resumeSec), { once: true });
      void video.play().catch(() => undefined);
    }
  }, [replay, videoRef]);

  const retry = () => {
    resumeAtVideoSec.current = videoRef.current?.currentTime ?? resumeAtVideoSec.current;
    mp4Renewal.current = 'none';
    setSource(choosePlaybackSource(latestReplay.current, playbackAbilities()));
  };

  return { source, retry };
}

function sourceUrl(source: PlaybackSource, replay: Replay): string | null {
  if (source.kind === 'mp4') return replay.mp4_url;
  if (source.kind === 'native-hls' && replay.playlist_content !== null) {
    return URL.createObjectURL(new Blob([replay.playlist_content], { type: 'application/vnd.apple.mpegurl' }));
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
  video.addEventListener('loadedmetadata', onLoadedMetadata, { once: true });
  video.addEventListener('error', onVideoError);
  video.src = url;
  void video.play().catch(() => undefined);
  return () => {
    video.removeEventListener('loadedmetadata', onLoadedMetadata);
    video.removeEventListener('error', onVideoError);
    if (resumeOnline) window.removeEventListener('online', resumeOnline);
    if (url.startsWith('blob:')) URL.revokeObjectURL(url);
    video.removeAttribute('src');
    video.load();
  };
}

function seekTo(video: HTMLVideoElement, videoSec: number): void {
  if (videoSec <= 0) return;
  const limit = Number.isFinite(video.duration) ? Math.max(0, video.duration - 0.1) : videoSec;
  video.currentTime = Math.min(videoSec, limit);
}
