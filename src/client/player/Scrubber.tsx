import { memo, useLayoutEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { formatClock } from '../../shared/clock-format';
import {
  fractionToVideoSec,
  playheadFraction,
  pointerToFraction,
  videoSecToFraction,
  type SessionBoundsSec,
} from '../../shared/session-time';
import type { MediaSnapshot, PlayerStore } from './player-store';
import { ScrubberPreview, type HoverInfo, type HoverPreviewControl } from './ScrubberPreview';
import { usePlayerValue } from './use-player-snapshot';

const KEY_STEP_SEC = 5;
const PAGE_STEP_FRACTION = 0.1;

export interface ScrubberMarker {
  key: string;
  videoSec: number;
  kind: string;
  failed: boolean;
}

interface ScrubberProps {
  store: PlayerStore;
  bounds: SessionBoundsSec | null;
  markers: readonly ScrubberMarker[];
  describeHover: (videoSec: number) => HoverInfo;
  thumbnailUrl: string | null;
}

/** The track itself is the slider: values are seconds of session time, not video time. */
export function Scrubber({ store, bounds, markers, describeHover, thumbnailUrl }: ScrubberProps) {
  const trackRef = useRef<HTMLDivElement>(null);
  const draggingRef = useRef(false);
  const previewRef = useRef<HoverPreviewControl>(null);

  const startSec = bounds?.startSec ?? null;
  const endSec = bounds?.endSec ?? null;
  const spanSec = startSec !== null && endSec !== null ? endSec - startSec : 0;
  const currentVideoSec = () => Math.min(store.live().currentSec, spanSec);

  // The playhead moves with the frames: written straight to the DOM, so playing re-renders nothing.
  useLayoutEffect(() => {
    const track = trackRef.current;
    const movers = track ? [...track.querySelectorAll<HTMLElement>('.scrubber-played, .scrubber-thumb')] : [];
    if (!track) return;
    let shownValueNow = '';
    // Known from the first resize report on (before the next paint), so that mounting forces no layout.
    let trackWidthPx = 0;
    let drawnFraction = Number.NaN;
    const paint = (snapshot: MediaSnapshot) => {
      const videoSec = Math.min(snapshot.currentSec, spanSec);
      const fraction = startSec === null || endSec === null ? 0 : videoSecToFraction(videoSec, { startSec, endSec });
      // Drives transforms in the CSS: nothing else on the page moves (no layout, no layout shift).
      // Set on the two moving parts, not the track: a variable on the track restyles every marker.
      // Only when the playhead lands on another device pixel: each write costs a style pass.
      const drawn = playheadFraction(fraction, trackWidthPx, window.devicePixelRatio);
      if (drawn !== drawnFraction) {
        drawnFraction = drawn;
        for (const mover of movers) mover.style.setProperty('--played', String(drawn));
      }
      // Tenths while playing (fewer attribute writes), within the exact bounds.
      const valueNow = startSec === null || endSec === null ? 0 : Math.min(Math.max(roundTenth(startSec + videoSec), roundMs(startSec)), roundMs(endSec));
      if (String(valueNow) === shownValueNow) return;
      shownValueNow = String(valueNow);
      track.setAttribute('aria-valuenow', shownValueNow);
      track.setAttribute('aria-valuetext', formatClock(valueNow));
    };
    paint(store.live());
    const resizes = new ResizeObserver((entries) => {
      const widthPx = entries[entries.length - 1]?.contentRect.width ?? 0;
      if (widthPx === trackWidthPx) return;
      trackWidthPx = widthPx;
      paint(store.live());
    });
    resizes.observe(track);
    const unsubscribe = store.subscribeLive(paint);
    return () => {
      unsubscribe();
      resizes.disconnect();
    };
  }, [store, startSec, endSec, spanSec]);

  const pointerFraction = (event: PointerEvent<HTMLDivElement>): number | null => {
    const track = trackRef.current;
    if (!track || !bounds) return null;
    const rect = track.getBoundingClientRect();
    return pointerToFraction(event.clientX - rect.left, rect.width);
  };

  const seekToPointer = (event: PointerEvent<HTMLDivElement>) => {
    const fraction = pointerFraction(event);
    if (fraction !== null && bounds) store.seekVideoSec(fractionToVideoSec(fraction, bounds));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Alt+← (back), Cmd+←/→ and the like belong to the browser.
    if (!bounds || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = keyTargetVideoSec(event.key, currentVideoSec(), spanSec, event.shiftKey);
    if (target === null) return;
    event.preventDefault();
    // The page-wide shortcuts also know the arrows; the focused slider answers alone.
    event.stopPropagation();
    store.seekVideoSec(target);
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
      aria-valuemin={bounds ? roundMs(bounds.startSec) : 0}
      aria-valuemax={bounds ? roundMs(bounds.endSec) : 0}
      onKeyDown={onKeyDown}
      // A text selection left over the track would turn the next press into a native drag-and-drop,
      // which cancels the pointer after its first move (the drag would stop short).
      onDragStart={(event) => event.preventDefault()}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        // The seek first: everything else this click does (capture, hover, focus, re-renders) comes after it.
        seekToPointer(event);
        draggingRef.current = true;
        event.currentTarget.setPointerCapture(event.pointerId);
      }}
      onPointerMove={(event) => {
        const fraction = pointerFraction(event);
        if (fraction !== null && bounds && event.pointerType === 'mouse') {
          previewRef.current?.show(fraction, fractionToVideoSec(fraction, bounds));
        }
        if (draggingRef.current) seekToPointer(event);
      }}
      onPointerLeave={() => previewRef.current?.hide()}
      onPointerUp={(event) => {
        draggingRef.current = false;
        if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
      }}
      onPointerCancel={() => {
        draggingRef.current = false;
      }}
    >
      <div className="scrubber-rail" aria-hidden="true">
        {startSec !== null && endSec !== null && <BufferedRanges store={store} startSec={startSec} endSec={endSec} />}
        <div className="scrubber-played" />
      </div>
      {startSec !== null && endSec !== null && <MarkerDots markers={markers} startSec={startSec} endSec={endSec} />}
      <div className="scrubber-thumb" aria-hidden="true" />
      <ScrubberPreview control={previewRef} describeHover={describeHover} thumbnailUrl={thumbnailUrl} pressed={draggingRef} />
    </div>
  );
}

