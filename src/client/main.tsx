import { initialRoute, markAppShown } from './boot';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { startTransition, StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { replayQueryOptions } from './api/replay-query';
import { loadViewerPage } from './views/viewer-page-module';

const queryClient = new QueryClient();

/** Tells boot.ts that the app is on screen (its first commit), so that it never says the app is slow. */
function AppShownSignal(): null {
  useEffect(markAppShown, []);
  return null;
}

function render(): void {
  const root = document.getElementById('root');
  if (!root) return;
  const reactRoot = createRoot(root);
  // Rendered in slices, so that the video's head start keeps moving while React builds the page.
  startTransition(() =>
    reactRoot.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <App />
          <AppShownSignal />
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
}

if (initialRoute.kind === 'viewer') {
  // Takes the answer boot.ts read from the preload; validated before the viewer page renders.
  void queryClient.prefetchQuery(replayQueryOptions(initialRoute.sessionId));
  // The viewer's chunk is preloaded: waiting for it lets the first commit hold the player.
  loadViewerPage().then(render, render);
} else {
  render();
}
