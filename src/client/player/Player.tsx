import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useFocusRescue } from '../ui/use-focus-rescue';
import type { Replay } from '../../shared/replay-schema';
import type { MomentLabel } from '../../shared/wall-clock';
import { describeSource, type PlaybackSource } from './playback-source';
import { sessionStartToVideoSec } from '../../shared/session-time';
import { playerVideoFor, releaseHeadStart } from './playback-head-start';
import type { PlayerStore } from './player-store';
import { PlayerControls } from './PlayerControls';
import type { ScrubberMarker } from './Scrubber';
import { keepResumePosition } from './keep-resume-position';
import { toggleFullscreen } from './presentation';
import { usePlaybackSource } from './use-playback-source';
import { usePlayerValue } from './use-player-snapshot';

interface PlayerProps {
  sessionId: string;
  replay: Replay;
  store: PlayerStore;
  /** Where to start, in session seconds (a `?t=` link); read once, when the player mounts. */
  startSessionSec: number | null;
  /** Start paused there (read once, like the start). */
  startPaused: boolean;
  requestRenewal: () => Promise<Replay | null>;
  markers: readonly ScrubberMarker[];
  momentLabel: (sessionSec: number) => MomentLabel;
  stepLabelAt: (videoSec: number) => string | null;
}

export function Player(props: PlayerProps) {
  const { sessionId, replay, store, requestRenewal } = props;
  const [startVideoSec] = useState(() => sessionStartToVideoSec(props.startSessionSec, replay.video_start_ms, replay.video_duration_ms));
  // Made outside React: on a shared link it is already loading (see playback-head-start.ts).
  const [video] = useState(() => playerVideoFor(sessionId));
  const videoRef = useRef(video);
  const containerRef = useRef<HTMLElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    stageRef.current?.prepend(video);
    video.setAttribute('aria-label', `Recording of session ${sessionId}`);
    const onClick = () => store.togglePlay();
    // As in other players: the two clicks toggle play twice (no net change), the double click fullscreen.
    const onDoubleClick = () => toggleFullscreen(store.playerElement);
    video.addEventListener('click', onClick);
    video.addEventListener('dblclick', onDoubleClick);
    return () => {
      video.removeEventListener('click', onClick);
      video.removeEventListener('dblclick', onDoubleClick);
      video.remove();
    };
  }, [video, sessionId, store]);

  const [startPaused] = useState(props.startPaused);
  const { source, retry } = usePlaybackSource({ videoRef, replay, startVideoSec, startPaused, requestRenewal });
  useEffect(() => keepResumePosition(video, sessionId, replay.video_start_ms), [video, sessionId, replay.video_start_ms]);

  useEffect(() => store.attach(video, containerRef.current), [video, store]);
  useEffect(() => () => releaseHeadStart(video), [video]);

  return (
    <section className="player" aria-label="Replay player" ref={containerRef}>
      <div className="player-stage" ref={stageRef}>
        <BufferingOverlay store={store} />
        {source?.kind === 'unplayable' && (
          <PlaybackFailure
            reason={source.reason}
            onRetry={retry}
            focusAfterRetry={() => containerRef.current?.querySelector<HTMLElement>('.play-button') ?? null}
          />
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
  const waiting = usePlayerValue(store, (snapshot) => snapshot.waiting);
  if (!waiting) return null;
  return (
    <div className="player-buffering" aria-hidden="true">
      <span className="spinner" />
    </div>
  );
}

type UnplayableReason = Extract<PlaybackSource, { kind: 'unplayable' }>['reason'];

function PlaybackFailure({ reason, onRetry, focusAfterRetry }: { reason: UnplayableReason; onRetry: () => void; focusAfterRetry: () => HTMLElement | null }) {
  const ref = useRef<HTMLDivElement>(null);
  // Retry removes this overlay: focus goes on to the player's controls, not to <body>.
  useFocusRescue(ref, focusAfterRetry);
  return (
    <div className="player-failure" role="alert" ref={ref}>
      <p>
        {reason === 'hls-failed-no-mp4'
          ? 'The video stream failed to load and this replay has no MP4 to fall back to.'
          : reason === 'mp4-failed'
            ? 'The video file failed to load, even after renewing its link.'
            : 'This session has no video.'}
      </p>
      {reason !== 'no-video' && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
