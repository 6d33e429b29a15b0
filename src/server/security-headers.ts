import type { ServerConfig } from './config';
import { SHELL_ENTRY_CSP_SOURCES } from './shell-boot';

export function contentSecurityPolicy(config: Pick<ServerConfig, 'frameAncestors' | 'loopbackMediaSources'>): string {
  const loopback = config.loopbackMediaSources.map((source) => ` ${source}`).join('');
  return [
    "default-src 'self'",
    // Only the viewer shell's own inline scripts, by hash (src/server/shell-boot.ts).
    `script-src 'self' ${SHELL_ENTRY_CSP_SOURCES}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `media-src 'self' blob: https:${loopback}`,
    `connect-src 'self' blob: https:${loopback}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${config.frameAncestors}`,
  ].join('; ');
}

/** On every response. */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  // Our URLs hold session IDs: they must not leak to storage hosts through the Referer header.
  'referrer-policy': 'no-referrer',
};

/** Fullscreen and picture-in-picture stay allowed: the player uses them. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

/** On every HTML response. */
export function htmlSecurityHeaders(
  config: Pick<ServerConfig, 'frameAncestors' | 'loopbackMediaSources'>,
): Record<string, string> {
  const headers: Record<string, string> = {
    ...BASE_SECURITY_HEADERS,
    'content-security-policy': contentSecurityPolicy(config),
    'permissions-policy': PERMISSIONS_POLICY,
  };
  if (config.frameAncestors === "'none'") headers['x-frame-options'] = 'DENY';
  return headers;
}

/** Non-HTML responses cannot run as documents anyway; this keeps them inert if opened directly. */
export const NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'";
