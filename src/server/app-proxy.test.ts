import { describe, expect, it } from 'vitest';
import { apiErrorBodySchema, type ApiError } from '../shared/api-error-schema';
import { replaySchema } from '../shared/replay-schema';
import { sessionDetailsSchema } from '../shared/session-details-schema';
import { FAKE_KEY, jsonResponse, makeTestApp, NOTTE_ENV, validReplay, type UpstreamHandler } from './test-support';

const SESSION = '3f2a9c1e-7b4d-4e2a-9c1e-7b4d4e2a9c1e';
const REPLAY_PATH = `/api/sessions/${SESSION}/replay`;

async function errorOf(response: Response): Promise<ApiError> {
  return apiErrorBodySchema.parse(await response.json()).error;
}

describe('GET /api/sessions/:id/replay: success', () => {
  it('answers the validated replay, only the known fields, with API headers', async () => {
    const t = makeTestApp({ handler: () => jsonResponse(200, validReplay('2026-03-01T13:00:00+00:00')) });
    const response = await t.request(REPLAY_PATH);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const body: unknown = await response.json();
    expect(replaySchema.parse(body)).toEqual({
      playlist_content: '#EXTM3U\n#EXTINF:2,\nhttps://storage.test/seg0.ts?sig=abc\n',
      mp4_url: 'https://storage.test/replay.mp4?sig=abc',
      expires_at: '2026-03-01T13:00:00+00:00',
      video_start_ms: 1800,
      video_duration_ms: 30000,
    });
    expect(body).not.toHaveProperty('extra_field');
    expect(t.upstream.calls[0]?.url).toBe(`https://api.test.invalid/sessions/${SESSION}/replay`);
  });

  it("dates every answer on the app's clock (the viewer counts link expiry on it; a local workerd adds no Date)", async () => {
    const t = makeTestApp({ handler: () => jsonResponse(200, validReplay('2026-03-01T13:00:00+00:00')) });
    for (const path of [REPLAY_PATH, '/api/sessions/bad.id/replay', '/healthz']) {
      const response = await t.request(path);
      expect(response.headers.get('date'), path).toBe(new Date(t.clock.now).toUTCString());
    }
  });

  it('fills absent optional fields with null', async () => {
    const t = makeTestApp({ handler: () => jsonResponse(200, { mp4_url: 'https://storage.test/a.mp4' }) });
    const response = await t.request(REPLAY_PATH);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      playlist_content: null,
      mp4_url: 'https://storage.test/a.mp4',
      expires_at: null,
      video_start_ms: null,
      video_duration_ms: null,
    });
  });
});

interface MappingRow {
  name: string;
  handler: UpstreamHandler;
  status: number;
  code: ApiError['code'];
  retryable: boolean;
  replayStatus?: string;
  retryAfterSec?: number;
  messageIncludes?: string;
}

const missing = (status: number, replayStatus: string, retryable: boolean): UpstreamHandler => () =>
  jsonResponse(status, {
    detail: 'Replay missing',
    session_id: SESSION,
    status,
    error: 'ReplayMissing',
    message: 'The replay is missing',
    replay_status: replayStatus,
    retryable,
  });

