import { useEffect, useRef, useState } from 'react';
import type { Replay } from '../../shared/replay-schema';
import { sessionBoundsSec, videoToSessionSec } from '../../shared/session-time';
import { downloadMp4 } from './download-mp4';
import { Icon } from './Icon';
import type { PlayerStore } from './player-store';
import { pictureInPictureAvailable, toggleFullscreen, togglePictureInPicture } from './presentation';
import { Scrubber, type ScrubberMarker } from './Scrubber';
import type { HoverInfo } from './ScrubberPreview';
import { usePlayerValue, usePlayerValueDeferred } from './use-player-snapshot';
import { PLAYBACK_RATES, writePreferredRate } from './playback-rate-preference';
import type { MomentLabel } from '../../shared/wall-clock';

interface PlayerControlsProps {
  store: PlayerStore;
  replay: Replay;
  sessionId: string;
  sourceLabel: string;
  markers: readonly ScrubberMarker[];
  momentLabel: (sessionSec: number) => MomentLabel;
  stepLabelAt: (videoSec: number) => string | null;
}

export function PlayerControls(props: PlayerControlsProps) {
  const { store, replay, sessionId, sourceLabel, markers, momentLabel, stepLabelAt } = props;
  const durationSec = usePlayerValue(store, (snapshot) => snapshot.durationSec);
  const showPlay = usePlayerValue(store, (snapshot) => snapshot.paused || snapshot.ended);
  const playbackRate = usePlayerValue(store, (snapshot) => snapshot.playbackRate);
  const labelAt = (currentSec: number) => momentLabel(videoToSessionSec(currentSec, replay.video_start_ms));
  // The readout renders when its text changes (once a second), not on every frame.
  const currentText = usePlayerValueDeferred(store, (snapshot) => labelAt(snapshot.currentSec).text);
  const current = labelAt(store.getSnapshot().currentSec);
  const bounds = sessionBoundsSec(replay, durationSec);
  const end = bounds ? momentLabel(bounds.endSec) : null;
  const isFullscreen = useIsFullscreen();
  const [download, setDownload] = useState<DownloadState>({ kind: 'idle' });
  const rateChosenByPointer = useRef(false);

  const describeHover = (videoSec: number): HoverInfo => ({
    timeText: momentLabel(videoToSessionSec(videoSec, replay.video_start_ms)).text,
    stepText: stepLabelAt(videoSec),
  });

  return (
    <div className="player-controls">
      <Scrubber
        store={store}
        bounds={bounds}
        markers={markers}
        describeHover={describeHover}
        thumbnailUrl={replay.mp4_url}
      />
      <button type="button" className="icon-button play-button" aria-label={showPlay ? 'Play' : 'Pause'} onClick={() => store.togglePlay()}>
        <Icon name={showPlay ? 'play' : 'pause'} />
      </button>
      <span className="time-readout" title={current.title}>
        <span className="time-current">{currentText}</span>
        <span aria-hidden="true"> / </span>
        <span className="visually-hidden"> of </span>
        <span className="time-total">{end ? end.text : '–:––'}</span>
      </span>
      <div className="player-tools">
        <label className="rate-select">
          <span className="visually-hidden">Playback speed</span>
          <select
            aria-label="Playback speed"
            value={String(playbackRate)}
            onPointerDown={() => {
              rateChosenByPointer.current = true;
            }}
            onKeyDown={() => {
              rateChosenByPointer.current = false;
            }}
            onChange={(event) => {
              const rate = Number(event.target.value);
              store.setPlaybackRate(rate);
              writePreferredRate(rate);
              // A focused select takes the keys (digits, arrows) for itself: after a mouse or touch choice
              // the player's shortcuts work again; a keyboard user stays on the select.
              if (rateChosenByPointer.current) event.currentTarget.blur();
            }}
          >
            {PLAYBACK_RATES.map((rate) => (
              <option key={rate} value={String(rate)}>
                {rate}×
              </option>
            ))}
          </select>
        </label>
        {replay.mp4_url !== null && (
          <DownloadButton
            progress={download}
            onClick={async () => {
              if (replay.mp4_url === null || download.kind === 'running') return;
              setDownload({ kind: 'running', fraction: null });
              const outcome = await downloadMp4(replay.mp4_url, `notte-session-${sessionId}.mp4`, (fraction) => setDownload({ kind: 'running', fraction }));
              setDownload({ kind: outcome === 'failed' ? 'failed' : 'idle' });
            }}
          />
        )}
        {pictureInPictureAvailable() && (
          <button
            type="button"
            className="icon-button"
            aria-label="Picture-in-picture"
            title="Picture-in-picture (P)"
            onClick={() => togglePictureInPicture(store.videoElement)}
          >
            <Icon name="pip" />
          </button>
        )}
        <button
          type="button"
          className="icon-button"
          aria-label={isFullscreen ? 'Exit fullscreen' : 'Fullscreen'}
          title="Fullscreen (F)"
          onClick={() => toggleFullscreen(store.playerElement)}
        >
          <Icon name={isFullscreen ? 'exitFullscreen' : 'fullscreen'} />
        </button>
        <span className="source-badge" title="How this replay is being played">
          {sourceLabel}
        </span>
      </div>
    </div>
  );
}

function useIsFullscreen(): boolean {
  const [isFullscreen, setIsFullscreen] = useState(false);
  useEffect(() => {
    const onChange = () => setIsFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  return isFullscreen;
}

type DownloadState = { kind: 'idle' } | { kind: 'running'; fraction: number | null } | { kind: 'failed' };

function DownloadButton({ progress, onClick }: { progress: DownloadState; onClick: () => void }) {
  const percent = progress.kind === 'running' && progress.fraction !== null ? Math.floor(progress.fraction * 100) : null;
  const label =
    progress.kind === 'idle'
      ? 'Download MP4'
      : progress.kind === 'failed'
        ? 'Download MP4 (the last try failed: storage refused the file or the connection dropped)'
        : percent === null
          ? 'Downloading MP4…'
          : `Downloading MP4… ${percent}%`;
  return (
    // aria-disabled, not disabled: a disabled button would drop the keyboard focus it holds.
    <button
      type="button"
      className={`icon-button download-button${progress.kind === 'failed' ? ' download-failed' : ''}`}
      aria-label={label}
      title={label}
      aria-disabled={progress.kind === 'running'}
      onClick={onClick}
    >
      {progress.kind === 'running' ? <span className="download-progress">{percent === null ? '…' : `${percent}%`}</span> : <Icon name="download" />}
    </button>
  );
}
