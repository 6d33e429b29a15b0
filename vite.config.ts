import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { devProxyPlugin } from './scripts/vite-dev-proxy.ts';
import { appPreloadPlugin } from './scripts/vite-app-preload-plugin.ts';
import { playerChunkPlugin } from './scripts/vite-player-chunk-plugin.ts';

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), devProxyPlugin(), playerChunkPlugin(), ...(isSsrBuild ? [] : [appPreloadPlugin()])],
  build: {
    outDir: isSsrBuild ? 'dist-server' : 'dist',
    target: 'es2022',
    // The server bundle needs no copy of the media and icons in public/.
    copyPublicDir: !isSsrBuild,
    // React in one chunk of its own: the app and the viewer page are both loaded by import(), and
    // left to itself the bundler splits React between them into small shared chunks.
    rollupOptions: isSsrBuild
      ? undefined
      : { output: { advancedChunks: { groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }] } } },
  },
  server: { host: '127.0.0.1', port: 5173 },
}));
