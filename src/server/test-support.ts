import { createApp, type AppDeps } from './app';
import { contentTypeForPath } from './content-types';
import { readServerConfig } from './config';
import type { ReplayCache } from './replay-cache';

/** Distinctive so a leak is unmistakable in any body, header or log line. */
export const FAKE_KEY = 'sk-FAKE-do-not-leak-7Q9xZ3';
export const NOTTE_ENV = { NOTTE_API_KEY: FAKE_KEY, NOTTE_API_URL: 'https://api.test.invalid/' };

export const INDEX_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Replay viewer</title>' +
  '<script type="module" src="/assets/index-abc123.js"></script>' +
  '<link rel="modulepreload" crossorigin href="/assets/main-m1.js">' +
  '<meta name="replay-hls-chunks" content="/assets/hls.light-h1.js">' +
  '<meta name="replay-app-chunks" content="/assets/main-m1.js /assets/ViewerPage-v1.js">' +
  '</head><body><div id="root"></div></body></html>';

export const DEMO_PLAYLIST = [
  '#EXTM3U',
  '#EXT-X-VERSION:6',
  '#EXT-X-TARGETDURATION:2',
  '#EXT-X-PLAYLIST-TYPE:VOD',
  '#EXTINF:2.000000,',
  'seg_000.ts',
  '#EXTINF:2.000000,',
  'seg_001.ts',
  '#EXTINF:1.500000,',
  'seg_002.ts',
  '#EXT-X-ENDLIST',
  '',
].join('\n');

export const FAKE_MP4 = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);

export function defaultAssets(): Map<string, string | Uint8Array> {
  const assets = new Map<string, string | Uint8Array>([
    ['/index.html', INDEX_HTML],
    ['/assets/index-abc123.js', 'console.log("app")'],
    ['/favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
  ]);
  for (const media of ['checkout-flow', 'search-and-extract']) {
    assets.set(`/demo-media/${media}/index.m3u8`, DEMO_PLAYLIST);
    assets.set(`/demo-media/${media}/seg_000.ts`, new Uint8Array([0x47, 1, 2, 3]));
    assets.set(`/demo-media/${media}/replay.mp4`, FAKE_MP4);
    assets.set(`/demo-media/${media}/thumb.jpg`, new Uint8Array([0xff, 0xd8, 0xff]));
  }
  return assets;
}

export interface FakeClock {
  now: number;
  advance(ms: number): void;
}

export function fakeClock(startMs = Date.parse('2026-03-01T12:00:00Z')): FakeClock {
  const clock: FakeClock = {
    now: startMs,
    advance(ms) {
      clock.now += ms;
    },
  };
  return clock;
}

export type UpstreamHandler = (request: Request) => Response | Promise<Response>;

export interface RecordingUpstream {
  calls: Request[];
  fetch: typeof fetch;
}

/** A fake `fetch` recording every request it receives. */
export function recordingUpstream(handler: UpstreamHandler): RecordingUpstream {
  const calls: Request[] = [];
  const fetchFn = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    calls.push(request);
    return handler(request);
  };
  return { calls, fetch: fetchFn };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export interface TestApp {
  request(path: string, init?: RequestInit, clientAddress?: string): Promise<Response>;
  logs: Array<Record<string, unknown>>;
  clock: FakeClock;
  upstream: RecordingUpstream;
}

export function makeTestApp(
  options: {
    env?: Record<string, string>;
    handler?: UpstreamHandler;
    clock?: FakeClock;
    assets?: Map<string, string | Uint8Array>;
    cache?: ReplayCache;
  } = {},
): TestApp {
  const clock = options.clock ?? fakeClock();
  const upstream = recordingUpstream(options.handler ?? (() => jsonResponse(404, { detail: 'Session not found' })));
  const assets = options.assets ?? defaultAssets();
  const logs: Array<Record<string, unknown>> = [];
  const deps: AppDeps = {
    config: readServerConfig(options.env ?? NOTTE_ENV),
    fetchUpstream: upstream.fetch,
    nowMs: () => clock.now,
    readAsset: async (path) => {
      const body = assets.get(path);
      if (body === undefined) return null;
      const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
      return new Response(bytes.slice(), {
        headers: { 'content-type': contentTypeForPath(path), 'content-length': String(bytes.byteLength) },
      });
    },
    log: (line) => logs.push(line),
  };
  if (options.cache !== undefined) deps.cache = options.cache;
  const app = createApp(deps);
  return {
    request: async (path, init, clientAddress = '203.0.113.7') =>
      app.fetch(new Request(new URL(path, 'http://viewer.test'), init), { clientAddress }),
    logs,
    clock,
    upstream,
  };
}

export function validReplay(expiresAt: string | null): Record<string, unknown> {
  return {
    playlist_content: '#EXTM3U\n#EXTINF:2,\nhttps://storage.test/seg0.ts?sig=abc\n',
    mp4_url: 'https://storage.test/replay.mp4?sig=abc',
    expires_at: expiresAt,
    video_start_ms: 1800,
    video_duration_ms: 30000,
    extra_field: 'ignored',
  };
}
