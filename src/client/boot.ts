import { QueryClient } from '@tanstack/react-query';
import { replayQueryOptions } from './api/replay-query';
import { loadHls } from './player/load-hls';
import { startPlaybackHeadStart } from './player/playback-head-start';
import { parseRoute } from './routing/route';
import { applyThemeChoice, readThemeChoice } from './ui/theme';
import { loadViewerPage } from './views/viewer-page-module';

// index.html runs this entry before the app's bundle: a shared link starts its replay request
// (answered from the HTML's preload), hls.js, the viewer chunk and the video itself before
// react-dom and the app are even evaluated. The video plays in the server's shell of the page
// (src/server/viewer-shell.ts) until React's Player adopts it.

// Before anything paints in the chosen theme's colours.
applyThemeChoice(readThemeChoice());

export const queryClient = new QueryClient();

export const initialRoute = parseRoute(window.location.pathname, window.location.search);

if (initialRoute.kind === 'viewer') {
  void loadHls();
  void loadViewerPage();
  startPlaybackHeadStart(
    initialRoute.sessionId,
    initialRoute.start,
    queryClient.fetchQuery(replayQueryOptions(initialRoute.sessionId)),
    document.querySelector('[data-shell-stage]'),
  );
}
