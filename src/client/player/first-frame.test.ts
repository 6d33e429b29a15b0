// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenFrameShown } from './first-frame';

function videoWithFrameCallbacks(): { video: HTMLVideoElement; presentFrame: () => void } {
  const video = document.createElement('video');
  const callbacks: VideoFrameRequestCallback[] = [];
  video.requestVideoFrameCallback = (callback) => callbacks.push(callback);
  return {
    video,
    presentFrame: () => {
      for (const callback of callbacks.splice(0)) callback(0, {} as VideoFrameCallbackMetadata);
    },
  };
}

function settledFlag(promise: Promise<void>): { settled: boolean } {
  const flag = { settled: false };
  void promise.then(() => (flag.settled = true));
  return flag;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('whenFrameShown', () => {
  it('settles in the task after the frame callback, not inside it', async () => {
    vi.useFakeTimers();
    const { video, presentFrame } = videoWithFrameCallbacks();
    const shown = settledFlag(whenFrameShown(video, 800));
    await vi.advanceTimersByTimeAsync(100);
    expect(shown.settled).toBe(false);
    presentFrame();
    await Promise.resolve();
    expect(shown.settled, 'not within the rendering step').toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(shown.settled).toBe(true);
  });

  it('settles when the video fails, or after the cap when no frame comes', async () => {
    vi.useFakeTimers();
    const failing = videoWithFrameCallbacks().video;
    const failed = settledFlag(whenFrameShown(failing, 800));
    failing.dispatchEvent(new Event('error'));
    await vi.advanceTimersByTimeAsync(0);
    expect(failed.settled).toBe(true);

    const stalled = settledFlag(whenFrameShown(videoWithFrameCallbacks().video, 800));
    await vi.advanceTimersByTimeAsync(799);
    expect(stalled.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(stalled.settled).toBe(true);
  });

  it('without frame callbacks, settles at loadeddata', async () => {
    const video = document.createElement('video');
    Object.defineProperty(video, 'requestVideoFrameCallback', { value: undefined });
    const shown = settledFlag(whenFrameShown(video, 10_000));
    await Promise.resolve();
    expect(shown.settled).toBe(false);
    video.dispatchEvent(new Event('loadeddata'));
    await Promise.resolve();
    expect(shown.settled).toBe(true);
  });
});
