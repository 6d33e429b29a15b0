import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { devProxyPlugin } from './scripts/vite-dev-proxy.ts';
import { bootEntryPlugin } from './scripts/vite-boot-entry-plugin.ts';
import { playerChunkPlugin } from './scripts/vite-player-chunk-plugin.ts';

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), devProxyPlugin(), playerChunkPlugin(), ...(isSsrBuild ? [] : [bootEntryPlugin()])],
  build: {
    outDir: isSsrBuild ? 'dist-server' : 'dist',
    target: 'es2022',
    // The server bundle needs no copy of the media and icons in public/.
    copyPublicDir: !isSsrBuild,
    // boot.ts is also an entry of its own: index.html runs it before the app's bundle (see bootEntryPlugin).
    rollupOptions: isSsrBuild ? undefined : { input: { index: 'index.html', boot: 'src/client/boot.ts' } },
  },
  server: { host: '127.0.0.1', port: 5173 },
}));
