import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Replay } from '../../shared/replay-schema';
import type { HlsController } from './hls-controller';
import { takeHeadStart } from './playback-head-start';
import { runSource, seekTo, type SourceEvents } from './playback-runner';
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
    const events: SourceEvents = {
      hlsFailed: () => {
        resumeAtVideoSec.current = video.currentTime;
        controllerRef.current = null;
        setSource(fallbackAfterHlsFailure(latestReplay.current));
      },
      linksRejected: () => requestRenewalRef.current(),
      fileFailed: () => {
        if (source.kind === 'mp4' && mp4Renewal.current === 'none') {
          // One renewal, then a resume at the same spot on the fresh link; never a blind retry loop.
          mp4Renewal.current = 'waiting';
          resumeAtVideoSec.current = video.currentTime;
          requestRenewalRef.current();
          return;
        }
        if (mp4Renewal.current === 'waiting') return;
        setSource({ kind: 'unplayable', reason: 'mp4-failed' });
      },
      playing: () => {
        mp4Renewal.current = 'none';
      },
    };
    const wanted = { replay: latestReplay.current, source, startVideoSec: resumeAtVideoSec.current };
    video.autoplay = true;
    const headStart = takeHeadStart(video, wanted, events);
    const running = headStart ?? runSource(video, source, wanted.replay, wanted.startVideoSec, events);
    if (!running) return;
    controllerRef.current = running.controller;
    // A head start without a shell loaded with autoplay off: it plays from the moment it is on screen.
    if (headStart) void video.play().catch(() => undefined);
    return () => {
      resumeAtVideoSec.current = video.currentTime || resumeAtVideoSec.current;
      running.stop();
      if (controllerRef.current === running.controller) controllerRef.current = null;
    };
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
