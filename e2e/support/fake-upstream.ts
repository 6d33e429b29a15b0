/**
 * A fault-injecting fake Notte API and a fake storage server, both over real HTTP on loopback
 * (two origins, random ports). Tests run the built app against it.
 *
 * Session IDs choose the behaviour: `<scenario>--<anything unique>` (e.g. `hls-ok--w0-t3`) is
 * served by the scenario named before the first `--`; an ID without a known scenario is a plain
 * `404 {"detail": "Session not found"}`. Per-ID state (call counters, "healed") lets each test use
 * its own ID, so tests in parallel and the proxy's per-session cache never interfere.
 *
 * Storage URLs look presigned: `/s/<mode>/<asset>?expires=<epoch ms>&sid=<session>&sig=<hmac>`.
 * `mode` is `ok`, `nocors` (no CORS headers), `missing` (404) or `hang` (a GET that is never answered:
 * no data, no error, the connection stays open). Past `expires` (or with a wrong `sig`) storage
 * answers 403. mp4 answers Range requests with 206.
 *
 * Control: in-process through the returned object, or over HTTP on the API origin with the header
 * `x-fake-upstream-control: 1`: `POST /__control/reset`, `GET /__control/requests?session=ID`,
 * `GET /__control/storage-requests?session=ID`, `POST /__control/sessions/ID/heal`.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { shiftMpegTsTimestamps } from './mpegts.js';

export const E2E_API_KEY = 'nk_e2e_secret_5b1f0c7a9e2d4863_do_not_leak';
export const DEFAULT_MEDIA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/media');

/** Header that marks a control request on the API origin. */
export const CONTROL_HEADER = 'x-fake-upstream-control';

export interface RecordedRequest {
  seq: number;
  atMs: number;
  method: string;
  /** Path without the query. */
  path: string;
  query: string;
  headers: Record<string, string>;
  sessionId: string | null;
  kind: 'replay' | 'session' | 'other';
  status: number;
}

export interface RecordedStorageRequest {
  seq: number;
  atMs: number;
  method: string;
  path: string;
  mode: string;
  asset: string;
  sessionId: string | null;
  range: string | null;
  status: number;
}

export interface FakeUpstreamOptions {
  apiKey?: string;
  mediaDir?: string;
  /** Lifetime of `short-links` links. */
  shortLinkTtlMs?: number;
  /** How many replay calls `processing-then-ready` answers 404 retryable before it is ready. */
  processingCalls?: number;
  /** How long `slow` keeps the request open without answering. */
  slowHoldMs?: number;
  /** `Retry-After` seconds of `rate-limited`. */
  retryAfterSec?: number;
}

export interface FakeUpstream {
  apiUrl: string;
  storageUrl: string;
  apiKey: string;
  /** Duration of the 30 s fixture clip, as the scenarios report it in `video_duration_ms`. */
  clipDurationMs: number;
  requests(filter?: { sessionId?: string; kind?: RecordedRequest['kind'] }): RecordedRequest[];
  /** Upstream calls for one session's replay. */
  replayCalls(sessionId: string): RecordedRequest[];
  storageRequests(filter?: { sessionId?: string }): RecordedStorageRequest[];
  /** Makes a failing scenario (`server-error`) answer normally from now on. */
  heal(sessionId: string): void;
  /** The `expires_at` (epoch ms) of every replay answer given for a session, in order. */
  issuedExpiries(sessionId: string): number[];
  reset(): void;
  options: Required<FakeUpstreamOptions>;
  stop(): Promise<void>;
}

interface SessionState {
  replayCalls: number;
  healed: boolean;
  expiries: number[];
}

interface ReplyPlan {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Keep the request open this long before answering. */
  holdMs?: number;
  /** Send `body` as-is (a string), not as JSON. */
  raw?: { contentType: string };
}

interface ClipMedia {
  playlistText: string;
  /** The same clip as fMP4 HLS (`#EXT-X-MAP` init segment, .m4s segments). */
  fmp4PlaylistText: string;
  durationMs: number;
}

const LONG_SEGMENT_SEC = 2;
/** `hls-breaks-late`: the first clip segment that storage no longer has (22 s into the video). */
export const BREAKS_AT_SEGMENT = 11;
const LONG_SEGMENT_COUNT = 3600;
const SHORT_LINKS_SEGMENT_COUNT = 45;
/** How many replay calls `processing-longer-then-ready` answers 404 retryable before it is ready. */
export const LONGER_PROCESSING_CALLS = 4;

