/**
 * Calls `callback` once `video` has put a frame on screen, in the task after that frame's callbacks
 * so that nothing the caller starts runs inside its rendering step. Where the browser has no frame
 * callbacks: at `loadeddata` (the frame is decoded, not necessarily painted).
 */
export function afterNextFrameShown(video: HTMLVideoElement, callback: () => void): void {
  if (typeof video.requestVideoFrameCallback === 'function') video.requestVideoFrameCallback(() => setTimeout(callback, 0));
  else video.addEventListener('loadeddata', () => callback(), { once: true });
}

/** Settles once `video` has shown a frame, has failed, or has kept the caller waiting `capMs`. */
export function whenFrameShown(video: HTMLVideoElement, capMs: number): Promise<void> {
  return new Promise((settle) => {
    const timer = setTimeout(settle, capMs);
    const done = () => {
      clearTimeout(timer);
      settle();
    };
    afterNextFrameShown(video, done);
    video.addEventListener('error', done, { once: true });
  });
}
