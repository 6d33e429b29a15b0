import { describe, expect, it } from 'vitest';
import { FAKE_KEY, jsonResponse, makeTestApp, NOTTE_ENV, validReplay, type UpstreamHandler } from './test-support';

async function dump(response: Response): Promise<string> {
  const headers = [...response.headers.entries()].map(([name, value]) => `${name}: ${value}`).join('\n');
  return `${response.status}\n${headers}\n\n${await response.text()}`;
}

// Upstreams that echo the key back in every place an error could carry it.
const ECHOING: Array<[string, UpstreamHandler]> = [
  ['200', () => jsonResponse(200, validReplay(null))],
  ['401 echoing the key', () => jsonResponse(401, { message: `Authentication failed for key ${FAKE_KEY}` })],
  ['403 echoing the key', () => jsonResponse(403, { detail: [{ msg: `bad token Bearer ${FAKE_KEY}` }] })],
  ['500 echoing the key', () => new Response(`internal error, Authorization: Bearer ${FAKE_KEY}`, { status: 500 })],
  ['429', () => jsonResponse(429, { message: FAKE_KEY }, { 'retry-after': '5' })],
  ['bad 200 echoing the key', () => jsonResponse(200, { playlist_content: 1, note: FAKE_KEY })],
  [
    'network error echoing the key',
    () => {
      throw new TypeError(`fetch failed for ${FAKE_KEY}`);
    },
  ],
];

describe('the API key never leaves the server', () => {
  for (const [name, handler] of ECHOING) {
    it(`${name}: not in any response body, header or log line`, async () => {
      const t = makeTestApp({ handler });
      const paths = [
        '/api/sessions/abc/replay',
        '/api/sessions/abc',
        '/api/sessions/%3Cx%3E/replay',
        '/',
        '/sessions/abc',
        '/nope',
        '/api/nope',
        '/healthz',
        '/api/demo-sessions',
      ];
      for (const path of paths) {
        const text = await dump(await t.request(path, { headers: { authorization: 'Bearer client' } }));
        expect(text).not.toContain(FAKE_KEY);
      }
      // The fake upstream did receive it (so the test would catch a leak of a real value).
      expect(t.upstream.calls.some((call) => call.headers.get('authorization') === `Bearer ${FAKE_KEY}`)).toBe(true);
      const logText = JSON.stringify(t.logs);
      expect(t.logs.length).toBeGreaterThanOrEqual(paths.length);
      expect(logText).not.toContain(FAKE_KEY);
      expect(logText).not.toMatch(/authorization"\s*:/i);
      if (name.includes('echoing') && !name.startsWith('bad 200')) expect(logText).toContain('[redacted]');
    });
  }

  it('one log line per request with method, path, status, duration, upstream status and cache outcome', async () => {
    const t = makeTestApp({ env: NOTTE_ENV, handler: () => jsonResponse(200, validReplay(null)) });
    t.clock.advance(0);
    await t.request('/api/sessions/abc/replay');
    await t.request('/api/sessions/abc/replay');
    await t.request('/');
    expect(t.logs).toHaveLength(3);
    expect(t.logs[0]).toMatchObject({ method: 'GET', path: '/api/sessions/abc/replay', status: 200, upstreamStatus: 200, cache: 'miss' });
    expect(t.logs[1]).toMatchObject({ status: 200, cache: 'hit' });
    expect(t.logs[1]).not.toHaveProperty('upstreamStatus');
    expect(t.logs[2]).toMatchObject({ method: 'GET', path: '/', status: 200 });
    for (const line of t.logs) expect(typeof line.durationMs).toBe('number');
  });

  it("NOTTE_API_URL's user name, password and query stay out of the logs when fetch refuses the URL", async () => {
    // Like Node's fetch, the test's fake upstream refuses credentials in a URL with an error that repeats it.
    const t = makeTestApp({ env: { NOTTE_API_KEY: FAKE_KEY, NOTTE_API_URL: 'https://user:s3cret@api.test.invalid/?token=t0ken' } });
    expect((await t.request('/api/sessions/abc/replay')).status).toBe(502);
    const logText = JSON.stringify(t.logs);
    expect(logText).toContain('https://***@api.test.invalid');
    expect(logText).not.toMatch(/s3cret|t0ken/);
  });

  it('long paths are truncated in logs', async () => {
    const t = makeTestApp();
    await t.request(`/api/sessions/${'a'.repeat(5000)}/replay`);
    expect(String(t.logs[0]?.path).length).toBeLessThanOrEqual(201);
  });
});
