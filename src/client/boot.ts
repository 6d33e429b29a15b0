import { QueryClient } from '@tanstack/react-query';
import { replayQueryOptions } from './api/replay-query';
import { startPlaybackHeadStart } from './player/playback-head-start';
import { parseRoute } from './routing/route';
import { applyThemeChoice, readThemeChoice } from './ui/theme';
import './styles.css';

// index.html runs this small entry only. A shared link starts its replay request (answered from
// the HTML's preload) and the video itself here (hls.js is evaluated only for a stream); the video
// plays in the server's shell of the page (src/server/viewer-shell.ts) until React's Player adopts
// it. The app (React and the rest) downloads in parallel (modulepreload) but is evaluated only once
// the video has shown its first frame: its start-up is ~100-300 ms of main thread that would
// otherwise stand between the replay's answer and the picture. The wait is capped, so that the
// page's controls never wait long for a slow video.
const APP_WAITS_FOR_VIDEO_AT_MOST_MS = 800;

// Before anything paints in the chosen theme's colours.
applyThemeChoice(readThemeChoice());

export const queryClient = new QueryClient();

export const initialRoute = parseRoute(window.location.pathname, window.location.search);

let videoSettled: Promise<void> = Promise.resolve();
if (initialRoute.kind === 'viewer') {
  const shellStage = document.querySelector('[data-shell-stage]');
  const headStart = startPlaybackHeadStart(
    initialRoute.sessionId,
    initialRoute.start,
    queryClient.fetchQuery(replayQueryOptions(initialRoute.sessionId)),
    shellStage,
  );
  // Without the server's shell (`npm run dev`) no frame can show before React: nothing to wait for.
  if (shellStage) videoSettled = headStart;
}

const capped = new Promise<void>((resolve) => setTimeout(resolve, APP_WAITS_FOR_VIDEO_AT_MOST_MS));
void Promise.race([videoSettled, capped])
  .then(() => {
    // User timing: when the app (React) starts, next to the first frame, for the bench and for RUM.
    performance.mark('replay-viewer:app-start');
    return import('./main');
  })
  .catch(() => showAppLoadFailure());

/** The app's code did not arrive (offline, or a deploy replaced it): say so instead of a page without controls. */
function showAppLoadFailure(): void {
  const alert = document.createElement('div');
  alert.className = 'notice notice-error app-load-failure';
  alert.setAttribute('role', 'alert');
  const title = document.createElement('p');
  title.className = 'notice-title';
  title.textContent = 'The viewer could not load';
  const hint = document.createElement('p');
  const reload = document.createElement('a');
  reload.href = window.location.href;
  reload.textContent = 'Reload the page';
  hint.append('Its code did not arrive: check the connection. ', reload, '.');
  alert.append(title, hint);
  document.getElementById('root')?.prepend(alert);
}
