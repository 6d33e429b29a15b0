import { describe, expect, it } from 'vitest';
import { addressKey, clientKeyFor, createClientRateLimiter } from './client-rate-limit';
import { fakeClock, jsonResponse, makeTestApp, NOTTE_ENV, validReplay } from './test-support';

describe('per-client rate limit on /api/*', () => {
  it('answers 429 rate_limited with Retry-After once a client used its budget, per client', async () => {
    const clock = fakeClock();
    const t = makeTestApp({
      clock,
      env: { ...NOTTE_ENV, RATE_LIMIT_PER_MINUTE: '3' },
      handler: () => jsonResponse(200, validReplay(null)),
    });
    for (let i = 0; i < 3; i++) expect((await t.request('/api/sessions/a/replay', undefined, '10.0.0.1')).status).toBe(200);
    const limited = await t.request('/api/sessions/a/replay', undefined, '10.0.0.1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('20');
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited', retryable: true, retryAfterSec: 20 } });
    expect((await t.request('/api/sessions/a/replay', undefined, '10.0.0.2')).status).toBe(200);
    // pages are not limited
    expect((await t.request('/', undefined, '10.0.0.1')).status).toBe(200);
    clock.advance(20_000);
    expect((await t.request('/api/sessions/a/replay', undefined, '10.0.0.1')).status).toBe(200);
  });

  it('believes no forwarding header by default: a client cannot buy a fresh budget by writing one', async () => {
    const t = makeTestApp({ env: { ...NOTTE_ENV, RATE_LIMIT_PER_MINUTE: '1' } });
    expect((await t.request('/api/demo-sessions', undefined, '203.0.113.7')).status).toBe(200);
    const spoofed = { headers: { 'x-forwarded-for': '192.0.2.99', 'cf-connecting-ip': '192.0.2.98' } };
    expect((await t.request('/api/demo-sessions', spoofed, '203.0.113.7')).status).toBe(429);
  });

  it('behind TRUSTED_PROXY_HOPS proxies, the client is the entry the outermost one appended', async () => {
    const t = makeTestApp({ env: { ...NOTTE_ENV, RATE_LIMIT_PER_MINUTE: '1', TRUSTED_PROXY_HOPS: '1' } });
    const fromClient = (forwardedFor: string) => ({ headers: { 'x-forwarded-for': forwardedFor } });
    expect((await t.request('/api/demo-sessions', fromClient('198.51.100.5'), '10.0.0.1')).status).toBe(200);
    // The same client, whatever it wrote in front of what the proxy appended.
    expect((await t.request('/api/demo-sessions', fromClient('1.2.3.4, 198.51.100.5'), '10.0.0.1')).status).toBe(429);
    // Another client behind the same proxy has its own budget.
    expect((await t.request('/api/demo-sessions', fromClient('198.51.100.6'), '10.0.0.1')).status).toBe(200);
  });

  it('clientKeyFor: the entry address unless proxies are trusted', () => {
    const headers = new Headers({ 'x-forwarded-for': 'spoof, 198.51.100.5, 10.0.0.2' });
    expect(clientKeyFor(headers, '10.0.0.1', 0)).toBe('10.0.0.1');
    expect(clientKeyFor(headers, '10.0.0.1', 1)).toBe('10.0.0.2');
    expect(clientKeyFor(headers, '10.0.0.1', 2)).toBe('198.51.100.5');
    expect(clientKeyFor(new Headers(), '10.0.0.1', 2)).toBe('10.0.0.1');
    expect(clientKeyFor(new Headers(), undefined, 0)).toBe('unknown');
  });

  it('RATE_LIMIT_PER_MINUTE=0 disables the limit', async () => {
    const t = makeTestApp({ env: { ...NOTTE_ENV, RATE_LIMIT_PER_MINUTE: '0' } });
    for (let i = 0; i < 50; i++) expect((await t.request('/api/demo-sessions')).status).toBe(200);
  });

  it('the default is generous (600 per minute)', async () => {
    const t = makeTestApp();
    for (let i = 0; i < 600; i++) expect((await t.request('/api/demo-sessions')).status).toBe(200);
    expect((await t.request('/api/demo-sessions')).status).toBe(429);
  });
});

describe('createClientRateLimiter', () => {
  it('refills continuously', () => {
    let now = 0;
    const limiter = createClientRateLimiter({ perMinute: 60, nowMs: () => now });
    for (let i = 0; i < 60; i++) expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSec: 1 });
    now += 1000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('keeps the map bounded', () => {
    const now = 0;
    const limiter = createClientRateLimiter({ perMinute: 10, nowMs: () => now, maxClients: 100 });
    for (let i = 0; i < 1000; i++) limiter.take(`client-${i}`);
    expect(limiter.trackedClients()).toBeLessThanOrEqual(100);
  });

  it('clientKeyFor trims forwarded entries and skips empty ones', () => {
    expect(clientKeyFor(new Headers({ 'x-forwarded-for': ' 198.51.100.4 , , 10.0.0.1 ' }), 'x', 2)).toBe('198.51.100.4');
  });
  it('addressKey: one key per IPv6 /64, IPv4 (also mapped) as it is', () => {
    expect(addressKey('2001:db8:0:1::1')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:0db8:0000:0001:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:0:1::/64');
    expect(addressKey('[2001:DB8:0:1::ffff]')).toBe('2001:db8:0:1::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:cb00:7107'), 'mapped, in hex').toBe('203.0.113.7');
    expect(addressKey('[2001:db8:0:1::1]:443'), 'with a port').toBe('2001:db8:0:1::/64');
    expect(addressKey('203.0.113.7:5678'), 'with a port').toBe('203.0.113.7');
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('not an address')).toBe('not an address');
  });
  it('two addresses of one /64 share a bucket', () => {
    const limiter = createClientRateLimiter({ perMinute: 1, nowMs: () => 0 });
    expect(limiter.take(clientKeyFor(new Headers(), '2001:db8::1', 0)).allowed).toBe(true);
    expect(limiter.take(clientKeyFor(new Headers(), '2001:db8::2', 0)).allowed).toBe(false);
    expect(limiter.take(clientKeyFor(new Headers(), '2001:db8:0:1::2', 0)).allowed, 'another /64').toBe(true);
  });
});