interface RangeProps {
  startSec: number;
  endSec: number;
}

/** Its own component: `progress` re-renders these few boxes, not the slider and its markers. */
function BufferedRanges({ store, startSec, endSec }: RangeProps & { store: PlayerStore }) {
  const buffered = usePlayerValue(store, (snapshot) => snapshot.buffered);
  const bounds = { startSec, endSec };
  return buffered.map((range) => (
    <div
      key={`${range.startSec}-${range.endSec}`}
      className="scrubber-buffered"
      style={{
        left: `${videoSecToFraction(range.startSec, bounds) * 100}%`,
        width: `${(videoSecToFraction(range.endSec, bounds) - videoSecToFraction(range.startSec, bounds)) * 100}%`,
      }}
    />
  ));
}

/** Memoised: a hover or a click on the slider does not re-render one dot per step. */
const MarkerDots = memo(function MarkerDots({ markers, startSec, endSec }: RangeProps & { markers: readonly ScrubberMarker[] }) {
  const bounds = { startSec, endSec };
  return (
    <div className="scrubber-markers" aria-hidden="true">
      {markers.map((marker) => (
        <span
          key={marker.key}
          className={`scrubber-marker marker-${marker.kind}${marker.failed ? ' marker-failed' : ''}`}
          data-step-marker={marker.key}
          style={{ left: `${videoSecToFraction(marker.videoSec, bounds) * 100}%` }}
        />
      ))}
    </div>
  );
});

function roundTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Exactly `video_start_ms / 1000` (and the end likewise), without float noise from adding seconds. */
function roundMs(valueSec: number): number {
  return Math.round(valueSec * 1000) / 1000;
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
