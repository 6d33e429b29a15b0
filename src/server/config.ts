export type ServerMode = 'notte' | 'demo';

export interface ServerConfig {
  apiUrl: string;
  /** null → embedded demo mode. Never log or echo it. */
  apiKey: string | null;
  mode: ServerMode;
  upstreamTimeoutMs: number;
  frameAncestors: string;
  /** 0 disables the per-client limit. */
  rateLimitPerMinute: number;
  /**
   * Reverse proxies in front of the Node server that append to `x-forwarded-for`; 0 (the default)
   * means the socket's address is the client (a client's own `x-forwarded-for` is never believed).
   */
  trustedProxyHops: number;
  /** NOTTE_API_URL is loopback http: the page's CSP must then allow media from loopback too. */
  loopbackMediaAllowed: boolean;
  /** Signs the demo's presigned-style URLs; null → a random secret per app instance. */
  demoSigningSecret: string | null;
}

export const DEFAULT_API_URL = 'https://api.notte.cc';
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 10_000;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
const MAX_UPSTREAM_TIMEOUT_MS = 120_000;

/** Accepts Node's `process.env` and Workers bindings alike (non-string bindings are ignored). */
export function readServerConfig(env: Readonly<Record<string, unknown>>): ServerConfig {
  const apiUrl = (readString(env, 'NOTTE_API_URL') ?? DEFAULT_API_URL).replace(/\/+$/, '');
  const apiKey = readString(env, 'NOTTE_API_KEY');
  return {
    apiUrl,
    apiKey,
    mode: apiKey === null ? 'demo' : 'notte',
    upstreamTimeoutMs: readPositiveInt(env, 'UPSTREAM_TIMEOUT_MS', DEFAULT_UPSTREAM_TIMEOUT_MS, MAX_UPSTREAM_TIMEOUT_MS),
    frameAncestors: sanitiseFrameAncestors(readString(env, 'FRAME_ANCESTORS')),
    rateLimitPerMinute: readNonNegativeInt(env, 'RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT_PER_MINUTE),
    trustedProxyHops: readNonNegativeInt(env, 'TRUSTED_PROXY_HOPS', 0),
    loopbackMediaAllowed: isLoopbackHttpUrl(apiUrl),
    demoSigningSecret: readString(env, 'DEMO_SIGNING_SECRET'),
  };
}

export function isLoopbackHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && (parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost');
  } catch {
    return false;
  }
}

function readString(env: Readonly<Record<string, unknown>>, name: string): string | null {
  const value = env[name];
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : null;
}

function readNonNegativeInt(env: Readonly<Record<string, unknown>>, name: string, fallback: number): number {
  const text = readString(env, name);
  if (text === null || !/^\d+$/.test(text)) return fallback;
  return Number(text);
}

function readPositiveInt(env: Readonly<Record<string, unknown>>, name: string, fallback: number, max: number): number {
  const value = readNonNegativeInt(env, name, fallback);
  return value > 0 ? Math.min(value, max) : fallback;
}

// The value lands inside a CSP header: a `;` would let a misconfiguration add or override directives.
function sanitiseFrameAncestors(raw: string | null): string {
  if (raw === null) return "'none'";
  const cleaned = raw.replace(/[;,\r\n]/g, ' ').replace(/\s+/g, ' ').trim();
  return cleaned.length > 0 ? cleaned : "'none'";
}