const MAPPING: MappingRow[] = [
  { name: 'plain 404', handler: () => jsonResponse(404, { detail: 'Session not found' }), status: 404, code: 'not_found', retryable: false, messageIncludes: 'not found' },
  { name: '404 processing (retryable)', handler: missing(404, 'processing', true), status: 404, code: 'processing', retryable: true, replayStatus: 'processing', messageIncludes: 'processing' },
  { name: '404 waiting_for_session (retryable)', handler: missing(404, 'waiting_for_session', true), status: 404, code: 'processing', retryable: true, replayStatus: 'waiting_for_session' },
  { name: '410 processing (retryable)', handler: missing(410, 'processing', true), status: 404, code: 'processing', retryable: true, replayStatus: 'processing' },
  { name: '404 failed (final)', handler: missing(404, 'failed', false), status: 404, code: 'replay_failed', retryable: false, replayStatus: 'failed', messageIncludes: 'failed' },
  { name: '410 unavailable (final)', handler: missing(410, 'unavailable', false), status: 410, code: 'replay_failed', retryable: false, replayStatus: 'unavailable', messageIncludes: 'no video' },
  { name: '410 plain', handler: () => jsonResponse(410, { detail: 'Gone' }), status: 410, code: 'not_found', retryable: false },
  { name: '401', handler: () => jsonResponse(401, { message: 'Authentication failed. Check your API key.' }), status: 502, code: 'upstream_auth', retryable: false, messageIncludes: 'check NOTTE_API_KEY' },
  { name: '403', handler: () => jsonResponse(403, { detail: 'Forbidden' }), status: 502, code: 'upstream_auth', retryable: false },
  { name: '429 with seconds', handler: () => jsonResponse(429, { message: 'Too many requests', detail: 'slow down' }, { 'retry-after': '7' }), status: 429, code: 'rate_limited', retryable: true, retryAfterSec: 7 },
  { name: '422', handler: () => jsonResponse(422, { detail: [{ loc: ['path', 'session_id'], msg: 'bad uuid', type: 'uuid_parsing' }] }), status: 400, code: 'invalid_id', retryable: false },
  { name: '500', handler: () => jsonResponse(500, { detail: 'boom' }), status: 502, code: 'upstream_error', retryable: true },
  { name: '503 text body', handler: () => new Response('Service Unavailable', { status: 503 }), status: 502, code: 'upstream_error', retryable: true },
  { name: '529 overloaded', handler: () => jsonResponse(529, { message: 'Overloaded' }), status: 502, code: 'upstream_error', retryable: true },
  { name: '200 failing the schema', handler: () => jsonResponse(200, { playlist_content: 42, video_start_ms: 'soon' }), status: 502, code: 'bad_upstream_response', retryable: false, messageIncludes: 'unexpected response from Notte' },
  { name: '200 not JSON', handler: () => new Response('<html>oops</html>', { status: 200 }), status: 502, code: 'bad_upstream_response', retryable: false },
  { name: '200 JSON array', handler: () => jsonResponse(200, [1, 2]), status: 502, code: 'bad_upstream_response', retryable: false },
  { name: '302 redirect (never followed)', handler: () => new Response(null, { status: 302, headers: { location: 'https://evil.test/' } }), status: 502, code: 'bad_upstream_response', retryable: false },
  {
    name: 'connection refused',
    handler: () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    },
    status: 502,
    code: 'upstream_unreachable',
    retryable: true,
  },
];

describe('GET /api/sessions/:id/replay: upstream error mapping', () => {
  for (const row of MAPPING) {
    it(`${row.name} → ${row.status} ${row.code}`, async () => {
      const t = makeTestApp({ handler: row.handler });
      const response = await t.request(REPLAY_PATH);
      expect(response.status).toBe(row.status);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      const error = await errorOf(response);
      expect(error.code).toBe(row.code);
      expect(error.retryable).toBe(row.retryable);
      expect(error.replayStatus).toBe(row.replayStatus);
      if (row.retryAfterSec !== undefined) {
        expect(error.retryAfterSec).toBe(row.retryAfterSec);
        expect(response.headers.get('retry-after')).toBe(String(row.retryAfterSec));
      }
      if (row.messageIncludes !== undefined) expect(error.message.toLowerCase()).toContain(row.messageIncludes.toLowerCase());
      expect(t.upstream.calls).toHaveLength(1);
    });
  }

  it('429 with an HTTP date Retry-After → seconds until that date', async () => {
    const t = makeTestApp({
      handler: () => jsonResponse(429, { message: 'slow' }, { 'retry-after': new Date(Date.parse('2026-03-01T12:00:30Z')).toUTCString() }),
    });
    const error = await errorOf(await t.request(REPLAY_PATH));
    expect(error.retryAfterSec).toBe(30);
  });

  it('a timeout → 504 upstream_timeout: the configured limit, not the default, ends the upstream call', async () => {
    const abortReasons: unknown[] = [];
    const t = makeTestApp({
      env: { ...NOTTE_ENV, UPSTREAM_TIMEOUT_MS: '50' },
      // Notte would answer after 1 s (well before the default 10 s limit): only the configured 50 ms ends it sooner.
      handler: (request) =>
        new Promise<Response>((resolve, reject) => {
          const late = setTimeout(() => resolve(jsonResponse(200, validReplay('2026-03-01T13:00:00+00:00'))), 1_000);
          request.signal.addEventListener('abort', () => {
            clearTimeout(late);
            abortReasons.push(request.signal.reason);
            reject(request.signal.reason);
          });
        }),
    });
    const response = await t.request(REPLAY_PATH);
    expect(abortReasons.map((reason) => (reason instanceof Error ? reason.name : String(reason))), 'the upstream call was ended by a timeout').toEqual(['TimeoutError']);
    expect(response.status).toBe(504);
    const error = await errorOf(response);
    expect(error.code).toBe('upstream_timeout');
    expect(error.retryable).toBe(true);
  });

  it('a real refused connection (closed loopback port) → 502 upstream_unreachable', async () => {
    const { createApp } = await import('./app');
    const { readServerConfig } = await import('./config');
    const app = createApp({
      config: readServerConfig({ NOTTE_API_KEY: FAKE_KEY, NOTTE_API_URL: 'http://127.0.0.1:9' }),
      fetchUpstream: fetch,
      nowMs: Date.now,
      readAsset: async () => null,
      log: () => undefined,
    });
    const response = await app.fetch(new Request(`http://viewer.test${REPLAY_PATH}`));
    expect(response.status).toBe(502);
    expect((await errorOf(response)).code).toBe('upstream_unreachable');
  });

  it('logs what upstream said (message, detail, error) without sending it to the client', async () => {
    const t = makeTestApp({ handler: () => jsonResponse(500, { detail: [{ msg: 'database on fire' }], error: 'x' }) });
    const response = await t.request(REPLAY_PATH);
    expect(await response.text()).not.toContain('database on fire');
    const line = t.logs.find((entry) => entry.path === REPLAY_PATH);
    expect(line).toMatchObject({ status: 502, upstreamStatus: 500, upstreamDetail: 'database on fire', error: 'upstream_error' });
  });
});

