/**
 * What app-server.ts (node) and edge-server.ts (workerd) share: the handle around the spawned
 * server process and the wait for its /healthz. They differ only in how the process is killed.
 */
import type { ChildProcess } from 'node:child_process';
import type { AppServer, ExitInfo } from './app-server.js';

export interface ServerProcess extends Omit<AppServer, 'url' | 'port'> {
  /** SIGKILL right away, through the caller's kill step. */
  forceKill(): void;
}

export interface ServerProcessOptions {
  /** SIGKILL: the child alone, or its whole process group. */
  forceKill: () => void;
  /** Runs on exit, before stop() resolves. */
  onExit?: () => void;
}

export function serverHandle(child: ChildProcess, { forceKill, onExit }: ServerProcessOptions): ServerProcess {
  let out = '';
  let err = '';
  let all = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    all += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    all += chunk;
  });
  let exitInfo: ExitInfo | null = null;
  const exitPromise = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code, signal) => {
      const info: ExitInfo = { code, signal };
      exitInfo = info;
      onExit?.();
      resolve(info);
    });
  });

  return {
    pid: child.pid ?? -1,
    log: () => all,
    stdout: () => out,
    stderr: () => err,
    exited: () => exitInfo,
    forceKill,
    stop: async (graceMs = 5_000) => {
      if (exitInfo) return exitInfo;
      child.kill('SIGTERM');
      const timer = setTimeout(forceKill, graceMs);
      const info = await exitPromise;
      clearTimeout(timer);
      return info;
    },
  };
}

export interface HealthzWait {
  /** Names the server in errors, e.g. `app server`. */
  name: string;
  /** Timeout of each /healthz request. */
  probeTimeoutMs: number;
}

/** Polls `${url}/healthz` until it answers OK; force-kills the server and throws (with its output) at `deadlineMs`. */
export async function waitForHealthz(server: ServerProcess, url: string, deadlineMs: number, { name, probeTimeoutMs }: HealthzWait): Promise<void> {
  for (;;) {
    const exitInfo = server.exited();
    if (exitInfo) throw new Error(`${name} exited during start-up (${JSON.stringify(exitInfo)}):\n${server.log()}`);
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(probeTimeoutMs) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadlineMs) {
      server.forceKill();
      throw new Error(`${name} did not answer ${url}/healthz within the start timeout:\n${server.log()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
