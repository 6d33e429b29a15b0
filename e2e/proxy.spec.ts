/** The proxy as a service, over real HTTP: routes, errors, headers, forwarding, coalescing. */
import { replaySchema } from '../src/shared/replay-schema.js';
import { expect, test } from './support/fixtures.js';

interface ErrorBody {
  error?: { code?: string; message?: string; retryable?: boolean };
}

test.describe('proxy: the replay route', () => {
  test('answers the validated replay JSON with Cache-Control: private, no-store', async ({ request, sid }) => {
    const id = sid('hls-ok');
    const response = await request.get(`/api/sessions/${id}/replay`);
    expect(response.status()).toBe(200);
    const body: unknown = await response.json();
    const parsed = replaySchema.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues ?? null)).toBe(true);
    expect(Object.keys(body as object).sort()).toEqual(['expires_at', 'mp4_url', 'playlist_content', 'video_duration_ms', 'video_start_ms']);
    const cacheControl = response.headers()['cache-control'] ?? '';
    expect(cacheControl).toContain('no-store');
    expect(cacheControl).toContain('private');
  });

  test('forwards only its own credentials: no client Authorization, cookies or hop-by-hop headers', async ({ request, sid, upstream }) => {
    const id = sid('hls-ok');
    const response = await request.get(`/api/sessions/${id}/replay`, {
      headers: {
        Authorization: 'Bearer client-supplied-token',
        Cookie: 'viewer_session=client-cookie',
        'Proxy-Authorization': 'Basic Y2xpZW50OnNlY3JldA==',
        Connection: 'keep-alive, x-hop-secret',
        'X-Hop-Secret': 'hop-value',
        'X-Forwarded-For': '203.0.113.9',
        'x-notte-sdk-version': 'client-forged',
      },
    });
    expect(response.status()).toBe(200);
    const [call] = upstream.replayCalls(id);
    expect(call, 'one upstream call').toBeTruthy();
    const headers = call?.headers ?? {};
    expect(headers['authorization']).toBe(`Bearer ${upstream.apiKey}`);
    expect(headers['cookie']).toBeUndefined();
    expect(headers['proxy-authorization']).toBeUndefined();
    expect(headers['x-hop-secret']).toBeUndefined();
    expect(JSON.stringify(headers)).not.toContain('client-supplied-token');
    expect(JSON.stringify(headers)).not.toContain('client-cookie');
    expect(headers['x-notte-request-origin']).toBeTruthy();
    // Nor does the upstream's own cookie or internals come back to the browser.
    expect(response.headers()['set-cookie']).toBeUndefined();
    expect(response.headers()['x-upstream-internal']).toBeUndefined();
  });

  const mappings: Array<[scenario: string, code: string, retryable: boolean | null]> = [
    ['not-found', 'not_found', false],
    ['failed', 'replay_failed', false],
    ['processing-forever', 'processing', true],
    ['rate-limited', 'rate_limited', true],
    ['server-error', 'upstream_error', true],
    ['malformed', 'bad_upstream_response', null],
    ['malformed-nonjson', 'bad_upstream_response', null],
  ];
  for (const [scenario, code, retryable] of mappings) {
    test(`maps ${scenario} to {"error": {"code": "${code}"}}`, async ({ request, sid, startApp, upstream }) => {
      test.setTimeout(60_000);
      // An upstream 429 pauses every upstream call of that app (the limit is per key): use an app of its own.
      const prefix = code === 'rate_limited' ? (await startApp({ upstreamUrl: upstream.apiUrl, apiKey: upstream.apiKey })).url : '';
      const response = await request.get(`${prefix}/api/sessions/${sid(scenario)}/replay`);
      expect(response.status()).toBeGreaterThanOrEqual(400);
      const body = (await response.json()) as ErrorBody;
      expect(body.error?.code).toBe(code);
      expect(typeof body.error?.message).toBe('string');
      if (retryable !== null) expect(body.error?.retryable).toBe(retryable);
      if (code === 'rate_limited') {
        expect(response.status()).toBe(429);
        expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
      }
      expect(response.headers()['cache-control'] ?? '').toContain('no-store');
    });
  }

  test('an upstream that does not answer → 504 upstream_timeout, given before the upstream ever answers', async ({ request, sid, upstream }) => {
    const id = sid('slow');
    // The fake holds the answer 20 s; the proxy's own limit is 10 s. 30 s only guards against a hang.
    const response = await request.get(`/api/sessions/${id}/replay`, { timeout: 30_000 });
    expect(response.status()).toBe(504);
    expect(((await response.json()) as ErrorBody).error?.code).toBe('upstream_timeout');
    // The proxy gave up by itself: its one call to Notte is still unanswered (the fake records a status once it answers).
    expect(upstream.replayCalls(id).map((call) => call.status)).toEqual([0]);
  });

  test('session details are proxied too', async ({ request, sid }) => {
    const response = await request.get(`/api/sessions/${sid('hls-ok')}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { created_at?: string; steps?: unknown[] };
    expect(body.created_at).toBeTruthy();
    expect(Array.isArray(body.steps) && body.steps.length > 0).toBe(true);
  });
});

test.describe('proxy: nothing else reaches the upstream', () => {
  const invalid = [
    '..%2Fetc',
    '%2E%2E%2Fetc',
    'abc%2Fdef',
    '%3Cscript%3E',
    'a'.repeat(129),
    'a'.repeat(5000),
    'has%20space',
    'semi%3Bcolon',
  ];
  for (const raw of invalid) {
    test(`invalid ID ${raw.length > 40 ? `(${raw.length} chars)` : raw} → 400 invalid_id, no upstream call`, async ({ request, upstream }) => {
      const before = upstream.requests().length;
      const response = await request.get(`/api/sessions/${raw}/replay`);
      expect(response.status()).toBe(400);
      expect(((await response.json()) as ErrorBody).error?.code).toBe('invalid_id');
      const details = await request.get(`/api/sessions/${raw}`);
      expect(details.status()).toBe(400);
      expect(upstream.requests().slice(before)).toEqual([]);
    });
  }

  test('other paths answer 404 and other methods 405, without calling the upstream', async ({ request, upstream, sid }) => {
    const id = sid('hls-ok');
    const before = upstream.requests().length;
    for (const path of [
      `/api/sessions/${id}/replay/extra`,
      `/api/sessions/${id}/logs`,
      '/api/sessions',
      '/api/agents/x/replay',
      '/api/',
      '/api',
      `/api/sessions/${id}/replay/..%2F..%2Fagents`,
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
    }
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const response = await request.fetch(`/api/sessions/${id}/replay`, { method, data: method === 'DELETE' ? undefined : '{}' });
      expect(response.status(), method).toBe(405);
    }
    expect(upstream.requests().slice(before)).toEqual([]);
  });

  test('no open proxy: absolute URLs and upstream-looking paths are not forwarded', async ({ request, upstream }) => {
    const before = upstream.requests().length;
    for (const path of ['/sessions/abc/replay', '/api/sessions/abc/replay/../../../health', `/api/${encodeURIComponent(upstream.apiUrl)}/sessions/abc/replay`]) {
      const response = await request.get(path);
      expect(response.status(), path).not.toBe(200);
      if (response.headers()['content-type']?.includes('json')) expect(await response.text()).not.toContain('playlist_content');
    }
    expect(upstream.requests().slice(before)).toEqual([]);
  });
});

test.describe('proxy: as a service', () => {
  for (const path of ['/', '/sessions/some-session', '/sessions/%2E%2E%2Fetc', '/no/such/page']) {
    test(`security headers on ${path}`, async ({ request, upstream }) => {
      const response = await request.get(path);
      const headers = response.headers();
      const csp = headers['content-security-policy'] ?? '';
      expect(csp, 'a CSP').not.toBe('');
      const directives = new Map(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((parts) => parts[0])
          .map((parts) => [parts[0] as string, parts.slice(1)]),
      );
      const scriptSrc = directives.get('script-src') ?? directives.get('default-src') ?? [];
      expect(scriptSrc).toContain("'self'");
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      const mediaSrc = directives.get('media-src') ?? directives.get('default-src') ?? [];
      expect(mediaSrc, 'loopback media allowed when NOTTE_API_URL is loopback http').toEqual(expect.arrayContaining(['http://127.0.0.1:*']));
      expect(mediaSrc).toEqual(expect.arrayContaining(['blob:']));
      const connectSrc = directives.get('connect-src') ?? directives.get('default-src') ?? [];
      expect(connectSrc).toEqual(expect.arrayContaining(["'self'", 'http://127.0.0.1:*']));
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['permissions-policy'], 'a Permissions-Policy').toBeTruthy();
      expect(upstream.storageUrl.startsWith('http://127.0.0.1:')).toBe(true);
    });
  }

  test('GET /healthz answers 200', async ({ request }) => {
    const response = await request.get('/healthz');
    expect(response.status()).toBe(200);
  });

  test('50 concurrent requests for one session cost one upstream call', async ({ startApp, upstream, sid, playwright }) => {
    const server = await startApp({ upstreamUrl: upstream.apiUrl, apiKey: upstream.apiKey });
    const id = sid('hls-ok');
    const client = await playwright.request.newContext({ baseURL: server.url });
    try {
      const responses = await Promise.all(Array.from({ length: 50 }, () => client.get(`/api/sessions/${id}/replay`)));
      const statuses = responses.map((r) => r.status());
      expect(statuses.filter((s) => s !== 200), 'every request answered 200').toEqual([]);
      const bodies = await Promise.all(responses.map((r) => r.text()));
      expect(new Set(bodies).size, 'everyone got the same links').toBe(1);
      expect(upstream.replayCalls(id).length).toBe(1);
      // A fresh answer stays cached: 10 more requests, still one upstream call.
      for (let i = 0; i < 10; i += 1) expect((await client.get(`/api/sessions/${id}/replay`)).status()).toBe(200);
      expect(upstream.replayCalls(id).length).toBe(1);
    } finally {
      await client.dispose();
    }
  });

  test('a per-client rate limit answers 429 with Retry-After', async ({ startApp, upstream, sid, playwright }) => {
    const server = await startApp({ upstreamUrl: upstream.apiUrl, apiKey: upstream.apiKey, env: { RATE_LIMIT_PER_MINUTE: '5' } });
    const client = await playwright.request.newContext({ baseURL: server.url });
    try {
      const statuses: number[] = [];
      let limited: { status: number; retryAfter: string | undefined } | null = null;
      for (let i = 0; i < 12 && !limited; i += 1) {
        const response = await client.get(`/api/sessions/${sid('hls-ok')}/replay`);
        statuses.push(response.status());
        if (response.status() === 429) limited = { status: 429, retryAfter: response.headers()['retry-after'] };
      }
      expect(limited, `statuses: ${statuses.join(',')}`).not.toBeNull();
      expect(Number(limited?.retryAfter)).toBeGreaterThan(0);
    } finally {
      await client.dispose();
    }
  });

  test('SIGTERM shuts down gracefully (exit code 0)', async ({ startApp, upstream }) => {
    const server = await startApp({ upstreamUrl: upstream.apiUrl, apiKey: upstream.apiKey });
    const exit = await server.stop(5_000);
    expect(exit).toEqual({ code: 0, signal: null });
  });

  test('one structured log line per request, without secrets', async ({ request, app, sid, upstream }) => {
    const id = sid('hls-ok');
    const paths = [`/api/sessions/${id}/replay`, `/api/sessions/${id}`, `/api/sessions/${id}/replay`];
    for (const path of paths) expect((await request.get(path)).status()).toBe(200);
    // Each request of this test names its session: exactly its lines, one per request, in order.
    const linesOfThisTest = () => app.log().split('\n').filter((line) => line.includes(id));
    await expect.poll(() => linesOfThisTest().length).toBeGreaterThanOrEqual(paths.length);
    const lines = linesOfThisTest();
    expect(lines, 'one line per request').toHaveLength(paths.length);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.map(({ method, path, status }) => ({ method, path, status }))).toEqual(paths.map((path) => ({ method: 'GET', path, status: 200 })));
    for (const entry of entries) {
      expect(typeof entry['time'] === 'string' && !Number.isNaN(Date.parse(entry['time'])), `a time: ${JSON.stringify(entry)}`).toBe(true);
      expect(entry['durationMs'], 'a duration').toEqual(expect.any(Number));
    }
    // The first replay request asked Notte, the second was answered from the proxy's cache.
    expect(entries.map((entry) => entry['cache'])).toEqual(['miss', 'miss', 'hit']);
    for (const line of lines) expect(line.length).toBeLessThan(2_000);
    expect(app.log()).not.toContain(upstream.apiKey);
    expect(app.log()).not.toContain('sig=');
  });
});
