import { loggableUrl } from './loggable-url.mjs';
import { loopbackMediaSources } from './loopback-media';

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
  /** CSP sources: when NOTTE_API_URL is loopback http, the page must allow media from loopback too (else empty). */
  loopbackMediaSources: readonly string[];
  /** Signs the demo's presigned-style URLs; null → a random secret per app instance. */
  demoSigningSecret: string | null;
}

export const DEFAULT_API_URL = 'https://api.notte.cc';
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 10_000;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
const MAX_UPSTREAM_TIMEOUT_MS = 120_000;

/** A variable is set to something the server cannot use: it says which and why, and does not start. */
export class ConfigError extends Error {
  override name = 'ConfigError';

  constructor(readonly problems: readonly string[]) {
    super(`Configuration: ${problems.join('; ')}.`);
  }
}

/**
 * Accepts Node's `process.env` and Workers bindings alike (non-string bindings are ignored). Unset or
 * blank variables take their defaults; a set but unusable value throws a ConfigError naming every
 * such variable, rather than run with a setting the operator did not ask for.
 */
export function readServerConfig(env: Readonly<Record<string, unknown>>): ServerConfig {
  const problems: string[] = [];
  const apiUrl = (readString(env, 'NOTTE_API_URL') ?? DEFAULT_API_URL).replace(/\/+$/, '');
  if (!isHttpUrl(apiUrl)) problems.push(`NOTTE_API_URL must be an http(s) URL such as ${DEFAULT_API_URL}, not "${loggableUrl(apiUrl)}"`);
  const apiKey = readString(env, 'NOTTE_API_KEY');
  const upstreamTimeoutMs = readWholeNumber(env, 'UPSTREAM_TIMEOUT_MS', DEFAULT_UPSTREAM_TIMEOUT_MS, { min: 1, max: MAX_UPSTREAM_TIMEOUT_MS }, problems);
  const rateLimitPerMinute = readWholeNumber(env, 'RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT_PER_MINUTE, { min: 0 }, problems);
  const trustedProxyHops = readWholeNumber(env, 'TRUSTED_PROXY_HOPS', 0, { min: 0, max: 10 }, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    apiUrl,
    apiKey,
    mode: apiKey === null ? 'demo' : 'notte',
    upstreamTimeoutMs,
    frameAncestors: sanitiseFrameAncestors(readString(env, 'FRAME_ANCESTORS')),
    rateLimitPerMinute,
    trustedProxyHops,
    loopbackMediaSources: loopbackMediaSources(apiUrl),
    demoSigningSecret: readString(env, 'DEMO_SIGNING_SECRET'),
  };
}

function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function readString(env: Readonly<Record<string, unknown>>, name: string): string | null {
  const raw = env[name];
  // wrangler passes `vars` written as JSON numbers or booleans as such; bindings are objects.
  const value = typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : raw;
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : null;
}

function readWholeNumber(
  env: Readonly<Record<string, unknown>>,
  name: string,
  fallback: number,
  { min, max = Number.MAX_SAFE_INTEGER }: { min: number; max?: number },
  problems: string[],
): number {
  const text = readString(env, name);
  if (text === null) return fallback;
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isSafeInteger(value) && value >= min && value <= max) return value;
  const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `${min} to ${max}`;
  problems.push(`${name} must be a whole number, ${range}, not "${text}"`);
  return fallback;
}

// The value lands inside a CSP header: a `;` would let a misconfiguration add or override directives.
function sanitiseFrameAncestors(raw: string | null): string {
  if (raw === null) return "'none'";
  const cleaned = raw.replace(/[;,\r\n]/g, ' ').replace(/\s+/g, ' ').trim();
  return cleaned.length > 0 ? cleaned : "'none'";
}
