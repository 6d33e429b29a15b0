/** The two ways edge-server.ts runs the Worker snapshot in workerd: the command line, and what goes on stdin. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, workerBindings, wranglerDevArgs, wranglerNodeArgs, WRANGLER_LOG_LEVELS, type WorkerSnapshot } from '../../scripts/edge-dev.mjs';

export interface EdgeLaunch {
  /** After `node`. */
  args: string[];
  /** Written to the child's stdin, which then stays open; null: no stdin. */
  stdinLine: string | null;
  cleanup: () => void;
}

export interface EdgeLaunchOptions {
  port: number;
  /** The variables named in PLAIN_VARS and SECRET_VARS (scripts/edge-dev.mjs). */
  settings: Record<string, string>;
  /** Any other bindings, plain. */
  extraVars: Record<string, string>;
  snapshot: WorkerSnapshot;
}

/** scripts/edge-miniflare.mjs: the Worker in workerd, nothing in front of it. Bindings (the key too) on stdin. */
export function miniflareLaunch({ port, settings, extraVars, snapshot }: EdgeLaunchOptions): EdgeLaunch {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'replay-viewer-edge-state-'));
  const { plain, secret } = workerBindings({ settings, extraVars });
  const stdinLine = JSON.stringify({
    host: '127.0.0.1',
    port,
    script: snapshot.script,
    assetsDir: snapshot.assetsDir,
    persistTo: stateDir,
    bindings: { ...plain, ...secret },
  });
  return {
    args: [path.join(REPO_ROOT, 'scripts', 'edge-miniflare.mjs')],
    stdinLine,
    cleanup: () => rmSync(stateDir, { recursive: true, force: true }),
  };
}

/**
 * `wrangler dev --local`, as `npm run start:edge` runs it. Diagnostics for the stalls of its dev proxy
 * (e2e/README.md): E2E_EDGE_LOG_LEVEL=debug adds its proxy's and inspector's lines to the output.
 */
export function wranglerDevLaunch({ port, settings, extraVars, snapshot }: EdgeLaunchOptions): EdgeLaunch {
  const logLevel = WRANGLER_LOG_LEVELS.find((level) => level === process.env['E2E_EDGE_LOG_LEVEL']) ?? null;
  const { args, cleanup } = wranglerDevArgs({ host: '127.0.0.1', port, settings, extraVars, snapshot, logLevel });
  return { args: [...wranglerNodeArgs(), ...args], stdinLine: null, cleanup };
}
