// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The app itself (React) is not what these tests are about: only when boot.ts imports it.
const app = vi.hoisted(() => ({ imports: 0 }));
vi.mock('./main', () => {
  app.imports += 1;
  return {};
});

const THEME_KEY = 'replay-viewer.theme';
const REPLAY_PATH = '/api/sessions/s1/replay';

interface Harness {
  storageReads: string[];
  replayRequests: string[];
  /** Presents a frame of the server's video: its frame callbacks run. */
  presentFrame: () => void;
}

/** A viewer page as the server sends it; `serverVideo`: the mp4 its HTML started. */
function servedViewerPage({ serverVideo }: { serverVideo: boolean }): Harness {
  window.history.replaceState(null, '', '/sessions/s1');
  const video = serverVideo ? '<video class="player-video" data-shell-video="" autoplay muted src="/s/clip.mp4"></video>' : '';
  document.body.innerHTML = `<div id="root"><div class="player-stage" data-shell-stage="">${video}<div class="player-buffering"></div></div></div>`;
  const frameCallbacks: VideoFrameRequestCallback[] = [];
  vi.spyOn(HTMLVideoElement.prototype, 'requestVideoFrameCallback').mockImplementation((callback: VideoFrameRequestCallback) => {
    frameCallbacks.push(callback);
    return frameCallbacks.length;
  });
  vi.spyOn(HTMLVideoElement.prototype, 'cancelVideoFrameCallback').mockImplementation(() => undefined);
  const storageReads: string[] = [];
  const getItem = Storage.prototype.getItem;
  vi.spyOn(Storage.prototype, 'getItem').mockImplementation(function (this: Storage, key: string) {
    storageReads.push(key);
    return getItem.call(this, key);
  });
  const replayRequests: string[] = [];
  vi.spyOn(window, 'fetch').mockImplementation((input) => {
    replayRequests.push(String(input));
    return new Promise<Response>(() => undefined);
  });
  return {
    storageReads,
    replayRequests,
    presentFrame: () => {
      for (const callback of frameCallbacks.splice(0)) callback(performance.now(), {} as VideoFrameCallbackMetadata);
    },
  };
}

// The real timer, kept for tests that fake the clock (vi.useFakeTimers replaces the global).
const realSetTimeout = globalThis.setTimeout;
const nextTask = () => new Promise((resolve) => realSetTimeout(resolve, 0));

beforeEach(() => {
  vi.resetModules();
  app.imports = 0;
  // happy-dom has no frame callbacks: stand-ins for the spies above to replace.
  HTMLVideoElement.prototype.requestVideoFrameCallback ??= () => 0;
  HTMLVideoElement.prototype.cancelVideoFrameCallback ??= () => undefined;
  window.localStorage.setItem(THEME_KEY, 'dark');
  document.documentElement.removeAttribute('data-theme');
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  window.localStorage.clear();
  document.body.innerHTML = '';
});

describe('boot.ts on a viewer page', () => {
  it("leaves an mp4 the server's HTML started alone until its first frame is shown, then does its work", async () => {
    // The clock stands still: no wait that is capped by a timer (800 ms) can end in this test.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const page = servedViewerPage({ serverVideo: true });
    await import('./boot');
    await nextTask();
    await nextTask();
    expect(page.storageReads, 'no localStorage read before the frame').toEqual([]);
    expect(page.replayRequests, 'no replay request before the frame').toEqual([]);
    expect(app.imports, 'no app before the frame').toBe(0);
    expect(document.documentElement.getAttribute('data-theme'), "the server's theme until then").toBeNull();

    page.presentFrame();
    // The task after the frame's callbacks (a 0 ms timer): the only timer due without the clock moving.
    vi.advanceTimersByTime(0);
    await nextTask();
    await nextTask();
    expect(page.storageReads).toContain(THEME_KEY);
    expect(document.documentElement.getAttribute('data-theme'), 'the stored theme, after the frame').toBe('dark');
    expect(page.replayRequests.some((url) => url.endsWith(REPLAY_PATH)), 'the head start reads the preloaded replay').toBe(true);
    // A second wait for a frame (none comes here) or for the head start (its fetch never answers) would
    // end only at its 800 ms cap, which cannot come: the app would never be imported. Waiting longer
    // cannot change that, so the real-time limit here only guards against a hang (module loading may be slow).
    const giveUpAtMs = Date.now() + 3_000;
    while (app.imports === 0 && Date.now() < giveUpAtMs) await nextTask();
    expect(app.imports, 'the app, with no second wait for a frame').toBe(1);
  });

  it('run before the server has sent the video (a slow lookup): the theme at once, the rest after the frame', async () => {
    const page = servedViewerPage({ serverVideo: true });
    const stage = document.querySelector('[data-shell-stage]');
    const video = stage?.querySelector('video');
    video?.remove();
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    await import('./boot');
    expect(document.documentElement.getAttribute('data-theme'), 'nothing loads yet: the theme before any paint').toBe('dark');

    if (video) stage?.prepend(video);
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('interactive');
    document.dispatchEvent(new Event('DOMContentLoaded'));
    await nextTask();
    await nextTask();
    expect(page.replayRequests, 'no replay request before the frame').toEqual([]);
    page.presentFrame();
    await nextTask();
    await nextTask();
    expect(page.replayRequests.some((url) => url.endsWith(REPLAY_PATH))).toBe(true);
  });

  it('with no video from the server (a stream), applies the stored theme at once and starts the head start', async () => {
    const page = servedViewerPage({ serverVideo: false });
    await import('./boot');
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    await nextTask();
    expect(page.replayRequests.some((url) => url.endsWith(REPLAY_PATH))).toBe(true);
  });
});
