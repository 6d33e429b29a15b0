// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenFrameShown } from './first-frame';

function videoWithFrameCallbacks(): { video: HTMLVideoElement; presentFrame: () => void; pendingFrameCallbacks: () => number } {
  const video = document.createElement('video');
  const callbacks = new Map<number, VideoFrameRequestCallback>();
  let nextId = 1;
  video.requestVideoFrameCallback = (callback) => {
    callbacks.set(nextId, callback);
    return nextId++;
  };
  video.cancelVideoFrameCallback = (id) => void callbacks.delete(id);
  return {
    video,
    presentFrame: () => {
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const callback of due) callback(0, {} as VideoFrameCallbackMetadata);
    },
    pendingFrameCallbacks: () => callbacks.size,
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

  it('settles at once for a video that has failed already, or that holds its frame while paused', async () => {
    const failed = videoWithFrameCallbacks().video;
    Object.defineProperty(failed, 'error', { value: { code: 4 } });
    const paused = videoWithFrameCallbacks().video;
    Object.defineProperty(paused, 'readyState', { value: 4 }); // HAVE_ENOUGH_DATA
    const failedOne = settledFlag(whenFrameShown(failed, 10_000));
    const pausedOne = settledFlag(whenFrameShown(paused, 10_000));
    await Promise.resolve();
    expect(failedOne.settled).toBe(true);
    expect(pausedOne.settled).toBe(true);
  });

  it('leaves nothing behind once settled: no frame callback, no error listener', async () => {
    vi.useFakeTimers();
    const { video, pendingFrameCallbacks } = videoWithFrameCallbacks();
    const removed = vi.spyOn(video, 'removeEventListener');
    const capped = settledFlag(whenFrameShown(video, 800));
    expect(pendingFrameCallbacks()).toBe(1);
    await vi.advanceTimersByTimeAsync(800);
    expect(capped.settled).toBe(true);
    expect(pendingFrameCallbacks()).toBe(0);
    expect(removed).toHaveBeenCalledWith('error', expect.any(Function));
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
