// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlayerStore, SEEK_HOLD_MAX_MS } from './player-store';

/** A video whose seeking, playing and presented frames the test drives by hand. */
function controlledVideo() {
  const video = document.createElement('video');
  const state = { currentTime: 0, seeking: false, paused: true };
  const frameCallbacks = new Map<number, VideoFrameRequestCallback>();
  let nextId = 1;
  Object.defineProperties(video, {
    currentTime: {
      get: () => state.currentTime,
      set: (sec: number) => {
        state.currentTime = sec;
        state.seeking = true;
      },
    },
    seeking: { get: () => state.seeking },
    paused: { get: () => state.paused },
    duration: { get: () => 7_200 },
    buffered: { get: () => ({ length: 0, start: () => 0, end: () => 0 }) },
    requestVideoFrameCallback: {
      value: (callback: VideoFrameRequestCallback) => {
        frameCallbacks.set(nextId, callback);
        return nextId++;
      },
    },
    cancelVideoFrameCallback: { value: (id: number) => frameCallbacks.delete(id) },
  });
  const fire = (type: string) => video.dispatchEvent(new Event(type));
  return {
    video,
    /** The media element's own steps after `currentTime = …`: seeking, then (data in) timeupdate and seeked. */
    startSeekEvents: () => fire('seeking'),
    finishSeek: () => {
      state.seeking = false;
      fire('timeupdate');
      fire('seeked');
    },
    play: () => {
      state.paused = false;
      fire('play');
      fire('playing');
    },
    /** Already playing, its play events long gone (a shared link's head start). */
    setPlaying: () => {
      state.paused = false;
    },
    advanceTo: (sec: number) => {
      state.currentTime = sec;
    },
    presentFrame: () => {
      const pending = [...frameCallbacks.values()];
      frameCallbacks.clear();
      for (const callback of pending) callback(performance.now(), {} as VideoFrameCallbackMetadata);
    },
    pendingFrameCallbacks: () => frameCallbacks.size,
  };
}

function attachedStore({ playing = false } = {}) {
  const controls = controlledVideo();
  if (playing) controls.setPlaying();
  const store = new PlayerStore();
  const detach = store.attach(controls.video, null);
  const reactSaw: number[] = [];
  store.subscribe(() => reactSaw.push(store.getSnapshot().currentSec));
  const painterSaw: number[] = [];
  store.subscribeLive((snapshot) => painterSaw.push(snapshot.currentSec));
  return { ...controls, store, detach, reactSaw, painterSaw };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('PlayerStore during a seek', () => {
  it('moves the playhead at once but shows React the new position only with its first frame', () => {
    const { store, startSeekEvents, finishSeek, presentFrame, reactSaw, painterSaw } = attachedStore({ playing: true });
    store.seekVideoSec(3_000);
    startSeekEvents();
    expect(painterSaw).toEqual([3_000]);
    expect(store.live().currentSec).toBe(3_000);
    expect(reactSaw).toEqual([]);
    expect(store.getSnapshot().currentSec).toBe(0);

    // timeupdate and seeked come before the frame: still held.
    finishSeek();
    expect(reactSaw).toEqual([]);

    presentFrame();
    expect(reactSaw).toEqual([3_000]);
    expect(store.getSnapshot().currentSec).toBe(3_000);
  });

  it('shows a seek made while paused when it completes (Chromium paints that frame before seeked)', () => {
    const { store, startSeekEvents, finishSeek, reactSaw, pendingFrameCallbacks } = attachedStore();
    store.seekVideoSec(3_000);
    startSeekEvents();
    expect(reactSaw).toEqual([]);
    finishSeek();
    expect(reactSaw).toEqual([3_000]);
    expect(pendingFrameCallbacks()).toBe(0);
  });

  it('holds the spinner back while a seek loads', () => {
    const { store, video, startSeekEvents, finishSeek, presentFrame } = attachedStore({ playing: true });
    store.seekVideoSec(1_000);
    startSeekEvents();
    video.dispatchEvent(new Event('waiting'));
    expect(store.live().waiting).toBe(true);
    expect(store.getSnapshot().waiting).toBe(false);
    finishSeek();
    presentFrame();
    expect(store.getSnapshot().waiting).toBe(false);
  });

  it('keeps holding when another seek starts before the first one shows a frame', () => {
    const { store, startSeekEvents, finishSeek, presentFrame, reactSaw } = attachedStore({ playing: true });
    store.seekVideoSec(1_000);
    startSeekEvents();
    finishSeek();
    store.seekVideoSec(2_000);
    startSeekEvents();
    presentFrame();
    expect(reactSaw).toEqual([]);
    finishSeek();
    presentFrame();
    expect(reactSaw).toEqual([2_000]);
  });

  it(`shows a seek that takes longer than ${SEEK_HOLD_MAX_MS} ms without waiting for its frame`, () => {
    vi.useFakeTimers();
    const { store, startSeekEvents, reactSaw } = attachedStore();
    store.seekVideoSec(5_000);
    startSeekEvents();
    vi.advanceTimersByTime(SEEK_HOLD_MAX_MS - 1);
    expect(reactSaw).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(reactSaw).toEqual([5_000]);
  });

  it('stops holding when it is detached', () => {
    vi.useFakeTimers();
    const { store, startSeekEvents, detach, reactSaw, pendingFrameCallbacks, finishSeek } = attachedStore({ playing: true });
    store.seekVideoSec(5_000);
    startSeekEvents();
    finishSeek();
    expect(pendingFrameCallbacks()).toBe(2); // the playhead's and the hold's
    detach();
    expect(pendingFrameCallbacks()).toBe(0);
    vi.advanceTimersByTime(SEEK_HOLD_MAX_MS);
    expect(reactSaw).toEqual([]);
  });
});

describe('PlayerStore while playing', () => {
  it('follows the video once per presented frame, without a display-rate loop', () => {
    const animationFrame = vi.spyOn(window, 'requestAnimationFrame');
    const { play, advanceTo, presentFrame, reactSaw, painterSaw, pendingFrameCallbacks } = attachedStore();
    play();
    expect(pendingFrameCallbacks()).toBe(1);
    advanceTo(0.04);
    presentFrame();
    advanceTo(0.08);
    presentFrame();
    expect(painterSaw.slice(-2)).toEqual([0.04, 0.08]);
    expect(reactSaw.slice(-2)).toEqual([0.04, 0.08]);
    expect(pendingFrameCallbacks()).toBe(1);
    expect(animationFrame).not.toHaveBeenCalled();
  });

  it('follows a video that was already playing when it attached (a shared link starts before the app)', () => {
    const { advanceTo, presentFrame, painterSaw, pendingFrameCallbacks } = attachedStore({ playing: true });
    expect(pendingFrameCallbacks()).toBe(1);
    advanceTo(1.5);
    presentFrame();
    expect(painterSaw.at(-1)).toBe(1.5);
  });
});

describe('PlayerStore.setPlaybackRate', () => {
  it('sets the default rate too, so a new load of the video (fallback, renewed link, Retry) keeps the chosen speed', () => {
    const store = new PlayerStore();
    const video = document.createElement('video');
    const detach = store.attach(video, null);
    store.setPlaybackRate(2);
    expect(video.playbackRate).toBe(2);
    expect(video.defaultPlaybackRate).toBe(2);
    detach();
  });
});

