/**
 * The same app under workerd, the Cloudflare Workers runtime: the Worker entry (src/server/worker-main.ts)
 * bundled as `wrangler deploy` would upload it, with the built client (dist/) as its static assets and
 * wrangler.jsonc's settings. Same options and handle as the Node server (app-server.ts), so the specs
 * run unchanged against either runtime. Each server gets its own port and Cache API state, removed on stop.
 * Servers run a snapshot (buildWorkerSnapshot: the `wrangler deploy --dry-run` bundle and a copy of
 * dist/, made once per test run), so rebuilds or edits during a run cannot reload them.
 * Two ways to run it (`edgeVia`, or E2E_EDGE_VIA): `miniflare` (default; scripts/edge-miniflare.mjs: the
 * Worker with nothing in front of it) and `wrangler-dev` (`wrangler dev --local`, exactly as
 * `npm run start:edge` runs it; its dev proxy stalled whole test runs: e2e/README.md).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  buildWorkerSnapshot,
  PLAIN_VARS,
  SECRET_VARS,
  wranglerProcessEnv,
  type WorkerSnapshot,
} from '../../scripts/edge-dev.mjs';
import { freePort, REPO_ROOT, type AppServer, type AppServerOptions, type EdgeVia } from './app-server.js';
import { miniflareLaunch, wranglerDevLaunch } from './edge-launch.js';
import { serverHandle, waitForHealthz } from './server-process.js';

const DEFAULT_EDGE_START_TIMEOUT_MS = 30_000;

// One snapshot (bundle + copy of dist/) per test run, shared by its worker processes (all children
// of the runner: keyed by its pid). The first worker to claim the directory builds it; the others
// wait for its `ready` mark. Snapshots of finished runs are removed when a new one is built.
const SNAPSHOT_PREFIX = 'replay-viewer-edge-run-';
const SNAPSHOT_WAIT_MS = 120_000;
let snapshotPromise: Promise<WorkerSnapshot> | null = null;
function workerSnapshot(): Promise<WorkerSnapshot> {
  if (snapshotPromise === null) {
    const attempt = sharedSnapshot(process.ppid);
    snapshotPromise = attempt;
    attempt.catch(() => {
      if (snapshotPromise === attempt) snapshotPromise = null;
    });
  }
  return snapshotPromise;
}

async function sharedSnapshot(runId: number): Promise<WorkerSnapshot> {
  const dir = path.join(os.tmpdir(), `${SNAPSHOT_PREFIX}${runId}`);
  const readyMark = path.join(dir, 'ready.json');
  try {
    mkdirSync(dir);
  } catch {
    // Another worker of this run builds it (or has built it).
    const deadline = Date.now() + SNAPSHOT_WAIT_MS;
    while (!existsSync(readyMark)) {
      if (existsSync(path.join(dir, 'failed'))) rmSync(dir, { recursive: true, force: true });
      if (!existsSync(dir) || Date.now() > deadline) return buildWorkerSnapshot();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return { ...(JSON.parse(readFileSync(readyMark, 'utf8')) as Omit<WorkerSnapshot, 'cleanup'>), cleanup: () => undefined };
  }
  removeFinishedRuns(runId);
  try {
    const snapshot = await buildWorkerSnapshot(dir);
    writeFileSync(readyMark, JSON.stringify({ script: snapshot.script, assetsDir: snapshot.assetsDir }));
    return { ...snapshot, cleanup: () => undefined };
  } catch (error) {
    writeFileSync(path.join(dir, 'failed'), String(error));
    throw error;
  }
}

function removeFinishedRuns(currentRunId: number): void {
  for (const name of readdirSync(os.tmpdir())) {
    if (!name.startsWith(SNAPSHOT_PREFIX)) continue;
    const runId = Number(name.slice(SNAPSHOT_PREFIX.length));
    if (!Number.isInteger(runId) || runId === currentRunId || isAlive(runId)) continue;
    rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Every edge server started here (wrangler or edge-miniflare.mjs), by process group. A server whose
// start was abandoned (a fixture timeout) or never stopped must not outlive this worker process: killed on exit.
const liveGroups = new Set<number>();
let exitHookInstalled = false;
function trackGroup(pid: number): void {
  liveGroups.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const group of liveGroups) {
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}

export async function startEdgeServer(options: AppServerOptions = {}): Promise<AppServer> {
  // (REPO_ROOT is read here, not at load: app-server.ts and this module import each other.)
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'index.html'))) {
    throw new Error('dist/index.html is missing: run `npm run build` first (npm run test:e2e does).');
  }
  const snapshotStartedAtMs = Date.now();
  const snapshot = await workerSnapshot();
  const snapshotMs = Date.now() - snapshotStartedAtMs;
  const port = await freePort();
  const settings: Record<string, string> = {};
  const extraVars: Record<string, string> = {};
  if (options.upstreamUrl !== undefined) settings['NOTTE_API_URL'] = options.upstreamUrl;
  if (options.apiKey) settings['NOTTE_API_KEY'] = options.apiKey;
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (PLAIN_VARS.includes(name) || SECRET_VARS.includes(name)) settings[name] = value;
    else extraVars[name] = value;
  }
  const via = options.edgeVia ?? edgeViaFromEnvironment();
  const launch = (via === 'miniflare' ? miniflareLaunch : wranglerDevLaunch)({ port, settings, extraVars, snapshot });

  // Nothing from the outer environment may switch modes or point elsewhere (wranglerProcessEnv drops
  // the app's variables; bindings come only from the launch's arguments or its stdin).
  const env = wranglerProcessEnv({ ...process.env, PORT: undefined, HOST: undefined });
  const startedAtMs = Date.now();
  const child = spawn(process.execPath, launch.args, {
    cwd: REPO_ROOT,
    env,
    stdio: [launch.stdinLine === null ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    // Its own process group: a last-resort SIGKILL reaches workerd too.
    detached: true,
  });
  if (launch.stdinLine !== null) {
    // Left open: edge-miniflare.mjs stops when it ends, so the server dies with this process, however it dies.
    child.stdin?.on('error', () => undefined);
    child.stdin?.write(`${launch.stdinLine}\n`);
  }
  const logDir = process.env['E2E_EDGE_LOG_DIR'];
  if (logDir) keepOutputIn(child, path.join(logDir, `edge-${port}.log`));
  const killGroup = (signal: NodeJS.Signals): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };

  if (child.pid !== undefined) trackGroup(child.pid);
  const server = serverHandle(child, {
    forceKill: () => killGroup('SIGKILL'),
    onExit: () => {
      // workerd may outlive a parent that died abnormally: the whole group goes.
      killGroup('SIGKILL');
      if (child.pid !== undefined) liveGroups.delete(child.pid);
      launch.cleanup();
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = startedAtMs + (options.startTimeoutMs ?? DEFAULT_EDGE_START_TIMEOUT_MS);
  await waitForHealthz(server, url, deadline, { name: via, probeTimeoutMs: 2_000 });
  if (process.env['E2E_EDGE_TIMING'] === '1') {
    console.log(`[edge-server] ${via} ready in ${Date.now() - startedAtMs} ms (snapshot wait ${snapshotMs} ms)`);
  }

  return { url, port, ...server };
}

function edgeViaFromEnvironment(): EdgeVia {
  const value = process.env['E2E_EDGE_VIA'];
  if (value === undefined || value === '' || value === 'miniflare') return 'miniflare';
  if (value === 'wrangler-dev') return 'wrangler-dev';
  throw new Error(`E2E_EDGE_VIA=${value}: expected miniflare or wrangler-dev`);
}

/** Every chunk the server prints, stamped with the time it arrived (the test log has no times). */
function keepOutputIn(child: ChildProcess, file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  const stamp = (stream: string) => (chunk: string | Buffer) => out.write(`${new Date().toISOString()} ${stream} ${String(chunk)}`);
  child.stdout?.on('data', stamp('OUT'));
  child.stderr?.on('data', stamp('ERR'));
  child.once('exit', () => out.end());
}
