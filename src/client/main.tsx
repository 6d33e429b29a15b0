import { initialRoute, queryClient } from './boot';
import { QueryClientProvider } from '@tanstack/react-query';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadViewerPage } from './views/viewer-page-module';

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
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
}

// The viewer's chunk is modulepreloaded: waiting for it lets the first commit hold the player.
if (initialRoute.kind === 'viewer') loadViewerPage().then(render, render);
else render();
