import { getRequestListener } from '@hono/node-server';
import type { Plugin } from 'vite';

const SERVER_PATHS = ['/api/', '/healthz', '/demo-storage/'];

/**
 * `npm run dev`: Vite serves the client with hot reload and hands the proxy's paths to the same
 * app factory `npm start` uses, re-loaded on change, reading demo media from `public/`.
 */
export function devProxyPlugin(): Plugin {
  return {
    name: 'replay-viewer-dev-proxy',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const url = req.url ?? '/';
        if (!SERVER_PATHS.some((prefix) => url.startsWith(prefix))) {
          next();
          return;
        }
        try {
          const { createDevApp } = (await server.ssrLoadModule('/src/server/dev-app.ts')) as typeof import('../src/server/dev-app');
          const app = createDevApp(process.env, `${server.config.root}/public`);
          await getRequestListener((request) => app.fetch(request, { clientAddress: req.socket.remoteAddress }))(req, res);
        } catch (error) {
          next(error);
        }
      });
    },
  };
}
