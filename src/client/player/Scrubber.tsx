import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { formatClock } from '../../shared/clock-format';
import {
  fractionToVideoSec,
  pointerToFraction,
  videoSecToFraction,
  type SessionBoundsSec,
} from '../../shared/session-time';
import type { MediaClock } from './media-clock';
import { useMediaSnapshot } from './use-media-snapshot';

const KEY_STEP_SEC = 5;
const PAGE_STEP_FRACTION = 0.1;

interface ScrubberProps {
  clock: MediaClock;
  bounds: SessionBoundsSec | null;
  onSeekVideoSec: (videoSec: number) => void;
}

/** The track itself is the slider: values are seconds of session time, not video time. */
export function Scrubber({ clock, bounds, onSeekVideoSec }: ScrubberProps) {
  const snapshot = useMediaSnapshot(clock);
  const trackRef = useRef<HTMLDivElement>(null);
  const draggingRef = useRef(false);

  const spanSec = bounds ? bounds.endSec - bounds.startSec : 0;
  const currentVideoSec = Math.min(snapshot.currentSec, spanSec);
  const valueNowSec = bounds ? roundTenth(bounds.startSec + currentVideoSec) : 0;
  const playedFraction = bounds ? videoSecToFraction(currentVideoSec, bounds) : 0;

  const seekToPointer = (event: PointerEvent<HTMLDivElement>) => {
    const track = trackRef.current;
    if (!track || !bounds) return;
    const rect = track.getBoundingClientRect();
    onSeekVideoSec(fractionToVideoSec(pointerToFraction(event.clientX - rect.left, rect.width), bounds));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!bounds) return;
    const target = keyTargetVideoSec(event.key, currentVideoSec, spanSec, event.shiftKey);
    if (target === null) return;
    event.preventDefault();
    event.stopPropagation();
    onSeekVideoSec(target);
  };

  return (
    <div
      ref={trackRef}
      className="scrubber"
      role="slider"
      tabIndex={0}
      aria-label="Seek"
      aria-orientation="horizontal"
      aria-disabled={bounds ? undefined : true}
      aria-valuemin={bounds ? roundTenth(bounds.startSec) : 0}
      aria-valuemax={bounds ? roundTenth(bounds.endSec) : 0}
      aria-valuenow={valueNowSec}
      aria-valuetext={formatClock(valueNowSec)}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        draggingRef.current = true;
        event.currentTarget.setPointerCapture(event.pointerId);
        seekToPointer(event);
      }}
      onPointerMove={(event) => {
        if (draggingRef.current) seekToPointer(event);
      }}
      onPointerUp={(event) => {
        draggingRef.current = false;
        event.currentTarget.releasePointerCapture(event.pointerId);
      }}
      onPointerCancel={() => {
        draggingRef.current = false;
      }}
    >
      <div className="scrubber-rail" aria-hidden="true">
        {bounds &&
          snapshot.buffered.map((range) => (
            <div
              key={`${range.startSec}-${range.endSec}`}
              className="scrubber-buffered"
              style={{
                left: `${videoSecToFraction(range.startSec, bounds) * 100}%`,
                width: `${(videoSecToFraction(range.endSec, bounds) - videoSecToFraction(range.startSec, bounds)) * 100}%`,
              }}
            />
          ))}
        <div className="scrubber-played" style={{ width: `${playedFraction * 100}%` }} />
      </div>
      <div className="scrubber-thumb" aria-hidden="true" style={{ left: `${playedFraction * 100}%` }} />
    </div>
  );
}

function roundTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

function keyTargetVideoSec(key: string, currentSec: number, spanSec: number, shift: boolean): number | null {
  const step = shift ? KEY_STEP_SEC * 2 : KEY_STEP_SEC;
  const clamp = (sec: number) => Math.min(Math.max(sec, 0), spanSec);
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(currentSec - step);
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(currentSec + step);
    case 'PageDown':
      return clamp(currentSec - spanSec * PAGE_STEP_FRACTION);
    case 'PageUp':
      return clamp(currentSec + spanSec * PAGE_STEP_FRACTION);
    case 'Home':
      return 0;
    case 'End':
      return spanSec;
    default:
      return null;
  }
}