describe('what reaches the upstream', () => {
  it('sends exactly the bearer key, accept and origin headers, nothing from the client', async () => {
    const t = makeTestApp({ handler: () => jsonResponse(200, validReplay(null)) });
    await t.request(REPLAY_PATH, {
      headers: {
        authorization: 'Bearer client-token',
        cookie: 'session=client-cookie',
        connection: 'keep-alive, x-secret',
        'keep-alive': 'timeout=5',
        'proxy-authorization': 'Basic abc',
        te: 'trailers',
        upgrade: 'h2c',
        'x-forwarded-for': '198.51.100.1',
        'x-custom': 'client',
        'user-agent': 'client-agent',
      },
    });
    expect(t.upstream.calls).toHaveLength(1);
    const sent = t.upstream.calls[0];
    expect(sent?.method).toBe('GET');
    expect(sent?.headers.get('authorization')).toBe(`Bearer ${FAKE_KEY}`);
    expect(sent?.headers.get('accept')).toBe('application/json');
    expect(sent?.headers.get('x-notte-request-origin')).toBe('replay-viewer');
    expect([...(sent?.headers.keys() ?? [])].sort()).toEqual(['accept', 'authorization', 'x-notte-request-origin']);
    expect(sent?.redirect).toBe('manual');
  });
});

describe('invalid ids are refused before anything is fetched', () => {
  const BAD_IDS: Array<[string, string]> = [
    ['path traversal', encodeURIComponent('../etc')],
    ['encoded slash', 'abc%2Fdef'],
    ['encoded slash alone', '%2F'],
    ['markup', encodeURIComponent('<script>alert(1)</script>')],
    ['5000 characters', 'a'.repeat(5000)],
    ['empty', ''],
    ['dot inside', 'a.b'],
    ['space', 'abc%20def'],
    ['broken escape', '%E0%A4%A'],
  ];
  for (const [name, rawId] of BAD_IDS) {
    for (const suffix of ['/replay', '']) {
      it(`${name} (${suffix || 'details'}) → 400 invalid_id`, async () => {
        const t = makeTestApp({ handler: () => jsonResponse(200, validReplay(null)) });
        const response = await t.request(`/api/sessions/${rawId}${suffix}`);
        expect(response.status).toBe(400);
        expect((await errorOf(response)).code).toBe('invalid_id');
        expect(t.upstream.calls).toHaveLength(0);
      });
    }
  }

  it('a nested path is another route (404) and never reaches the upstream', async () => {
    const t = makeTestApp({ handler: () => jsonResponse(200, validReplay(null)) });
    for (const path of ['/api/sessions/abc/def/replay', '/api/sessions/abc/def']) {
      const response = await t.request(path);
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe('route_not_found');
    }
    expect(t.upstream.calls).toHaveLength(0);
  });

  it('dot segments are resolved by URL parsing and never reach the upstream', async () => {
    const t = makeTestApp({ handler: () => jsonResponse(200, validReplay(null)) });
    for (const path of ['/api/sessions/../replay', '/api/sessions/%2e%2e/replay', '/api/sessions/../../healthz/replay']) {
      const response = await t.request(path);
      expect(response.status).toBeGreaterThanOrEqual(400);
    }
    expect(t.upstream.calls).toHaveLength(0);
  });

  it('accepts the longest valid id (128 characters)', async () => {
    const t = makeTestApp({ handler: () => jsonResponse(200, validReplay(null)) });
    const response = await t.request(`/api/sessions/${'a'.repeat(128)}/replay`);
    expect(response.status).toBe(200);
    const tooLong = await t.request(`/api/sessions/${'a'.repeat(129)}/replay`);
    expect(tooLong.status).toBe(400);
    expect(t.upstream.calls).toHaveLength(1);
  });
});

