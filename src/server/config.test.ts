import { describe, expect, it } from 'vitest';
import { ConfigError, readServerConfig } from './config';

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
      loopbackMediaSources: [],
      demoSigningSecret: null,
    });
  });

  it('reads the key, strips trailing slashes, treats blank values as absent', () => {
    const config = readServerConfig({ NOTTE_API_KEY: ' k ', NOTTE_API_URL: 'https://eu.api.test//', RATE_LIMIT_PER_MINUTE: '0' });
    expect(config).toMatchObject({ apiKey: 'k', mode: 'notte', apiUrl: 'https://eu.api.test', rateLimitPerMinute: 0 });
    expect(readServerConfig({ NOTTE_API_KEY: '   ' }).mode).toBe('demo');
  });

  it('allows loopback media only for loopback http URLs (loopback-media.test.ts has the cases)', () => {
    expect(readServerConfig({ NOTTE_API_URL: 'http://127.0.0.1:4010' }).loopbackMediaSources).toEqual(['http://127.0.0.1:*', 'http://localhost:*']);
    expect(readServerConfig({ NOTTE_API_URL: 'http://127.0.0.2:4010/' }).loopbackMediaSources).toContain('http://127.0.0.2:*');
    expect(readServerConfig({ NOTTE_API_URL: 'https://127.0.0.1:4010' }).loopbackMediaSources).toEqual([]);
  });

  it('ignores bindings (Workers env objects), and reads wrangler vars written as JSON numbers', () => {
    expect(readServerConfig({ ASSETS: { fetch: () => null } }).rateLimitPerMinute).toBe(600);
    expect(readServerConfig({ RATE_LIMIT_PER_MINUTE: 0, UPSTREAM_TIMEOUT_MS: 30_000 })).toMatchObject({ rateLimitPerMinute: 0, upstreamTimeoutMs: 30_000 });
    expect(() => readServerConfig({ RATE_LIMIT_PER_MINUTE: 2.5 })).toThrow(ConfigError);
  });

  it('refuses to start on a value it cannot use, naming every such variable', () => {
    const attempt = () =>
      readServerConfig({ RATE_LIMIT_PER_MINUTE: 'lots', UPSTREAM_TIMEOUT_MS: '10s', TRUSTED_PROXY_HOPS: 'one', NOTTE_API_URL: 'api.notte.cc' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/RATE_LIMIT_PER_MINUTE must be a whole number, 0 or more, not "lots"/);
    expect(attempt).toThrow(/UPSTREAM_TIMEOUT_MS must be a whole number, 1 to 120000, not "10s"/);
    expect(attempt).toThrow(/TRUSTED_PROXY_HOPS .* not "one"/);
    expect(attempt).toThrow(/NOTTE_API_URL must be an http\(s\) URL/);
    expect(() => readServerConfig({ UPSTREAM_TIMEOUT_MS: '200000' })).toThrow(/1 to 120000/);
    expect(() => readServerConfig({ NOTTE_API_URL: 'ftp://api.notte.cc' })).toThrow(ConfigError);
    expect(readServerConfig({ UPSTREAM_TIMEOUT_MS: ' 2500 ', TRUSTED_PROXY_HOPS: '1' })).toMatchObject({ upstreamTimeoutMs: 2500, trustedProxyHops: 1 });
  });

  it('never repeats a user name, password or query of NOTTE_API_URL in its sentence', () => {
    const attempt = () => readServerConfig({ NOTTE_API_URL: 'ftp://user:s3cret@api.notte.cc/?token=t0ken' });
    expect(attempt).toThrow('not "ftp://***@api.notte.cc/?***"');
    expect(attempt).not.toThrow(/s3cret|t0ken/);
  });

  it('keeps FRAME_ANCESTORS from adding CSP directives', () => {
    expect(readServerConfig({ FRAME_ANCESTORS: "'self'; script-src *" }).frameAncestors).toBe("'self' script-src *");
  });
});
