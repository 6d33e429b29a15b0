import type { ServerConfig } from './config';
import type { ReplayCache } from './replay-cache';

/**
 * Reads a built file (`/index.html`, `/assets/x.js`, `/demo-media/<sample>/seg_000.ts`): a full-body
 * Response with content-type and content-length, or null when there is no such file.
 */
export type ReadAsset = (path: string) => Promise<Response | null>;

export type LogLine = Record<string, unknown>;

export interface AppDeps {
  config: ServerConfig;
  /** Used for the Notte API only; in demo mode the embedded demo upstream answers instead. */
  fetchUpstream: typeof fetch;
  nowMs: () => number;
  readAsset: ReadAsset;
  /** One JSON object per call; never receives the key or Authorization headers. */
  log: (line: LogLine) => void;
  /** Defaults to an in-memory cache per app instance. */
  cache?: ReplayCache;
}

/** What a runtime entry may pass as Hono's `env`: the client address it vouches for (Node: the socket's, Workers: `cf-connecting-ip`). */
export interface RuntimeBindings {
  clientAddress?: string;
}