describe('GET /api/sessions/:id (session details)', () => {
  it('forwards only the known fields and tolerates odd steps', async () => {
    const t = makeTestApp({
      handler: () =>
        jsonResponse(200, {
          session_id: SESSION,
          created_at: '2026-03-01T11:00:00.123456',
          closed_at: null,
          status: 'closed',
          duration: 'PT41.2S',
          secret_field: 'not forwarded',
          steps: [
            { type: 'observation', value: { started_at: '2026-03-01T11:00:02', metadata: { url: 'https://a.test', title: 'A' } } },
            { type: 'brand_new_type', value: 42 },
            { value: 'no type' },
            'junk',
          ],
        }),
    });
    const response = await t.request(`/api/sessions/${SESSION}`);
    expect(response.status).toBe(200);
    expect(t.upstream.calls[0]?.url).toBe(`https://api.test.invalid/sessions/${SESSION}`);
    const body = sessionDetailsSchema.parse(await response.json());
    expect(body).toEqual({
      created_at: '2026-03-01T11:00:00.123456',
      closed_at: null,
      status: 'closed',
      duration: 'PT41.2S',
      steps: [
        { type: 'observation', value: { started_at: '2026-03-01T11:00:02', metadata: { url: 'https://a.test', title: 'A' } } },
        { type: 'brand_new_type', value: 42 },
      ],
    });
  });

  it('defaults missing steps to [] and rejects bodies without created_at', async () => {
    const good = makeTestApp({ handler: () => jsonResponse(200, { created_at: '2026-03-01T11:00:00', status: 'active' }) });
    expect(await (await good.request(`/api/sessions/${SESSION}`)).json()).toEqual({
      created_at: '2026-03-01T11:00:00',
      closed_at: null,
      status: 'active',
      duration: null,
      steps: [],
    });
    const bad = makeTestApp({ handler: () => jsonResponse(200, { status: 'active' }) });
    const response = await bad.request(`/api/sessions/${SESSION}`);
    expect(response.status).toBe(502);
    expect((await errorOf(response)).code).toBe('bad_upstream_response');
  });

  it('maps a plain 404 to not_found', async () => {
    const t = makeTestApp();
    const response = await t.request(`/api/sessions/${SESSION}`);
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('not_found');
  });
});

describe('nothing else is routed', () => {
  it.each(['/api/other', '/api/sessions', '/api', '/api/sessions/abc/replay/extra/x', '/api/sessions/abc/replay/extra', '/api/sessions/a/b'])('GET %s → 404 route_not_found JSON', async (path) => {
    const t = makeTestApp();
    const response = await t.request(path);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await errorOf(response)).code).toBe('route_not_found');
    expect(t.upstream.calls).toHaveLength(0);
  });

  it('GET /api/unknown → 404 route_not_found', async () => {
    const t = makeTestApp();
    const response = await t.request('/api/unknown/thing');
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('route_not_found');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s on the replay route → 405 with Allow, never fetched', async (method) => {
    const t = makeTestApp();
    const response = await t.request(REPLAY_PATH, { method, body: method === 'OPTIONS' ? null : '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect((await errorOf(response)).code).toBe('method_not_allowed');
    expect(t.upstream.calls).toHaveLength(0);
  });

  it.each(['/', '/sessions/abc', '/healthz', '/api/demo-sessions'])('POST %s → 405', async (path) => {
    const t = makeTestApp();
    const response = await t.request(path, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('POST to an unknown API path → 404', async () => {
    const t = makeTestApp();
    expect((await t.request('/api/nope', { method: 'POST' })).status).toBe(404);
  });

  it('HEAD on the replay route answers without a body', async () => {
    const t = makeTestApp({ handler: () => jsonResponse(200, validReplay(null)) });
    const response = await t.request(REPLAY_PATH, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('GET /healthz → {ok: true}', async () => {
    const t = makeTestApp();
    const response = await t.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('GET /api/demo-sessions outside demo mode → [] and no upstream call', async () => {
    const t = makeTestApp();
    expect(await (await t.request('/api/demo-sessions')).json()).toEqual({ samples: [] });
    expect(t.upstream.calls).toHaveLength(0);
  });

  it('demo storage does not exist outside demo mode', async () => {
    const t = makeTestApp();
    expect((await t.request('/demo-storage/checkout-flow/seg_000.ts?expires=1&sig=00')).status).toBe(404);
  });
});
