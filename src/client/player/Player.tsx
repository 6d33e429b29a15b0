import { useEffect, useRef } from 'react';
import { formatClock } from '../../shared/clock-format';
import type { Replay } from '../../shared/replay-schema';
import { sessionBoundsSec, videoToSessionSec } from '../../shared/session-time';
import type { MediaClock } from './media-clock';
import { describeSource } from './playback-source';
import { Scrubber } from './Scrubber';
import { useMediaSnapshot } from './use-media-snapshot';
import { usePlaybackSource } from './use-playback-source';

interface PlayerProps {
  sessionId: string;
  replay: Replay;
  clock: MediaClock;
  startVideoSec: number;
  requestRenewal: () => void;
}

export function Player({ sessionId, replay, clock, startVideoSec, requestRenewal }: PlayerProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const { source, retry } = usePlaybackSource({ videoRef, replay, startVideoSec, requestRenewal });

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    // Recordings have no sound; muted is what lets browsers start playback on load.
    video.muted = true;
    return clock.attach(video);
  }, [clock]);

  const seekVideoSec = (videoSec: number) => {
    const video = videoRef.current;
    if (video) video.currentTime = videoSec;
  };

  const togglePlay = () => {
    const video = videoRef.current;
    if (!video) return;
    if (video.paused || video.ended) void video.play().catch(() => undefined);
    else video.pause();
  };

  return (
    <section className="player" aria-label="Replay player">
      <div className="player-stage">
        <video
          ref={videoRef}
          className="player-video"
          muted
          autoPlay
          playsInline
          preload="auto"
          aria-label={`Recording of session ${sessionId}`}
          onClick={togglePlay}
        />
        <StageOverlay clock={clock} />
        {source?.kind === 'unplayable' && (
          <div className="player-failure" role="alert">
            <p>
              {source.reason === 'hls-failed-no-mp4'
                ? 'The video stream failed to load and this replay has no MP4 to fall back to.'
                : source.reason === 'mp4-failed'
                  ? 'The video file failed to load, even after renewing its link.'
                  : 'This session has no video.'}
            </p>
            {source.reason !== 'no-video' && (
              <button type="button" onClick={retry}>
                Retry
              </button>
            )}
          </div>
        )}
      </div>
      <PlayerControls
        clock={clock}
        replay={replay}
        sourceLabel={source ? describeSource(source) : 'Loading…'}
        onTogglePlay={togglePlay}
        onSeekVideoSec={seekVideoSec}
      />
    </section>
  );
}

function StageOverlay({ clock }: { clock: MediaClock }) {
  const snapshot = useMediaSnapshot(clock);
  if (!snapshot.waiting) return null;
  return (
    <div className="player-buffering" aria-hidden="true">
      <span className="spinner" />
    </div>
  );
}

interface PlayerControlsProps {
  clock: MediaClock;
  replay: Replay;
  sourceLabel: string;
  onTogglePlay: () => void;
  onSeekVideoSec: (videoSec: number) => void;
}

function PlayerControls({ clock, replay, sourceLabel, onTogglePlay, onSeekVideoSec }: PlayerControlsProps) {
  const snapshot = useMediaSnapshot(clock);
  const bounds = sessionBoundsSec(replay, snapshot.durationSec);
  const showPlay = snapshot.paused || snapshot.ended;
  const currentSessionSec = videoToSessionSec(snapshot.currentSec, replay.video_start_ms);
  return (
    <div className="player-controls">
      <button type="button" className="play-button" aria-label={showPlay ? 'Play' : 'Pause'} onClick={onTogglePlay}>
        <span aria-hidden="true">{showPlay ? '▶' : '❚❚'}</span>
      </button>
      <span className="time-readout">
        <span className="time-current">{formatClock(currentSessionSec)}</span>
        <span aria-hidden="true"> / </span>
        <span className="visually-hidden"> of </span>
        <span className="time-total">{bounds ? formatClock(bounds.endSec) : '–:––'}</span>
      </span>
      <Scrubber clock={clock} bounds={bounds} onSeekVideoSec={onSeekVideoSec} />
      <span className="source-badge" title="How this replay is being played">
        {sourceLabel}
      </span>
    </div>
  );
}
