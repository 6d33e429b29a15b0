// Types for scripts/edge-dev.mjs (imported by e2e/support/edge-server.ts).
export declare const REPO_ROOT: string;
export declare const PLAIN_VARS: readonly string[];
export declare const SECRET_VARS: readonly string[];
export declare const START_EDGE_VARS: Readonly<Record<string, string>>;
export declare const WRANGLER_LOG_LEVELS: readonly ['debug', 'info', 'log', 'warn', 'error', 'none'];
export type WranglerLogLevel = (typeof WRANGLER_LOG_LEVELS)[number];
export declare function wranglerProcessEnv(baseEnv: Readonly<Record<string, string | undefined>>): Record<string, string>;
export declare function wranglerNodeArgs(): string[];
export declare function workerBindings(options: {
  settings: Readonly<Record<string, string | undefined>>;
  extraVars?: Readonly<Record<string, string>>;
}): { plain: Record<string, string>; secret: Record<string, string> };
export declare function wranglerDevArgs(options: {
  host: string;
  port: number;
  settings: Readonly<Record<string, string | undefined>>;
  extraVars?: Readonly<Record<string, string>>;
  inspectorPort?: number;
  persistTo?: string | null;
  logLevel?: WranglerLogLevel | null;
  snapshot?: WorkerSnapshot | null;
}): { args: string[]; cleanup: () => void; secretsFile: string };
export interface WorkerSnapshot {
  script: string;
  assetsDir: string;
  cleanup: () => void;
}
/** Into `dir` (an existing empty directory) or a new temporary one. */
export declare function buildWorkerSnapshot(dir?: string): Promise<WorkerSnapshot>;
