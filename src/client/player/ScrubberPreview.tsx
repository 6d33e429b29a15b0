import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, type Ref, type RefObject } from 'react';
import { ThumbnailSource } from './thumbnail-source';

const PREVIEW_REST_MS = 60;

export interface HoverInfo {
  timeText: string;
  stepText: string | null;
}

/** Moved by the slider's pointer handlers: a pointer move writes the DOM, it renders nothing. */
export interface HoverPreviewControl {
  show: (fraction: number, videoSec: number) => void;
  hide: () => void;
}

interface ScrubberPreviewProps {
  control: Ref<HoverPreviewControl>;
  describeHover: (videoSec: number) => HoverInfo;
  thumbnailUrl: string | null;
  /** True while the slider is pressed: the player itself shows those frames then. */
  pressed: RefObject<boolean>;
}

/**
 * The time, step and frame under the pointer. Always in the DOM (hidden when not hovering) and
 * updated in place: re-rendering it through React on every pointer move put a render, a commit and a
 * layout between a click and the seek it starts.
 */
export function ScrubberPreview({ control, describeHover, thumbnailUrl, pressed }: ScrubberPreviewProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const timeRef = useRef<HTMLSpanElement>(null);
  const stepRef = useRef<HTMLSpanElement>(null);
  const describeRef = useRef(describeHover);
  const shownSecRef = useRef<number | null>(null);
  const writeText = useCallback((videoSec: number) => {
    const info = describeRef.current(videoSec);
    if (timeRef.current) timeRef.current.textContent = info.timeText;
    if (stepRef.current) {
      stepRef.current.textContent = info.stepText ?? '';
      stepRef.current.hidden = info.stepText === null;
    }
  }, []);
  useLayoutEffect(() => {
    describeRef.current = describeHover;
    // Steps that arrive (or a time mode that changes) while the pointer rests show up at once.
    if (shownSecRef.current !== null) writeText(shownSecRef.current);
  });
  const thumbnails = useThumbnails(thumbnailUrl);
  const restTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // A timer set for the previous recording's file must not bring its thumbnails back.
  useEffect(() => () => clearTimeout(restTimer.current), [thumbnails]);

  useImperativeHandle(
    control,
    () => ({
      show: (fraction, videoSec) => {
        const root = rootRef.current;
        if (!root) return;
        if (root.hidden) {
          // A new hover starts blank, not with the last hover's frame.
          const canvas = canvasRef.current;
          canvas?.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
        }
        shownSecRef.current = videoSec;
        writeText(videoSec);
        root.style.left = `clamp(5.5rem, ${fraction * 100}%, calc(100% - 5.5rem))`;
        root.hidden = false;
        // A pointer passing over or clicking costs no decode next to the seek: frames wait until it
        // rests, and none while pressed.
        clearTimeout(restTimer.current);
        restTimer.current = setTimeout(() => {
          const canvas = canvasRef.current;
          if (canvas && !pressed.current && !root.hidden) thumbnails()?.show(canvas, videoSec);
        }, PREVIEW_REST_MS);
      },
      hide: () => {
        clearTimeout(restTimer.current);
        shownSecRef.current = null;
        if (rootRef.current) rootRef.current.hidden = true;
      },
    }),
    [thumbnails, pressed, writeText],
  );

  return (
    <div ref={rootRef} className="scrubber-preview" aria-hidden="true" hidden>
      {thumbnailUrl !== null && <canvas ref={canvasRef} width={176} height={99} className="scrubber-preview-frame" />}
      <span ref={timeRef} className="scrubber-preview-time" />
      <span ref={stepRef} className="scrubber-preview-step" hidden />
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