/** `video_start_ms` of the clip-based scenarios (hls-ok, mp4-only, ...). */
export const CLIP_VIDEO_START_MS = 3000;
export const LONG_VIDEO_START_MS = 1500;
export const LONG_DURATION_MS = LONG_SEGMENT_COUNT * LONG_SEGMENT_SEC * 1000;
export const SHORT_LINKS_VIDEO_START_MS = 2000;
export const SHORT_LINKS_DURATION_MS = SHORT_LINKS_SEGMENT_COUNT * LONG_SEGMENT_SEC * 1000;

export async function startFakeUpstream(options: FakeUpstreamOptions = {}): Promise<FakeUpstream> {
  const opts: Required<FakeUpstreamOptions> = {
    apiKey: options.apiKey ?? E2E_API_KEY,
    mediaDir: options.mediaDir ?? process.env['E2E_MEDIA_DIR'] ?? DEFAULT_MEDIA_DIR,
    shortLinkTtlMs: options.shortLinkTtlMs ?? 8_000,
    processingCalls: options.processingCalls ?? 2,
    slowHoldMs: options.slowHoldMs ?? 20_000,
    retryAfterSec: options.retryAfterSec ?? 2,
  };
  const media = loadMedia(opts.mediaDir);
  const signingSecret = randomBytes(16).toString('hex');
  const requests: RecordedRequest[] = [];
  const storageRequests: RecordedStorageRequest[] = [];
  const states = new Map<string, SessionState>();
  let seq = 0;

  const stateOf = (sessionId: string): SessionState => {
    let state = states.get(sessionId);
    if (!state) {
      state = { replayCalls: 0, healed: false, expiries: [] };
      states.set(sessionId, state);
    }
    return state;
  };

  // ---- storage --------------------------------------------------------------------------------
  const storage = await listen((req, res) => {
    const url = new URL(req.url ?? '/', 'http://storage.invalid');
    const record: RecordedStorageRequest = {
      seq: ++seq,
      atMs: Date.now(),
      method: req.method ?? 'GET',
      path: url.pathname,
      mode: '',
      asset: '',
      sessionId: url.searchParams.get('sid'),
      range: headerValue(req.headers.range),
      status: 0,
    };
    storageRequests.push(record);
    const finish = (status: number, headers: Record<string, string | number>, body?: Buffer | string) => {
      record.status = status;
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const match = /^\/s\/(ok|nocors|missing|hang)\/((?:clip|long)\/[A-Za-z0-9_.-]+)$/.exec(url.pathname);
    if (!match) return finish(404, { 'content-type': 'text/plain' }, 'no such object');
    const mode = match[1] ?? 'ok';
    const asset = match[2] ?? '';
    record.mode = mode;
    record.asset = asset;
    const cors: Record<string, string> =
      mode === 'nocors'
        ? {}
        : {
            'access-control-allow-origin': '*',
            'access-control-expose-headers': 'Content-Length, Content-Range, Accept-Ranges',
          };
    if (req.method === 'OPTIONS') {
      return finish(204, {
        ...cors,
        ...(mode === 'nocors'
          ? {}
          : { 'access-control-allow-methods': 'GET, HEAD', 'access-control-allow-headers': 'Range', 'access-control-max-age': '600' }),
      });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return finish(405, { ...cors, allow: 'GET, HEAD' });
    const expires = Number(url.searchParams.get('expires'));
    const sig = url.searchParams.get('sig');
    const sid = url.searchParams.get('sid') ?? '';
    if (!Number.isFinite(expires) || sig !== sign(signingSecret, mode, asset, expires, sid)) {
      return finish(403, { ...cors, 'content-type': 'application/xml' }, '<Error><Code>SignatureDoesNotMatch</Code></Error>');
    }
    if (Date.now() > expires) {
      return finish(403, { ...cors, 'content-type': 'application/xml' }, '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
    }
    // A storage host that hangs: the request stays open (status 0 in the record) until the client leaves.
    if (mode === 'hang') return;
    if (mode === 'missing') return finish(404, { ...cors, 'content-type': 'application/xml' }, '<Error><Code>NoSuchKey</Code></Error>');
    const body = readAsset(opts.mediaDir, asset);
    if (!body) return finish(404, { ...cors, 'content-type': 'application/xml' }, '<Error><Code>NoSuchKey</Code></Error>');
    const contentType = /\.(mp4|m4s)$/.test(asset) ? 'video/mp4' : asset.endsWith('.m3u8') ? 'application/vnd.apple.mpegurl' : 'video/mp2t';
    const base = { ...cors, 'content-type': contentType, 'accept-ranges': 'bytes', 'cache-control': 'no-store' };
    const range = parseRange(record.range, body.length);
    if (range === 'unsatisfiable') return finish(416, { ...base, 'content-range': `bytes */${body.length}` });
    if (range) {
      const chunk = body.subarray(range.start, range.end + 1);
      return finish(206, { ...base, 'content-length': chunk.length, 'content-range': `bytes ${range.start}-${range.end}/${body.length}` }, chunk);
    }
    return finish(200, { ...base, 'content-length': body.length }, body);
  });
  const storageUrl = `http://127.0.0.1:${storage.port}`;

  const link = (mode: 'ok' | 'nocors' | 'missing' | 'hang', asset: string, expiresAtMs: number, sessionId: string): string => {
    const sig = sign(signingSecret, mode, asset, expiresAtMs, sessionId);
    const query = new URLSearchParams({ expires: String(expiresAtMs), sid: sessionId, sig });
    return `${storageUrl}/s/${mode}/${asset}?${query.toString()}`;
  };

  // ---- replay bodies ------------------------------------------------------------------------------
  const clipPlaylist = (mode: 'ok' | 'nocors' | 'missing', expiresAtMs: number, sessionId: string, format: 'ts' | 'fmp4' = 'ts'): string =>
    rewritePlaylist(format === 'fmp4' ? media.clip.fmp4PlaylistText : media.clip.playlistText, (uri) => link(mode, `clip/${uri}`, expiresAtMs, sessionId));
  /** The clip whose segments from `BREAKS_AT_SEGMENT` on are gone from storage (404): a stream that breaks mid-way. */
  const breakingClipPlaylist = (expiresAtMs: number, sessionId: string): string =>
    rewritePlaylist(media.clip.playlistText, (uri) => {
      const index = Number(/seg_(\d+)\.ts$/.exec(uri)?.[1] ?? 0);
      return link(index >= BREAKS_AT_SEGMENT ? 'missing' : 'ok', `clip/${uri}`, expiresAtMs, sessionId);
    });

  const longPlaylist = (segmentCount: number, expiresAtMs: number, sessionId: string): string => {
    const lines = ['#EXTM3U', '#EXT-X-VERSION:3', `#EXT-X-TARGETDURATION:${LONG_SEGMENT_SEC}`, '#EXT-X-MEDIA-SEQUENCE:0', '#EXT-X-PLAYLIST-TYPE:VOD'];
    for (let i = 0; i < segmentCount; i += 1) {
      lines.push(`#EXTINF:${LONG_SEGMENT_SEC.toFixed(6)},`, link('ok', `long/seg_${String(i).padStart(4, '0')}.ts`, expiresAtMs, sessionId));
    }
    lines.push('#EXT-X-ENDLIST', '');
    return lines.join('\n');
  };

  interface ReplayShape {
    playlist?: 'ok' | 'fmp4' | 'nocors' | 'missing' | 'breaks' | 'long' | 'short' | null;
    mp4?: 'ok' | 'nocors' | 'hang' | null;
    ttlMs?: number | null;
    videoStartMs?: number | null;
    videoDurationMs?: number | null;
  }
  const replayBody = (sessionId: string, shape: ReplayShape): Record<string, unknown> => {
    const now = Date.now();
    const ttlMs = shape.ttlMs === undefined ? 60 * 60 * 1000 : shape.ttlMs;
    // Presigned links need an expiry even when the API does not state one.
    const expiresAtMs = now + (ttlMs ?? 60 * 60 * 1000);
    if (ttlMs !== null) stateOf(sessionId).expiries.push(expiresAtMs);
    const playlist = shape.playlist === undefined ? 'ok' : shape.playlist;
    let playlistContent: string | null = null;
    if (playlist === 'long') playlistContent = longPlaylist(LONG_SEGMENT_COUNT, expiresAtMs, sessionId);
    else if (playlist === 'short') playlistContent = longPlaylist(SHORT_LINKS_SEGMENT_COUNT, expiresAtMs, sessionId);
    else if (playlist === 'fmp4') playlistContent = clipPlaylist('ok', expiresAtMs, sessionId, 'fmp4');
    else if (playlist === 'breaks') playlistContent = breakingClipPlaylist(expiresAtMs, sessionId);
    else if (playlist !== null) playlistContent = clipPlaylist(playlist, expiresAtMs, sessionId);
    const mp4 = shape.mp4 === undefined ? 'ok' : shape.mp4;
    return {
      playlist_content: playlistContent,
      mp4_url: mp4 === null ? null : link(mp4, 'clip/clip.mp4', expiresAtMs, sessionId),
      expires_at: ttlMs === null ? null : pythonIso(expiresAtMs),
      video_start_ms: shape.videoStartMs === undefined ? CLIP_VIDEO_START_MS : shape.videoStartMs,
      video_duration_ms: shape.videoDurationMs === undefined ? media.clip.durationMs : shape.videoDurationMs,
      // Unknown fields must be tolerated.
      session_id: sessionId,
      storage_backend: 'fake-s3',
    };
  };

  const ok = (sessionId: string, shape: ReplayShape = {}): ReplyPlan => ({ status: 200, body: replayBody(sessionId, shape) });
  const replayMissing = (sessionId: string, status: number, replayStatus: string, retryable: boolean, message: string): ReplyPlan => ({
    status,
    body: {
      detail: message,
      session_id: sessionId,
      status: replayStatus === 'waiting_for_session' ? 'active' : 'closed',
      error: 'ReplayMissing',
      message,
      replay_status: replayStatus,
      retryable,
    },
  });
  const notFound = (): ReplyPlan => ({ status: 404, body: { detail: 'Session not found' } });

  const scenarios: Record<string, (sessionId: string, state: SessionState) => ReplyPlan> = {
    'hls-ok': (id) => ok(id),
    'hls-only': (id) => ok(id, { mp4: null }),
    'hls-fmp4': (id) => ok(id, { playlist: 'fmp4', mp4: null }),
    'mp4-only': (id) => ok(id, { playlist: null }),
    // Only an mp4, on a storage host that never answers its request.
    'mp4-hangs': (id) => ok(id, { playlist: null, mp4: 'hang' }),
    // The replay is fine; the session's details (steps) always fail (below).
    'details-fail': (id) => ok(id),
    'broken-hls': (id) => ok(id, { playlist: 'missing' }),
    'hls-breaks-late': (id) => ok(id, { playlist: 'breaks' }),
    'no-cors-hls': (id) => ok(id, { playlist: 'nocors' }),
    'no-cors-all': (id) => ok(id, { playlist: 'nocors', mp4: 'nocors' }),
    'null-expiry': (id) => ok(id, { ttlMs: null }),
    'null-bounds': (id) => ok(id, { videoStartMs: null, videoDurationMs: null }),
    'short-links': (id) =>
      ok(id, { playlist: 'short', mp4: null, ttlMs: opts.shortLinkTtlMs, videoStartMs: SHORT_LINKS_VIDEO_START_MS, videoDurationMs: SHORT_LINKS_DURATION_MS }),
    // The session is deleted after its first replay answer: every renewal is a final 404.
    'short-links-then-gone': (id, state) =>
      state.replayCalls === 1
        ? ok(id, { playlist: 'short', mp4: null, ttlMs: opts.shortLinkTtlMs, videoStartMs: SHORT_LINKS_VIDEO_START_MS, videoDurationMs: SHORT_LINKS_DURATION_MS })
        : notFound(),
    long: (id) => ok(id, { playlist: 'long', mp4: null, videoStartMs: LONG_VIDEO_START_MS, videoDurationMs: LONG_DURATION_MS }),
    'processing-then-ready': (id, state) =>
      state.replayCalls <= opts.processingCalls ? replayMissing(id, 404, 'processing', true, 'The replay is still being processed') : ok(id),
    // Long enough to see several polls: their gaps must grow.
    'processing-longer-then-ready': (id, state) =>
      state.replayCalls <= LONGER_PROCESSING_CALLS ? replayMissing(id, 404, 'processing', true, 'The replay is still being processed') : ok(id),
    'waiting-then-ready': (id, state) =>
      state.replayCalls <= opts.processingCalls ? replayMissing(id, 410, 'waiting_for_session', true, 'The session is still running') : ok(id),
    'processing-forever': (id) => replayMissing(id, 404, 'processing', true, 'The replay is still being processed'),
    failed: (id) => replayMissing(id, 410, 'failed', false, 'Replay generation failed'),
    unavailable: (id) => replayMissing(id, 404, 'unavailable', false, 'No frames were recorded for this session'),
    'not-found': () => notFound(),
    'rate-limited': (id, state) =>
      state.replayCalls === 1
        ? {
            status: 429,
            headers: {
              'retry-after': String(opts.retryAfterSec),
              'x-ratelimit-limit': '60',
              'x-ratelimit-remaining': '0',
              'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + opts.retryAfterSec),
            },
            body: { message: 'Rate limit exceeded', detail: `Too many requests. Retry after ${opts.retryAfterSec} seconds.` },
          }
        : ok(id),
    'server-error': (id, state) =>
      state.healed
        ? ok(id)
        : state.replayCalls % 2 === 1
          ? { status: 500, body: { detail: 'Internal Server Error' } }
          : { status: 529, body: { message: 'Service overloaded', error: 'overloaded' } },
    slow: (id) => ({ ...ok(id), holdMs: opts.slowHoldMs }),
    malformed: () => ({
      status: 200,
      body: { playlist_content: 12345, mp4_url: { href: 'nope' }, expires_at: true, video_start_ms: 'soon', video_duration_ms: -1.5 },
    }),
    'malformed-nonjson': () => ({ status: 200, body: '<html><body>Bad gateway</body></html>', raw: { contentType: 'text/html' } }),
    'no-video': (id) => ok(id, { playlist: null, mp4: null, videoStartMs: null, videoDurationMs: null }),
    'validation-error': (id) => ({
      status: 422,
      body: { detail: [{ loc: ['path', 'session_id'], msg: 'Invalid session id format', type: 'value_error', input: id }] },
    }),
  };

  const playable = new Set(['hls-ok', 'hls-only', 'hls-fmp4', 'mp4-only', 'mp4-hangs', 'broken-hls', 'hls-breaks-late', 'short-links-then-gone', 'no-cors-hls', 'no-cors-all', 'null-expiry', 'null-bounds', 'short-links', 'long', 'processing-then-ready', 'processing-longer-then-ready', 'rate-limited', 'slow']);

  // ---- API ------------------------------------------------------------------------------------------
  const openSockets = new Set<Socket>();
  const api = await listen(
    (req, res) => {
      const url = new URL(req.url ?? '/', 'http://api.invalid');
      if (headerValue(req.headers[CONTROL_HEADER]) === '1' && url.pathname.startsWith('/__control/')) {
        return handleControl(req, res, url);
      }
      const replayMatch = /^\/sessions\/([^/]+)\/replay$/.exec(url.pathname);
      const sessionMatch = /^\/sessions\/([^/]+)$/.exec(url.pathname);
      const sessionId = safeDecode((replayMatch ?? sessionMatch)?.[1] ?? null);
      const record: RecordedRequest = {
        seq: ++seq,
        atMs: Date.now(),
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.search,
        headers: flattenHeaders(req.headers),
        sessionId,
        kind: replayMatch ? 'replay' : sessionMatch ? 'session' : 'other',
        status: 0,
      };
      requests.push(record);
      req.resume();
      const send = (plan: ReplyPlan) => {
        const write = () => {
          if (res.destroyed || res.writableEnded) return;
          record.status = plan.status;
          const text = plan.raw ? String(plan.body) : JSON.stringify(plan.body);
          res.writeHead(plan.status, {
            'content-type': plan.raw ? plan.raw.contentType : 'application/json',
            'content-length': Buffer.byteLength(text),
            // Headers a proxy must not pass on to browsers as-is.
            'set-cookie': 'upstream_session=abc123; Path=/; HttpOnly',
            'x-upstream-internal': 'fake-notte',
            ...plan.headers,
          });
          res.end(text);
        };
        if (plan.holdMs) {
          const timer = setTimeout(write, plan.holdMs);
          res.on('close', () => clearTimeout(timer));
        } else write();
      };
      const auth = headerValue(req.headers.authorization);
      if (auth !== `Bearer ${opts.apiKey}`) {
        return send({ status: 401, body: { message: 'Authentication failed. Please check your API key.' } });
      }
      if (!replayMatch && !sessionMatch) return send({ status: 404, body: { detail: 'Not Found' } });
      if (req.method !== 'GET') return send({ status: 405, body: { detail: 'Method Not Allowed' } });
      const id = sessionId ?? '';
      const scenarioName = id.split('--')[0] ?? '';
      if (replayMatch) {
        const state = stateOf(id);
        state.replayCalls += 1;
        const scenario = scenarios[scenarioName] ?? notFound;
        return send(scenario(id, state));
      }
      if (scenarioName === 'details-fail') return send({ status: 500, body: { detail: 'Internal Server Error' } });
      if (!playable.has(scenarioName) && !scenarioName.startsWith('server-error')) return send(notFound());
      return send({ status: 200, body: sessionDetails(id, scenarioName === 'long' ? LONG_VIDEO_START_MS : CLIP_VIDEO_START_MS) });
    },
    openSockets,
  );
  const apiUrl = `http://127.0.0.1:${api.port}`;

  const filterRequests = (filter?: { sessionId?: string; kind?: RecordedRequest['kind'] }) =>
    requests.filter(
      (r) => (filter?.sessionId === undefined || r.sessionId === filter.sessionId) && (filter?.kind === undefined || r.kind === filter.kind),
    );
  const filterStorage = (filter?: { sessionId?: string }) =>
    storageRequests.filter((r) => filter?.sessionId === undefined || r.sessionId === filter.sessionId);

  function handleControl(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    req.resume();
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const session = url.searchParams.get('session') ?? undefined;
    if (req.method === 'POST' && url.pathname === '/__control/reset') {
      control.reset();
      return json(200, { ok: true });
    }
    if (req.method === 'GET' && url.pathname === '/__control/requests') return json(200, filterRequests(session === undefined ? undefined : { sessionId: session }));
    if (req.method === 'GET' && url.pathname === '/__control/storage-requests') return json(200, filterStorage(session === undefined ? undefined : { sessionId: session }));
    const heal = /^\/__control\/sessions\/([^/]+)\/heal$/.exec(url.pathname);
    if (req.method === 'POST' && heal) {
      control.heal(safeDecode(heal[1] ?? null) ?? '');
      return json(200, { ok: true });
    }
    return json(404, { error: 'unknown control route' });
  }

  const control: FakeUpstream = {
    apiUrl,
    storageUrl,
    apiKey: opts.apiKey,
    clipDurationMs: media.clip.durationMs,
    options: opts,
    requests: filterRequests,
    replayCalls: (sessionId) => filterRequests({ sessionId, kind: 'replay' }),
    storageRequests: filterStorage,
    heal: (sessionId) => {
      stateOf(sessionId).healed = true;
    },
    issuedExpiries: (sessionId) => [...(states.get(sessionId)?.expiries ?? [])],
    reset: () => {
      requests.length = 0;
      storageRequests.length = 0;
      states.clear();
    },
    stop: async () => {
      for (const socket of openSockets) socket.destroy();
      await Promise.all([api.close(), storage.close()]);
    },
  };
  return control;
}

// ---- helpers ------------------------------------------------------------------------------------------

interface Listening {
  port: number;
  close(): Promise<void>;
}

async function listen(handler: http.RequestListener, sockets: Set<Socket> = new Set()): Promise<Listening> {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function loadMedia(mediaDir: string): { clip: ClipMedia } {
  const playlistPath = path.join(mediaDir, 'clip', 'index.m3u8');
  if (!existsSync(playlistPath)) throw new Error(`fake upstream: media fixtures missing at ${playlistPath}`);
  const playlistText = readFileSync(playlistPath, 'utf8');
  const fmp4PlaylistText = readFileSync(path.join(mediaDir, 'clip', 'fmp4.m3u8'), 'utf8');
  return { clip: { playlistText, fmp4PlaylistText, durationMs: clipDurationMs(mediaDir, playlistText) } };
}

/** Duration from manifest.json when it states one, else the sum of the playlist's EXTINF values. */
function clipDurationMs(mediaDir: string, playlistText: string): number {
  const manifestPath = path.join(mediaDir, 'clip', 'manifest.json');
  if (existsSync(manifestPath)) {
    try {
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
      const found = findDurationMs(manifest);
      if (found !== null) return found;
    } catch {
      // fall through to the playlist
    }
  }
  let totalSec = 0;
  for (const match of playlistText.matchAll(/#EXTINF:([\d.]+)/g)) totalSec += Number(match[1]);
  return Math.round(totalSec * 1000);
}

function findDurationMs(manifest: Record<string, unknown>): number | null {
  const candidates: Array<[string, number]> = [
    ['video_duration_ms', 1],
    ['durationMs', 1],
    ['duration_ms', 1],
    ['durationSec', 1000],
    ['duration_sec', 1000],
    ['duration', 1000],
  ];
  for (const [key, factor] of candidates) {
    const value = manifest[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return Math.round(value * factor);
  }
  for (const value of Object.values(manifest)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const nested = findDurationMs(value as Record<string, unknown>);
      if (nested !== null) return nested;
    }
  }
  return null;
}

const assetCache = new Map<string, Buffer>();

function readAsset(mediaDir: string, asset: string): Buffer | null {
  const longMatch = /^long\/seg_(\d{1,5})\.ts$/.exec(asset);
  if (longMatch) {
    const index = Number(longMatch[1]);
    if (index >= LONG_SEGMENT_COUNT) return null;
    const base = readFile(path.join(mediaDir, 'long', 'seg_000.ts'));
    return base ? shiftMpegTsTimestamps(base, index * LONG_SEGMENT_SEC) : null;
  }
  const clipMatch = /^clip\/([A-Za-z0-9_-]+\.(?:ts|mp4|m4s|m3u8))$/.exec(asset);
  if (!clipMatch) return null;
  return readFile(path.join(mediaDir, 'clip', clipMatch[1] ?? ''));
}

function readFile(filePath: string): Buffer | null {
  const cached = assetCache.get(filePath);
  if (cached) return cached;
  if (!existsSync(filePath)) return null;
  const data = readFileSync(filePath);
  assetCache.set(filePath, data);
  return data;
}

/** Replaces every URI of a media playlist (segment lines and `URI="..."` attributes). */
function rewritePlaylist(text: string, toUrl: (uri: string) => string): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const trimmed = line.trim();
      if (trimmed === '') return line;
      if (trimmed.startsWith('#')) return line.replace(/URI="([^"]+)"/g, (_all, uri: string) => `URI="${toUrl(uri)}"`);
      return toUrl(trimmed);
    })
    .join('\n');
}

function sign(secret: string, mode: string, asset: string, expiresAtMs: number, sessionId: string): string {
  return createHmac('sha256', secret).update(`${mode}/${asset}:${expiresAtMs}:${sessionId}`).digest('hex').slice(0, 24);
}

function parseRange(header: string | null, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, startText = '', endText = ''] = match;
  let start: number;
  let end: number;
  if (startText === '') {
    const suffix = Number(endText);
    if (!suffix) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(startText);
    end = endText === '' ? size - 1 : Math.min(Number(endText), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

/** Python's `datetime.isoformat()` with an explicit UTC offset, as Notte sends it. */
function pythonIso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');
}

/** UTC without a zone suffix, as Notte's session steps carry it. */
function naiveUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000');
}

function sessionDetails(sessionId: string, videoStartMs: number): Record<string, unknown> {
  const createdMs = Date.UTC(2026, 2, 1, 10, 0, 0, 250);
  // A step's place on the video: (started_at - created_at) - video_start_ms.
  const at = (videoSec: number) => naiveUtc(createdMs + videoStartMs + videoSec * 1000);
  return {
    session_id: sessionId,
    created_at: naiveUtc(createdMs),
    closed_at: naiveUtc(createdMs + 41_200),
    status: 'closed',
    duration: 'PT41.2S',
    steps: [
      { type: 'agent_step_start', value: { step: 1 } },
      {
        type: 'execution_result',
        value: { started_at: at(0.5), ended_at: at(1.5), action: { type: 'goto', url: 'https://example.com/login' }, success: true, message: 'Navigated' },
      },
      {
        type: 'observation',
        value: { started_at: at(2), ended_at: at(2.6), metadata: { url: 'https://example.com/login', title: 'Log in' } },
      },
      {
        type: 'execution_result',
        value: { started_at: at(4), ended_at: at(4.8), action: { type: 'fill', id: 'I1', value: 'alice@example.com' }, success: true, message: 'Filled email' },
      },
      {
        type: 'execution_result',
        value: { started_at: at(7), ended_at: at(7.5), action: { type: 'click', id: 'B2' }, success: false, message: 'Element not clickable' },
      },
      { type: 'agent_step_stop', value: { step: 1 } },
      { type: 'agent_completion', value: { success: true, answer: 'Logged in' } },
    ],
  };
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const text = headerValue(value);
    if (text !== null) out[name] = text;
  }
  return out;
}

function safeDecode(text: string | null): string | null {
  if (text === null) return null;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
