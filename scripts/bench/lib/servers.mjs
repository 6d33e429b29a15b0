// Processes and servers the bench needs, all on 127.0.0.1: the build, the fake Notte upstream (its
// own process), the app (`node dist-server/node-main.js`) and the bare pages' static server.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const RESULTS_DIR = path.join(ROOT, 'bench-results');
const CACHE_DIR = path.join(RESULTS_DIR, '.cache');
const SERVER_ENTRY = path.join(ROOT, 'dist-server', 'node-main.js');
const BUILT_PAGE = path.join(ROOT, 'dist', 'index.html');
const BUILD_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'package-lock.json'];
export const FAKE_API_KEY = 'nk_bench_fake_key_not_a_secret';

// ---- build -----------------------------------------------------------------------------------------

function newestMtimeMs(p) {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(p).reduce((newest, name) => Math.max(newest, newestMtimeMs(path.join(p, name))), stat.mtimeMs);
}

export function buildIsStale() {
  if (!existsSync(SERVER_ENTRY) || !existsSync(BUILT_PAGE)) return true;
  const builtAt = Math.min(statSync(SERVER_ENTRY).mtimeMs, statSync(BUILT_PAGE).mtimeMs);
  return BUILD_INPUTS.some((input) => newestMtimeMs(path.join(ROOT, input)) > builtAt);
}

/** Runs `npm run build` when forced or when sources are newer than the build (like `npm start`). */
export function ensureBuild({ force }) {
  const stale = buildIsStale();
  if (!force && !stale) return { built: false, reason: 'up to date' };
  const startedAt = Date.now();
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 180_000 });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    throw new Error(`npm run build failed (status ${result.status})`);
  }
  return { built: true, reason: force ? 'forced' : 'sources newer than dist', ms: Date.now() - startedAt };
}

// ---- child processes ---------------------------------------------------------------------------------

const children = new Set();

/** Ends every child this bench started (by its own pid); called on exit and on signals. */
export function stopAllChildren() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
}

function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

async function waitFor(check, { timeoutMs, what }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// ---- fake upstream -------------------------------------------------------------------------------------

/**
 * Bundles e2e/support/fake-upstream.ts (read-only; TypeScript cannot run on Node 20 directly) with
 * rolldown, Vite 8's bundler, into bench-results/.cache, and starts it in its own process so that
 * load-testing it directly does not share an event loop with the load generator.
 */
export async function startFakeUpstream() {
  mkdirSync(CACHE_DIR, { recursive: true });
  const bundle = path.join(CACHE_DIR, 'fake-upstream.mjs');
  const { build } = await import('rolldown');
  await build({
    input: path.join(ROOT, 'e2e', 'support', 'fake-upstream.ts'),
    platform: 'node',
    logLevel: 'warn',
    write: true,
    output: { file: bundle, format: 'esm' },
  });
  const child = track(
    spawn(process.execPath, [path.join(ROOT, 'scripts', 'bench', 'lib', 'fake-upstream-child.mjs'), bundle, path.join(ROOT, 'e2e', 'fixtures', 'media'), FAKE_API_KEY], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (err += chunk));
  const info = await waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`fake upstream exited: ${err}`);
      const line = out.split('\n').find((l) => l.startsWith('{'));
      return line ? JSON.parse(line) : null;
    },
    { timeoutMs: 15_000, what: 'the fake upstream' },
  );
  const control = async (pathname, method = 'GET') => {
    const response = await fetch(`${info.apiUrl}${pathname}`, { method, headers: { 'x-fake-upstream-control': '1' } });
    return response.json();
  };
  return {
    ...info,
    pid: child.pid,
    replayCalls: async (sessionId) => (await control(`/__control/requests?session=${encodeURIComponent(sessionId)}`)).filter((r) => r.kind === 'replay').length,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    },
  };
}

// ---- the app ---------------------------------------------------------------------------------------------

/**
 * Starts the built app as `npm start` would, with a clean environment for NOTTE_* / PORT / HOST.
 * `apiUrl` + `apiKey` → proxy mode against the fake upstream; neither → embedded demo mode.
 * The per-client rate limit is off (RATE_LIMIT_PER_MINUTE=0): the load test comes from one address.
 */
export async function startApp({ apiUrl, apiKey, logName }) {
  const port = await freePort();
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name.startsWith('NOTTE_') || name === 'PORT' || name === 'HOST' || name === 'RATE_LIMIT_PER_MINUTE') continue;
    env[name] = value;
  }
  Object.assign(env, { PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '0' });
  if (apiUrl) env.NOTTE_API_URL = apiUrl;
  if (apiKey) env.NOTTE_API_KEY = apiKey;
  mkdirSync(RESULTS_DIR, { recursive: true });
  // The app logs a JSON line per request: to a file, so that logging costs what it costs in production.
  const logFd = openSync(path.join(RESULTS_DIR, `${logName}.log`), 'w');
  const child = track(spawn(process.execPath, [SERVER_ENTRY], { cwd: ROOT, env, stdio: ['ignore', logFd, logFd] }));
  closeSync(logFd);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`app exited during start-up (code ${child.exitCode}); see bench-results/${logName}.log`);
      try {
        const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
        return response.ok;
      } catch {
        return false;
      }
    },
    { timeoutMs: 15_000, what: `${url}/healthz` },
  );
  return {
    url,
    pid: child.pid,
    rssBytes: () => readRssBytes(child.pid),
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      clearTimeout(timer);
    },
  };
}

export function readRssBytes(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

// ---- the bare pages' server ----------------------------------------------------------------------------

const STATIC_FILES = {
  '/bare/hls.html': path.join(ROOT, 'scripts', 'bench', 'bare', 'hls.html'),
  '/bare/hls-page.js': path.join(ROOT, 'scripts', 'bench', 'bare', 'hls-page.js'),
  '/bare/mp4.html': path.join(ROOT, 'scripts', 'bench', 'bare', 'mp4.html'),
  '/bare/mp4-page.js': path.join(ROOT, 'scripts', 'bench', 'bare', 'mp4-page.js'),
  '/vendor/hls.min.js': path.join(ROOT, 'node_modules', 'hls.js', 'dist', 'hls.min.js'),
};
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/**
 * Serves the bare floor pages and full hls.js, uncompressed like the app serves its assets, and
 * passes /api/* through to the app, so the bare page fetches the replay same-origin through the
 * very same proxy (one extra loopback hop, measured and reported as `bareApiHopMs`).
 */
export async function startBareServer(appUrl) {
  const target = new URL(appUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bare.invalid');
    if (url.pathname.startsWith('/api/')) {
      const upstream = http.request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host }, agent },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
      return;
    }
    const file = STATIC_FILES[url.pathname];
    if (!file || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const size = statSync(file).size;
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': size, 'cache-control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  server.keepAliveTimeout = 5_000;
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
