// `npm run start:edge`: build the client, then serve the app in workerd (`wrangler dev --local`) on
// HOST:PORT (default 127.0.0.1:8080) with the same environment contract as `npm start`:
// NOTTE_API_KEY (absent → embedded demo mode), NOTTE_API_URL, and optionally FRAME_ANCESTORS,
// RATE_LIMIT_PER_MINUTE, UPSTREAM_TIMEOUT_MS, DEMO_SIGNING_SECRET. The key goes to wrangler in a
// temporary 0600 file (shown as "(hidden)"), never on the command line or in the output.
// `--skip-build` (or EDGE_SKIP_BUILD=1) serves the existing dist/.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readListenAddress } from '../src/server/listen-address.mjs';
import { loggableUrl } from '../src/server/loggable-url.mjs';
import { REPO_ROOT, START_EDGE_VARS, wranglerDevArgs, wranglerNodeArgs, wranglerProcessEnv } from './edge-dev.mjs';

// Refused before the build, in the same words as `npm start`.
const { host, port, problems } = readListenAddress(process.env);
if (problems.length > 0) {
  console.error(`Configuration: ${problems.join('; ')}. The server did not start.`);
  process.exit(1);
}

const skipBuild = process.argv.includes('--skip-build') || process.env.EDGE_SKIP_BUILD === '1';
if (!skipBuild) {
  console.log('Building the client (vite build)…');
  const build = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else if (!existsSync(join(REPO_ROOT, 'dist', 'index.html'))) {
  console.error('dist/index.html is missing: run without --skip-build.');
  process.exit(1);
}

const { args, cleanup } = wranglerDevArgs({ host, port, settings: process.env, extraVars: START_EDGE_VARS });
const mode = process.env.NOTTE_API_KEY?.trim() ? `Notte API at ${loggableUrl(process.env.NOTTE_API_URL?.trim() || 'https://api.notte.cc')}` : 'demo mode';
const shownHost = host.includes(':') ? `[${host}]` : host;
console.log(`Starting workerd (wrangler dev --local) on http://${shownHost}:${port} (${mode})…`);

const child = spawn(process.execPath, [...wranglerNodeArgs(), ...args], {
  cwd: REPO_ROOT,
  env: wranglerProcessEnv(process.env),
  stdio: ['ignore', 'inherit', 'inherit'],
});
let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  child.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
child.on('exit', (code, signal) => {
  cleanup();
  process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)));
});
