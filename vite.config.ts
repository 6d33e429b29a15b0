import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { devProxyPlugin } from './scripts/vite-dev-proxy.ts';
import { playerChunkPlugin } from './scripts/vite-player-chunk-plugin.ts';

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), devProxyPlugin(), playerChunkPlugin()],
  build: {
    outDir: isSsrBuild ? 'dist-server' : 'dist',
    target: 'es2022',
    // The server bundle needs no copy of the media and icons in public/.
    copyPublicDir: !isSsrBuild,
  },
  server: { host: '127.0.0.1', port: 5173 },
}));
