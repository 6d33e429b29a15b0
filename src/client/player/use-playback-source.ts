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
  /** Start there paused (a reload of a paused viewer); any later source plays once the user has. */
  startPaused?: boolean;
  /**
   * Storage refused a link: renew the replay. Settles with the replay as it stands once the renewal
   * has settled (the same links, when the proxy still held them or the renewal failed), or null.
   */
  requestRenewal: () => Promise<Replay | null>;
}

/**
 * Chooses and runs the video source for one replay: hls.js from memory, else native HLS, else the
 * mp4; falls back to the mp4 at the same position; maps renewed links in without reloading.
 */
export function usePlaybackSource({ videoRef, replay, startVideoSec, startPaused = false, requestRenewal }: PlaybackOptions) {
  // Decided during the first render, so the source is attached in the same commit as the video.
  const [source, setSource] = useState<PlaybackSource>(() => choosePlaybackSource(replay, playbackAbilities()));
  const latestReplay = useRef(replay);
  latestReplay.current = replay;
  const resumeAtVideoSec = useRef(startVideoSec);
  const autoplay = useRef(!startPaused);
  const controllerRef = useRef<HlsController | null>(null);
  const mp4Renewal = useRef<'none' | 'waiting' | 'swapped'>('none');
  const requestRenewalRef = useRef(requestRenewal);
  requestRenewalRef.current = requestRenewal;

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    // A renewal that settles after this source stopped (another source, or the player unmounted) does nothing.
    let stopped = false;
    const renewal = () => requestRenewalRef.current().catch(() => null);
    const events: SourceEvents = {
      hlsFailed: (atVideoSec) => {
        resumeAtVideoSec.current = atVideoSec;
        controllerRef.current = null;
        setSource(fallbackAfterHlsFailure(latestReplay.current));
      },
      linksRejected: () => {
        // Renewed links come as a new `replay` (the effect below); the same links must still end the wait.
        void renewal().then((settled) => {
          if (!stopped && settled?.playlist_content) controllerRef.current?.renewLinks(settled.playlist_content);
        });
      },
      fileFailed: () => {
        if (source.kind === 'mp4' && mp4Renewal.current === 'none') {
          // One renewal, then a resume at the same spot on the fresh link; never a blind retry loop.
          mp4Renewal.current = 'waiting';
          resumeAtVideoSec.current = video.currentTime;
          // Links renewed ahead of time are already here (the playing file keeps the link it started with).
          if (resumeOnFreshMp4(video, latestReplay.current)) return;
          void renewal().then((settled) => {
            if (stopped || mp4Renewal.current !== 'waiting') return;
            if (settled && resumeOnFreshMp4(video, settled)) return;
            // Nothing fresher came: say so, with Retry, rather than wait for the next scheduled renewal.
            mp4Renewal.current = 'none';
            setSource({ kind: 'unplayable', reason: 'mp4-failed' });
          });
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
    video.autoplay = autoplay.current;
    const onPlay = () => {
      autoplay.current = true;
    };
    video.addEventListener('play', onPlay);
    const headStart = takeHeadStart(video, wanted, events);
    const running = headStart ?? runSource(video, source, wanted.replay, wanted.startVideoSec, events);
    if (!running) return () => video.removeEventListener('play', onPlay);
    controllerRef.current = running.controller;
    // A head start without a shell loaded with autoplay off: it plays from the moment it is on screen.
    // One that should stay paused (the server's video autoplays) stops on its frame.
    // Not one that has played to its end meanwhile (a link past the end): play() would start it over from 0.
    if (headStart && autoplay.current && !video.ended) void video.play().catch(() => undefined);
    else if (!autoplay.current) video.pause();
    return () => {
      video.removeEventListener('play', onPlay);
      stopped = true;
      if (mp4Renewal.current === 'waiting') mp4Renewal.current = 'none';
      resumeAtVideoSec.current = video.currentTime || resumeAtVideoSec.current;
      running.stop();
      if (controllerRef.current === running.controller) controllerRef.current = null;
    };
  }, [videoRef, source]);

  /** A stalled mp4 resumes at the same spot on `media`'s link, if that is not the one that failed. */
  function resumeOnFreshMp4(video: HTMLVideoElement, media: Replay): boolean {
    if (mp4Renewal.current !== 'waiting' || media.mp4_url === null || sameUrl(video.currentSrc, media.mp4_url)) return false;
    mp4Renewal.current = 'swapped';
    const resumeSec = resumeAtVideoSec.current;
    video.src = media.mp4_url;
    video.addEventListener('loadedmetadata', () => seekTo(video, resumeSec), { once: true });
    void video.play().catch(() => undefined);
    return true;
  }

  // Renewed links: HLS maps them in; a stalled mp4 resumes on its fresh URL.
  useEffect(() => {
    const video = videoRef.current;
    if (replay.playlist_content !== null) controllerRef.current?.renewLinks(replay.playlist_content);
    if (video) resumeOnFreshMp4(video, replay);
  }, [replay, videoRef]);

  const retry = () => {
    resumeAtVideoSec.current = videoRef.current?.currentTime ?? resumeAtVideoSec.current;
    mp4Renewal.current = 'none';
    setSource(choosePlaybackSource(latestReplay.current, playbackAbilities()));
  };

  return { source, retry };
}

/** `currentSrc` is absolute; a replay's link may be root-relative (the demo's storage). */
function sameUrl(currentSrc: string, link: string): boolean {
  try {
    return currentSrc === new URL(link, window.location.href).href;
  } catch {
    return currentSrc === link;
  }
}
