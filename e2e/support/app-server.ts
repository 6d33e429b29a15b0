/**
 * Starts the BUILT app exactly as `npm start` does after a build: `node dist-server/node-main.js`
 * with PORT/HOST/NOTTE_API_URL/NOTTE_API_KEY in the environment. Captures stdout and stderr so tests
 * can assert that the key never reaches the logs.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEdgeServer } from './edge-server.js';
import { serverHandle, waitForHealthz } from './server-process.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER_ENTRY = path.join(REPO_ROOT, 'dist-server', 'node-main.js');

export interface AppServerOptions {
  /** NOTTE_API_URL; omitted in demo mode. */
  upstreamUrl?: string;
  /** NOTTE_API_KEY; null or omitted → demo mode (the variable is not set at all). */
  apiKey?: string | null;
  /** Extra environment (e.g. RATE_LIMIT_PER_MINUTE, UPSTREAM_TIMEOUT_MS). */
  env?: Record<string, string>;
  /** How long to wait for /healthz. */
  startTimeoutMs?: number;
  /**
   * `node`: `node dist-server/node-main.js`; `edge`: workerd (edge-server.ts).
   * Default: E2E_RUNTIME, else node. The Playwright project `edge` sets it through the `appRuntime` option.
   */
  runtime?: AppRuntime;
  /** How workerd is run for `edge` (edge-server.ts). Default: E2E_EDGE_VIA, else miniflare. */
  edgeVia?: EdgeVia;
}

export type AppRuntime = 'node' | 'edge';
export type EdgeVia = 'miniflare' | 'wrangler-dev';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface AppServer {
  url: string;
  port: number;
  pid: number;
  /** Everything the process printed so far (stdout and stderr, interleaved). */
  log(): string;
  stdout(): string;
  stderr(): string;
  /** Sends SIGTERM and waits for the exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<ExitInfo>;
  exited(): ExitInfo | null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startAppServer(options: AppServerOptions = {}): Promise<AppServer> {
  if ((options.runtime ?? process.env['E2E_RUNTIME'] ?? 'node') === 'edge') return startEdgeServer(options);
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(`${path.relative(REPO_ROOT, SERVER_ENTRY)} is missing: run \`npm run build\` first (npm run test:e2e does).`);
  }
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    // Nothing from the outer environment may switch modes or point elsewhere.
    if (name.startsWith('NOTTE_') || name === 'PORT' || name === 'HOST') continue;
    env[name] = value;
  }
  env['PORT'] = String(port);
  env['HOST'] = '127.0.0.1';
  env['NODE_ENV'] = 'production';
  if (options.upstreamUrl !== undefined) env['NOTTE_API_URL'] = options.upstreamUrl;
  if (options.apiKey) env['NOTTE_API_KEY'] = options.apiKey;
  Object.assign(env, options.env);

  const child = spawn(process.execPath, [SERVER_ENTRY], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const server = serverHandle(child, { forceKill: () => child.kill('SIGKILL') });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealthz(server, url, Date.now() + (options.startTimeoutMs ?? 15_000), { name: 'app server', probeTimeoutMs: 1_000 });
  return { url, port, ...server };
}
