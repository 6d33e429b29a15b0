import { readPreloadedReplay } from './api/preloaded-replay';
import { APP_SLOW_NOTICE_AFTER_MS, removeAppLoadNotice, showAppLoadNotice } from './app-load-notice';
import { preloadAppChunks } from './app-chunks';
import { hasCurrentFrame, whenFrameShown } from './player/first-frame';
import { startPlaybackHeadStart } from './player/playback-head-start';
import { withResumePosition } from './routing/resume-position';
import { parseRoute } from './routing/route';
import { applyThemeChoice, readThemeChoice } from './ui/theme';
import './styles.css';

// index.html runs this small entry only (async: it does not wait for the stylesheet and the first
// layout, only for the parser); on a shared link the server's page runs it from the player's stage
// instead, an mp4-only replay's once its video has shown its first frame (src/server/shell-boot.ts). It holds no zod,
// no react-query and no React: on a shared link it reads the replay that the HTML preloads and starts
// the video in the server's shell of the page (src/server/viewer-shell.ts): mp4 directly (or the one
// the HTML already started), hls.js only for a stream. The app (React and the rest) is downloaded and
// run once the video has shown its first frame: its download competes with the video's first bytes
// and its start-up is ~100-300 ms of main thread, both of which would otherwise stand between the
// replay's answer and the picture. The app validates the same answer with zod before it shows
// anything of it. The wait is capped, so the page's controls never wait long for a slow video.
const APP_WAITS_FOR_VIDEO_AT_MOST_MS = 800;

// User timing: when this entry runs, for the bench, the tests and RUM.
performance.mark('replay-viewer:boot');

// The theme before anything paints in it. The user's choice lives in localStorage, whose first read
// in a page is synchronous and slow (2-20 ms measured): once the server's mp4 is loading, it waits
// for the video's first frame like the rest (below), and the page shows the theme of the cookie,
// which the server sent it in, until then.
const themeWaitsForServerFrame = serverVideo() !== null;
if (!themeWaitsForServerFrame) applyStoredTheme();

const slowNoticeTimer = setTimeout(() => showAppLoadNotice('slow'), APP_SLOW_NOTICE_AFTER_MS);

/** main.tsx calls this once React has committed the app: no notice from here on. */
export function markAppShown(): void {
  clearTimeout(slowNoticeTimer);
  removeAppLoadNotice();
}

export const initialRoute = withResumePosition(parseRoute(window.location.pathname, window.location.search), window.history.state);

void whenParsed()
  .then(() => {
    // An mp4 the server's HTML is loading: until it shows its first frame this entry leaves the main
    // thread to it (the file's bytes reach the decoder through that thread), since nothing here is
    // needed before then: the video plays by itself. Measured: `loadedmetadata` 12-28 ms earlier.
    // The video runs this entry from its first frame's callback (src/server/shell-boot.ts): that
    // frame is on screen already, and waiting for the next one would only delay the app.
    const video = serverVideo();
    const waited =
      video === null
        ? Promise.resolve(false)
        : hasCurrentFrame(video)
          ? Promise.resolve(true)
          : whenFrameShown(video, APP_WAITS_FOR_VIDEO_AT_MOST_MS).then(() => true);
    return waited.then((waitedForServerVideo) => {
      if (themeWaitsForServerFrame) applyStoredTheme();
      return waitedForServerVideo;
    });
  })
  .then((waitedForServerVideo) => {
    if (initialRoute.kind !== 'viewer') return;
    const replay = readPreloadedReplay(initialRoute.sessionId);
    const shellStage = document.querySelector('[data-shell-stage]');
    const headStart = startPlaybackHeadStart(initialRoute.sessionId, initialRoute.start, replay, shellStage);
    // Nothing (more) to wait for: without the server's shell (`npm run dev`) no frame can show before
    // React, and the server's video has had its wait.
    if (shellStage === null || waitedForServerVideo) return;
    const capped = new Promise<void>((resolve) => setTimeout(resolve, APP_WAITS_FOR_VIDEO_AT_MOST_MS));
    return Promise.race([headStart, capped]);
  })
  .then(() => {
    // The viewer page's chunks, with the app's own (the HTML of a viewer page preloads none of them).
    if (initialRoute.kind === 'viewer') preloadAppChunks();
    // User timing: when the app (React) starts, next to the first frame, for the bench and for RUM.
    performance.mark('replay-viewer:app-start');
    return import('./main');
  })
  .catch(() => {
    // Only the boot chain and import('./main') land here: both before the app is shown.
    clearTimeout(slowNoticeTimer);
    showAppLoadNotice('failed');
  });

/** The `<video>` the server's HTML started for an mp4-only replay (src/server/shell-video.ts), once parsed. */
function serverVideo(): HTMLVideoElement | null {
  return document.querySelector<HTMLVideoElement>('[data-shell-stage] video[data-shell-video]');
}

function applyStoredTheme(): void {
  applyThemeChoice(readThemeChoice());
}

/** An async script can run before the parser has reached the page's body. */
function whenParsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}
