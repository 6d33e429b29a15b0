/**
 * Calls `callback` once `video` has put a frame on screen, in the task after that frame's callbacks
 * so that nothing the caller starts runs inside its rendering step. Where the browser has no frame
 * callbacks: at `loadeddata` (the frame is decoded, not necessarily painted). Returns a cancel.
 */
export function afterNextFrameShown(video: HTMLVideoElement, callback: () => void): () => void {
  if (typeof video.requestVideoFrameCallback === 'function') {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const id = video.requestVideoFrameCallback(() => {
      timer = setTimeout(callback, 0);
    });
    return () => {
      video.cancelVideoFrameCallback(id);
      clearTimeout(timer);
    };
  }
  const onLoadedData = () => callback();
  video.addEventListener('loadeddata', onLoadedData, { once: true });
  return () => video.removeEventListener('loadeddata', onLoadedData);
}

/** `HTMLMediaElement.HAVE_CURRENT_DATA` (happy-dom, which runs the unit tests, has no such statics). */
const HAVE_CURRENT_DATA = 2;

/** The frame at the current position is decoded (and, on a visible page that has rendered since, shown). */
export function hasCurrentFrame(video: HTMLVideoElement): boolean {
  return video.readyState >= HAVE_CURRENT_DATA;
}

/**
 * Settles once `video` has shown a frame, has failed, or has kept the caller waiting `capMs`. At once
 * for a video that has failed already, or that holds its frame while paused (autoplay refused): no
 * new frame would come to tell.
 */
export function whenFrameShown(video: HTMLVideoElement, capMs: number): Promise<void> {
  const holdsItsFrame = hasCurrentFrame(video) && video.paused;
  if (video.error !== null || holdsItsFrame) return Promise.resolve();
  return new Promise((settle) => {
    const done = () => {
      clearTimeout(timer);
      cancelFrameWait();
      video.removeEventListener('error', done);
      settle();
    };
    const timer = setTimeout(done, capMs);
    const cancelFrameWait = afterNextFrameShown(video, done);
    video.addEventListener('error', done);
  });
}
