import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadHls } from './player/load-hls';
import { applyThemeChoice, readThemeChoice } from './ui/theme';
import './styles.css';

applyThemeChoice(readThemeChoice());

// A shared link opens straight on a viewer: fetch hls.js while React and the replay request start.
if (window.location.pathname.startsWith('/sessions/')) void loadHls();

const queryClient = new QueryClient();
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
