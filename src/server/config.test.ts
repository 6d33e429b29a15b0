import { describe, expect, it } from 'vitest';
import { readServerConfig } from './config';

describe('readServerConfig', () => {
  it('defaults to demo mode against api.notte.cc', () => {
    expect(readServerConfig({})).toEqual({
      apiUrl: 'https://api.notte.cc',
      apiKey: null,
      mode: 'demo',
      upstreamTimeoutMs: 10_000,
      frameAncestors: "'none'",
      rateLimitPerMinute: 600,
      trustedProxyHops: 0,
      loopbackMediaAllowed: false,
      demoSigningSecret: null,
    });
  });

  it('reads the key, strips trailing slashes, treats blank values as absent', () => {
    const config = readServerConfig({ NOTTE_API_KEY: ' k ', NOTTE_API_URL: 'https://eu.api.test//', RATE_LIMIT_PER_MINUTE: '0' });
    expect(config).toMatchObject({ apiKey: 'k', mode: 'notte', apiUrl: 'https://eu.api.test', rateLimitPerMinute: 0 });
    expect(readServerConfig({ NOTTE_API_KEY: '   ' }).mode).toBe('demo');
  });

  it('allows loopback media only for loopback http URLs', () => {
    expect(readServerConfig({ NOTTE_API_URL: 'http://127.0.0.1:4010' }).loopbackMediaAllowed).toBe(true);
    expect(readServerConfig({ NOTTE_API_URL: 'http://localhost:4010/' }).loopbackMediaAllowed).toBe(true);
    expect(readServerConfig({ NOTTE_API_URL: 'https://127.0.0.1:4010' }).loopbackMediaAllowed).toBe(false);
    expect(readServerConfig({ NOTTE_API_URL: 'http://127.0.0.1.evil.test' }).loopbackMediaAllowed).toBe(false);
  });

  it('ignores junk numbers and non-string bindings (Workers env objects)', () => {
    const config = readServerConfig({ RATE_LIMIT_PER_MINUTE: 'lots', UPSTREAM_TIMEOUT_MS: '-5', ASSETS: { fetch: () => null } });
    expect(config.rateLimitPerMinute).toBe(600);
    expect(config.upstreamTimeoutMs).toBe(10_000);
  });

  it('keeps FRAME_ANCESTORS from adding CSP directives', () => {
    expect(readServerConfig({ FRAME_ANCESTORS: "'self'; script-src *" }).frameAncestors).toBe("'self' script-src *");
  });
});
