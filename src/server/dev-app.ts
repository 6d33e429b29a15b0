import type { Hono } from 'hono';
import { createApp, type AppEnv } from './app';
import { readServerConfig } from './config';
import { createNodeAssetReader } from './node-asset-reader';

let current: { key: string; app: Hono<AppEnv> } | null = null;

/**
 * The app for `npm run dev` (Vite serves the client; this answers /api, /healthz, /demo-storage),
 * reading demo media straight from `public/`. One instance per module load: the cache, the 429
 * cooldown and the demo signing secret must outlive a single request.
 */
export function createDevApp(env: Readonly<Record<string, unknown>>, publicDir: string): Hono<AppEnv> {
  const config = readServerConfig(env);
  const key = JSON.stringify([publicDir, config]);
  if (current?.key === key) return current.app;
  const app = createApp({
    config,
    fetchUpstream: fetch,
    nowMs: Date.now,
    readAsset: createNodeAssetReader(publicDir),
    log: (line) => process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`),
  });
  current = { key, app };
  return app;
}
