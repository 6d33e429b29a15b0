import { QueryClient } from '@tanstack/react-query';
import { replayQueryOptions } from './api/replay-query';
import { loadHls } from './player/load-hls';
import { startPlaybackHeadStart } from './player/playback-head-start';
import { parseRoute } from './routing/route';
import { loadViewerPage } from './views/viewer-page-module';

// main.tsx imports this module first: modules run in import order, so a shared link starts its
// replay request (answered from the HTML's preload), hls.js, the viewer chunk and the video itself
// before react-dom and the app are even evaluated. The Player later adopts the running video.

export const queryClient = new QueryClient();

export const initialRoute = parseRoute(window.location.pathname, window.location.search);

if (initialRoute.kind === 'viewer') {
  void loadHls();
  void loadViewerPage();
  startPlaybackHeadStart(
    initialRoute.sessionId,
    initialRoute.start,
    queryClient.fetchQuery(replayQueryOptions(initialRoute.sessionId)),
  );
}
