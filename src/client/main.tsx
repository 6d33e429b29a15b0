import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadHls } from './player/load-hls';
import { replayQueryOptions } from './api/replay-query';
import { parseRoute } from './routing/route';
import { applyThemeChoice, readThemeChoice } from './ui/theme';
import './styles.css';

applyThemeChoice(readThemeChoice());

const queryClient = new QueryClient();

// A shared link opens straight on a viewer: the replay request (answered from the HTML's preload)
// and hls.js start before React renders, so the player can mount in the first commit.
const route = parseRoute(window.location.pathname, window.location.search);
if (route.kind === 'viewer') {
  void queryClient.prefetchQuery(replayQueryOptions(route.sessionId));
  void loadHls();
}
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
