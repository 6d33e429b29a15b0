import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { formatClock } from '../../shared/clock-format';
import {
  fractionToVideoSec,
  pointerToFraction,
  videoSecToFraction,
  type SessionBoundsSec,
} from '../../shared/session-time';
import type { PlayerStore } from './player-store';
import { ThumbnailSource } from './thumbnail-source';
import { usePlayerValue } from './use-player-snapshot';

const KEY_STEP_SEC = 5;
const PREVIEW_REST_MS = 60;
const PAGE_STEP_FRACTION = 0.1;

export interface ScrubberMarker {
  key: string;
  videoSec: number;
  kind: string;
  failed: boolean;
}

export interface HoverInfo {
  timeText: string;
  stepText: string | null;
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
  const buffered = usePlayerValue(store, (snapshot) => snapshot.buffered);
  const trackRef = useRef<HTMLDivElement>(null);
  const draggingRef = useRef(false);
  const [hover, setHover] = useState<{ fraction: number; videoSec: number } | null>(null);
  const thumbnails = useThumbnails(thumbnailUrl);

  const startSec = bounds?.startSec ?? null;
  const endSec = bounds?.endSec ?? null;
  const spanSec = startSec !== null && endSec !== null ? endSec - startSec : 0;
  const currentVideoSec = () => Math.min(store.getSnapshot().currentSec, spanSec);

  // The playhead moves on every frame: written straight to the DOM, so playing re-renders nothing.
  useLayoutEffect(() => {
    const track = trackRef.current;
    if (!track) return;
    let shownValueNow = '';
    const paint = () => {
      const videoSec = Math.min(store.getSnapshot().currentSec, spanSec);
      const fraction = startSec === null || endSec === null ? 0 : videoSecToFraction(videoSec, { startSec, endSec });
      // Drives transforms in the CSS: nothing else on the page moves (no layout, no layout shift).
      track.style.setProperty('--played', String(fraction));
      const valueNow = startSec === null ? 0 : roundTenth(startSec + videoSec);
      if (String(valueNow) === shownValueNow) return;
      shownValueNow = String(valueNow);
      track.setAttribute('aria-valuenow', shownValueNow);
      track.setAttribute('aria-valuetext', formatClock(valueNow));
    };
    paint();
    return store.subscribe(paint);
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
    if (!bounds) return;
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
      aria-valuemin={bounds ? roundTenth(bounds.startSec) : 0}
      aria-valuemax={bounds ? roundTenth(bounds.endSec) : 0}
      onKeyDown={onKeyDown}
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
          setHover({ fraction, videoSec: fractionToVideoSec(fraction, bounds) });
        }
        if (draggingRef.current) seekToPointer(event);
      }}
      onPointerLeave={() => setHover(null)}
      onPointerUp={(event) => {
        draggingRef.current = false;
        if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
      }}
      onPointerCancel={() => {
        draggingRef.current = false;
      }}
    >
      <div className="scrubber-rail" aria-hidden="true">
        {bounds &&
          buffered.map((range) => (
            <div
              key={`${range.startSec}-${range.endSec}`}
              className="scrubber-buffered"
              style={{
                left: `${videoSecToFraction(range.startSec, bounds) * 100}%`,
                width: `${(videoSecToFraction(range.endSec, bounds) - videoSecToFraction(range.startSec, bounds)) * 100}%`,
              }}
            />
          ))}
        <div className="scrubber-played" />
      </div>
      {bounds && (
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
      )}
      <div className="scrubber-thumb" aria-hidden="true" />
      {hover && (
        <ScrubberPreview
          fraction={hover.fraction}
          info={describeHover(hover.videoSec)}
          videoSec={hover.videoSec}
          thumbnails={thumbnails}
          hasFrames={thumbnailUrl !== null}
          pressed={draggingRef}
        />
      )}
    </div>
  );
}

/** Made on the first resting hover only, so that previews never compete with the first frame for bandwidth. */
function useThumbnails(url: string | null): () => ThumbnailSource | null {
  const ref = useRef<ThumbnailSource | null>(null);
  useEffect(
    () => () => {
      ref.current?.destroy();
      ref.current = null;
    },
    [url],
  );
  return useCallback(() => {
    if (url === null) return null;
    ref.current ??= new ThumbnailSource(url);
    return ref.current;
  }, [url]);
}

interface PreviewProps {
  fraction: number;
  videoSec: number;
  info: HoverInfo;
  thumbnails: () => ThumbnailSource | null;
  hasFrames: boolean;
  pressed: RefObject<boolean>;
}

function ScrubberPreview({ fraction, videoSec, info, thumbnails, hasFrames, pressed }: PreviewProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    // A pointer passing over or clicking costs no decode next to the seek: frames wait until it rests,
    // and none while pressed (the player itself shows those frames then).
    const timer = setTimeout(() => {
      if (!pressed.current) thumbnails()?.show(canvas, videoSec);
    }, PREVIEW_REST_MS);
    return () => clearTimeout(timer);
  }, [thumbnails, videoSec, pressed]);

  return (
    <div className="scrubber-preview" aria-hidden="true" style={{ left: `clamp(5.5rem, ${fraction * 100}%, calc(100% - 5.5rem))` }}>
      {hasFrames && <canvas ref={canvasRef} width={176} height={99} className="scrubber-preview-frame" />}
      <span className="scrubber-preview-time">{info.timeText}</span>
      {info.stepText && <span className="scrubber-preview-step">{info.stepText}</span>}
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
