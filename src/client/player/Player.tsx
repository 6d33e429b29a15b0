import { useEffect, useRef, useState } from 'react';
import type { Replay } from '../../shared/replay-schema';
import type { MomentLabel } from '../../shared/wall-clock';
import { describeSource } from './playback-source';
import { readPreferredRate } from './playback-rate-preference';
import type { PlayerStore } from './player-store';
import { PlayerControls } from './PlayerControls';
import type { ScrubberMarker } from './Scrubber';
import { usePlaybackSource } from './use-playback-source';
import { usePlayerSnapshot } from './use-player-snapshot';

interface PlayerProps {
  sessionId: string;
  replay: Replay;
  store: PlayerStore;
  /** Where to start, in session seconds (a `?t=` link); read once, when the player mounts. */
  startSessionSec: number | null;
  requestRenewal: () => void;
  markers: readonly ScrubberMarker[];
  momentLabel: (sessionSec: number) => MomentLabel;
  stepLabelAt: (videoSec: number) => string | null;
}

export function Player(props: PlayerProps) {
  const { sessionId, replay, store, requestRenewal } = props;
  const [startVideoSec] = useState(() =>
    props.startSessionSec === null ? 0 : Math.max(0, props.startSessionSec - (replay.video_start_ms ?? 0) / 1000),
  );
  const containerRef = useRef<HTMLElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const { source, retry } = usePlaybackSource({ videoRef, replay, startVideoSec, requestRenewal });

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    // Recordings have no sound; muted is what lets browsers start playback on load.
    video.muted = true;
    const rate = readPreferredRate();
    video.defaultPlaybackRate = rate;
    video.playbackRate = rate;
    return store.attach(video, containerRef.current);
  }, [store]);

  return (
    <section className="player" aria-label="Replay player" ref={containerRef}>
      <div className="player-stage">
        <video
          ref={videoRef}
          className="player-video"
          muted
          autoPlay
          playsInline
          preload="auto"
          aria-label={`Recording of session ${sessionId}`}
          onClick={() => store.togglePlay()}
        />
        <BufferingOverlay store={store} />
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
        store={store}
        replay={replay}
        sessionId={sessionId}
        sourceLabel={source ? describeSource(source) : 'Loading…'}
        markers={props.markers}
        momentLabel={props.momentLabel}
        stepLabelAt={props.stepLabelAt}
      />
    </section>
  );
}

function BufferingOverlay({ store }: { store: PlayerStore }) {
  const snapshot = usePlayerSnapshot(store);
  if (!snapshot.waiting) return null;
  return (
    <div className="player-buffering" aria-hidden="true">
      <span className="spinner" />
    </div>
  );
}
