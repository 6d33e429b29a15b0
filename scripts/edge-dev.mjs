// Shared by `npm run start:edge` (scripts/start-edge.mjs) and the e2e edge server
// (e2e/support/edge-server.ts, edge-launch.ts): how to run the app in workerd — `wrangler dev --local`, or
// a `wrangler deploy --dry-run` snapshot (through wrangler dev or scripts/edge-miniflare.mjs) — under the
// same environment contract as `npm start`.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Handed to the Worker as bindings; the rest of the process environment is not. */
export const PLAIN_VARS = ['NOTTE_API_URL', 'FRAME_ANCESTORS', 'RATE_LIMIT_PER_MINUTE', 'UPSTREAM_TIMEOUT_MS'];
/** Bindings that must never appear on a command line or in any output: a 0600 file for wrangler dev, stdin for edge-miniflare.mjs. */
export const SECRET_VARS = ['NOTTE_API_KEY', 'DEMO_SIGNING_SECRET'];
/**
 * Extra bindings for `npm run start:edge`. Under wrangler dev, CF-Connecting-IP is whatever the client
 * sent (Miniflare sets it only when absent): worker-main.ts then trusts no client address.
 */
export const START_EDGE_VARS = Object.freeze({ UNTRUSTED_CF_CONNECTING_IP: '1' });
/** What `wrangler dev --log-level` accepts. */
export const WRANGLER_LOG_LEVELS = Object.freeze(['debug', 'info', 'log', 'warn', 'error', 'none']);

/** Quiet, offline-friendly wrangler: no metrics, no update check, no `Request.cf` download. */
export function wranglerProcessEnv(baseEnv) {
  const env = {};
  for (const [name, value] of Object.entries(baseEnv)) {
    // The Worker's own settings travel as bindings only, never through the environment.
    if (PLAIN_VARS.includes(name) || SECRET_VARS.includes(name)) continue;
    if (value !== undefined) env[name] = value;
  }
  env.WRANGLER_SEND_METRICS = 'false';
  env.WRANGLER_HIDE_BANNER = env.WRANGLER_HIDE_BANNER ?? 'true';
  env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
  env.CLOUDFLARE_INCLUDE_PROCESS_ENV = 'false';
  return env;
}

/**
 * `node <these> …args` runs wrangler's CLI itself, not its bin/wrangler.js launcher: the launcher
 * does not pass SIGTERM on, so stopping it would leave wrangler and workerd running.
 */
export function wranglerNodeArgs() {
  const require = createRequire(import.meta.url);
  const cli = join(dirname(require.resolve('wrangler/package.json')), 'wrangler-dist', 'cli.js');
  return ['--no-warnings', '--experimental-vm-modules', cli];
}

/**
 * The Worker's bindings from `settings` (the variables named in PLAIN_VARS and SECRET_VARS; unset or
 * empty → not passed: same defaults as Node) and `extraVars` (any other binding, plain; never one of
 * those names). `secret` must never reach a command line or any output.
 */
export function workerBindings({ settings, extraVars = {} }) {
  const plain = {};
  const secret = {};
  for (const name of PLAIN_VARS) {
    const value = settings[name]?.trim();
    if (value) plain[name] = value;
  }
  for (const name of SECRET_VARS) {
    const value = settings[name]?.trim();
    if (value) secret[name] = value;
  }
  for (const [name, value] of Object.entries(extraVars)) {
    if (!PLAIN_VARS.includes(name) && !SECRET_VARS.includes(name)) plain[name] = value;
  }
  return { plain, secret };
}

/**
 * Arguments for `node ...wranglerNodeArgs() …` and a cleanup function (removes the temporary
 * secrets file, and the Cache API state directory unless `persistTo` names one).
 * `snapshot` (from buildWorkerSnapshot): serve that bundle and copy of dist/ instead of the sources.
 * `settings`, `extraVars`: the Worker's bindings (workerBindings); the secret ones go in a 0600 file.
 */
export function wranglerDevArgs({
  host,
  port,
  settings,
  extraVars = {},
  inspectorPort = 0,
  persistTo = null,
  logLevel = null,
  snapshot = null,
}) {
  const dir = mkdtempSync(join(tmpdir(), 'replay-viewer-edge-'));
  chmodSync(dir, 0o700);
  const secretsFile = join(dir, 'secrets.env');
  const { plain, secret } = workerBindings({ settings, extraVars });
  const secretLines = Object.entries(secret).map(([name, value]) => `${name}=${JSON.stringify(value)}`);
  // Always passed, even empty: wrangler then reads neither .dev.vars nor .env from the repo, so
  // nothing outside this contract switches modes.
  writeFileSync(secretsFile, `${secretLines.join('\n')}\n`, { mode: 0o600 });

  const args = [
    'dev',
    ...(snapshot === null ? [] : [snapshot.script, '--no-bundle', '--assets', snapshot.assetsDir]),
    '--local',
    '--config', join(REPO_ROOT, 'wrangler.jsonc'),
    '--ip', host,
    '--port', String(port),
    '--inspector-port', String(inspectorPort),
    '--persist-to', persistTo ?? join(dir, 'state'),
    '--env-file', secretsFile,
    '--show-interactive-dev-session=false',
    '--live-reload=false',
  ];
  if (logLevel !== null) args.push('--log-level', logLevel);
  for (const [name, value] of Object.entries(plain)) args.push('--var', `${name}:${value}`);
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  return { args, cleanup, secretsFile };
}

/**
 * A frozen copy of what `wrangler deploy` would upload: the Worker bundle (`wrangler deploy --dry-run`)
 * and a copy of dist/. `wrangler dev` watches its inputs and reloads (dropping the isolate's cache and
 * state, or failing mid-rebuild) when the sources or dist/ change; a snapshot keeps a test run
 * independent of edits and rebuilds, and it tests the deployable bundle itself.
 * Returns the paths and a cleanup function.
 */
export async function buildWorkerSnapshot(dir = mkdtempSync(join(tmpdir(), 'replay-viewer-edge-snapshot-'))) {
  const assetsDir = join(dir, 'dist');
  const outDir = join(dir, 'worker');
  cpSync(join(REPO_ROOT, 'dist'), assetsDir, { recursive: true });
  const args = ['deploy', '--dry-run', '--config', join(REPO_ROOT, 'wrangler.jsonc'), '--assets', assetsDir, '--outdir', outDir];
  const child = spawn(process.execPath, [...wranglerNodeArgs(), ...args], {
    cwd: REPO_ROOT,
    env: wranglerProcessEnv(process.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  if (code !== 0) {
    cleanup();
    throw new Error(`wrangler deploy --dry-run failed (exit ${code}):\n${output}`);
  }
  return { script: join(outDir, 'worker-main.js'), assetsDir, cleanup };
}
