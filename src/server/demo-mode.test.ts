import { describe, expect, it } from 'vitest';
import { parseUtcTimestampMs } from '../shared/clock-format';
import { apiErrorBodySchema } from '../shared/api-error-schema';
import { replaySchema, type Replay } from '../shared/replay-schema';
import { sessionDetailsSchema } from '../shared/session-details-schema';
import { createDemoUpstream, signPlaylist } from './demo/demo-upstream';
import { playlistDurationMs } from './demo/demo-samples';
import { createUrlSigner } from './demo/url-signer';
import { DEMO_PLAYLIST, defaultAssets, FAKE_MP4, makeTestApp, type TestApp } from './test-support';

const HOUR_MS = 3_600_000;

async function demoReplay(t: TestApp, id = 'demo-checkout-flow'): Promise<Replay> {
  const response = await t.request(`/api/sessions/${id}/replay`);
  expect(response.status).toBe(200);
  return replaySchema.parse(await response.json());
}

function segmentUrls(playlist: string): string[] {
  return playlist.split('\n').filter((line) => line.length > 0 && !line.startsWith('#'));
}

function pathAndQuery(url: string): string {
  const parsed = new URL(url, 'http://viewer.test');
  return `${parsed.pathname}${parsed.search}`;
}

describe('demo mode (no NOTTE_API_KEY)', () => {
  it('lists the demo samples', async () => {
    const t = makeTestApp({ env: {} });
    const body: unknown = await (await t.request('/api/demo-sessions')).json();
    expect(body).toEqual({
      samples: [
        expect.objectContaining({ id: 'demo-checkout-flow', title: 'Checkout flow', durationMs: 5500 }),
        expect.objectContaining({ id: 'demo-search-and-extract', title: 'Search and extract', durationMs: 5500 }),
      ],
    });
  });

  it('inlines the same samples in the home page only', async () => {
    const t = makeTestApp({ env: {} });
    const listed: unknown = await (await t.request('/api/demo-sessions')).json();
    const home = await (await t.request('/')).text();
    const inline = /<script type="application\/json" id="demo-samples">(.*?)<\/script>/.exec(home)?.[1];
    expect(inline && JSON.parse(inline)).toEqual(listed);
    expect(await (await t.request('/sessions/demo-checkout-flow')).text()).not.toContain('demo-samples');
    const keyed = makeTestApp({ env: { NOTTE_API_KEY: 'k', NOTTE_API_URL: 'http://127.0.0.1:4010' } });
    expect(await (await keyed.request('/')).text()).not.toContain('demo-samples');
  });

  it('answers a replay with root-relative signed URLs, expiring in an hour', async () => {
    const t = makeTestApp({ env: {} });
    const replay = await demoReplay(t);
    expect(t.upstream.calls).toHaveLength(0);
    expect(replay.video_start_ms).toBe(1800);
    expect(replay.video_duration_ms).toBe(5500);
    expect(replay.expires_at).toMatch(/\+00:00$/);
    expect(parseUtcTimestampMs(replay.expires_at ?? '')).toBe(t.clock.now + HOUR_MS);
    const playlist = replay.playlist_content ?? '';
    expect(playlist).toContain('#EXTINF:2.000000,');
    expect(playlist).toContain('#EXT-X-ENDLIST');
    const urls = segmentUrls(playlist);
    expect(urls).toHaveLength(3);
    for (const url of urls) expect(url).toMatch(/^\/demo-storage\/checkout-flow\/seg_00\d\.ts\?expires=\d+&sig=[0-9a-f]{64}$/);
    expect(replay.mp4_url).toMatch(/^\/demo-storage\/checkout-flow\/replay\.mp4\?expires=\d+&sig=[0-9a-f]{64}$/);
  });

  it('signed URLs verify and stream the file with the right type and CORS', async () => {
    const t = makeTestApp({ env: {} });
    const replay = await demoReplay(t);
    const segment = await t.request(pathAndQuery(segmentUrls(replay.playlist_content ?? '')[0] ?? ''));
    expect(segment.status).toBe(200);
    expect(segment.headers.get('content-type')).toBe('video/mp2t');
    expect(segment.headers.get('access-control-allow-origin')).toBe('*');
    expect(new Uint8Array(await segment.arrayBuffer())).toEqual(new Uint8Array([0x47, 1, 2, 3]));
    const mp4 = await t.request(pathAndQuery(replay.mp4_url ?? ''));
    expect(mp4.status).toBe(200);
    expect(mp4.headers.get('content-type')).toBe('video/mp4');
    expect(mp4.headers.get('accept-ranges')).toBe('bytes');
    expect(new Uint8Array(await mp4.arrayBuffer())).toEqual(FAKE_MP4);
  });

  it('supports Range requests on the mp4 (206 with Content-Range)', async () => {
    const t = makeTestApp({ env: {} });
    const path = pathAndQuery((await demoReplay(t)).mp4_url ?? '');
    const partial = await t.request(path, { headers: { range: 'bytes=100-199' } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(partial.headers.get('content-length')).toBe('100');
    expect(new Uint8Array(await partial.arrayBuffer())).toEqual(FAKE_MP4.slice(100, 200));
    const open = await t.request(path, { headers: { range: 'bytes=990-' } });
    expect(open.headers.get('content-range')).toBe('bytes 990-999/1000');
    const suffix = await t.request(path, { headers: { range: 'bytes=-10' } });
    expect(new Uint8Array(await suffix.arrayBuffer())).toEqual(FAKE_MP4.slice(990));
    const beyond = await t.request(path, { headers: { range: 'bytes=5000-' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */1000');
  });

  it('tampered, foreign and missing signatures → 403', async () => {
    const t = makeTestApp({ env: {} });
    const url = new URL(segmentUrls((await demoReplay(t)).playlist_content ?? '')[0] ?? '', 'http://viewer.test');
    const sig = url.searchParams.get('sig') ?? '';
    const expires = url.searchParams.get('expires') ?? '';
    const flipped = `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`;
    const cases = [
      `/demo-storage/checkout-flow/seg_000.ts?expires=${expires}&sig=${flipped}`,
      `/demo-storage/checkout-flow/seg_001.ts?expires=${expires}&sig=${sig}`,
      `/demo-storage/search-and-extract/seg_000.ts?expires=${expires}&sig=${sig}`,
      `/demo-storage/checkout-flow/seg_000.ts?expires=${Number(expires) + 1}&sig=${sig}`,
      `/demo-storage/checkout-flow/seg_000.ts?expires=${expires}`,
      `/demo-storage/checkout-flow/seg_000.ts`,
    ];
    for (const path of cases) expect((await t.request(path)).status, path).toBe(403);
    // another app instance has another random secret
    const other = makeTestApp({ env: {}, clock: t.clock });
    expect((await other.request(`${url.pathname}${url.search}`)).status).toBe(403);
  });

  it('links stop working at their expiry', async () => {
    const t = makeTestApp({ env: {} });
    const path = pathAndQuery((await demoReplay(t)).mp4_url ?? '');
    t.clock.advance(HOUR_MS - 1);
    expect((await t.request(path)).status).toBe(200);
    t.clock.advance(1);
    const expired = await t.request(path);
    expect(expired.status).toBe(403);
    expect(expired.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('a renewal after half the lifetime returns new links', async () => {
    const t = makeTestApp({ env: {} });
    const first = await demoReplay(t);
    t.clock.advance(HOUR_MS / 2);
    const second = await demoReplay(t);
    expect(second.mp4_url).not.toBe(first.mp4_url);
    expect(parseUtcTimestampMs(second.expires_at ?? '')).toBe(t.clock.now + HOUR_MS);
  });

  it('demo-mp4-only has no playlist; demo-processing is retryable processing; unknown ids are not found', async () => {
    const t = makeTestApp({ env: {} });
    const mp4Only = await demoReplay(t, 'demo-mp4-only');
    expect(mp4Only.playlist_content).toBeNull();
    expect(mp4Only.mp4_url).toContain('/demo-storage/checkout-flow/replay.mp4?');

    const processing = await t.request('/api/sessions/demo-processing/replay');
    expect(processing.status).toBe(404);
    expect(apiErrorBodySchema.parse(await processing.json()).error).toMatchObject({
      code: 'processing',
      retryable: true,
      replayStatus: 'processing',
    });

    const unknown = await t.request('/api/sessions/no-such-session/replay');
    expect(unknown.status).toBe(404);
    expect(apiErrorBodySchema.parse(await unknown.json()).error).toMatchObject({ code: 'not_found', retryable: false });
  });

  it('session details: closed, PT duration, steps placed within the session and one failure in the checkout', async () => {
    const t = makeTestApp({ env: {} });
    const response = await t.request('/api/sessions/demo-checkout-flow');
    expect(response.status).toBe(200);
    const details = sessionDetailsSchema.parse(await response.json());
    expect(details.status).toBe('closed');
    expect(details.duration).toBe('PT8.7S');
    const createdAtMs = parseUtcTimestampMs(details.created_at) ?? NaN;
    const closedAtMs = parseUtcTimestampMs(details.closed_at ?? '') ?? NaN;
    expect(closedAtMs - createdAtMs).toBe(8700);
    expect(details.created_at).not.toMatch(/Z|\+00:00$/);
    expect(details.steps.length).toBeGreaterThanOrEqual(10);
    const types = new Set(details.steps.map((step) => step.type));
    expect(types).toEqual(new Set(['execution_result', 'observation', 'agent_completion']));
    const failures = details.steps.filter(
      (step) => step.type === 'execution_result' && (step.value as { success?: unknown }).success === false,
    );
    expect(failures).toHaveLength(1);
    const fill = details.steps.find(
      (step) => step.type === 'execution_result' && (step.value as { action?: { type?: unknown } }).action?.type === 'fill',
    );
    const startedAt = parseUtcTimestampMs(String((fill?.value as { started_at?: unknown }).started_at)) ?? NaN;
    // The video starts 1.8 s into the session; make-media.sh moves to the first field at 4.2 s of video.
    expect(startedAt - createdAtMs).toBe(1800 + 4200);
  });

  it('answers from the real demo-media files (committed under public/demo-media)', async () => {
    const { readFile } = await import('node:fs/promises');
    // Read as it is: a missing file fails the test instead of skipping its checks.
    const playlist = await readFile(new URL('../../public/demo-media/checkout-flow/index.m3u8', import.meta.url), 'utf8');
    expect(playlistDurationMs(playlist)).toBe(30_000);
    const assets = defaultAssets();
    assets.set('/demo-media/checkout-flow/index.m3u8', playlist);
    const t = makeTestApp({ env: {}, assets });
    const replay = await demoReplay(t);
    expect(segmentUrls(replay.playlist_content ?? '')).toHaveLength(15);
    expect(replay.video_duration_ms).toBe(30_000);
  });
});

describe('demo upstream as a fetch function', () => {
  it('answers like Notte and 404s unknown sessions with {detail}', async () => {
    const upstream = createDemoUpstream({
      mediaOrigin: 'https://media.test',
      nowMs: () => 0,
      signer: createUrlSigner('secret'),
      readAsset: async () => new Response(DEMO_PLAYLIST),
      sessionsCreatedAtMs: 0,
      linkLifetimeMs: 1000,
    });
    const unknown = await upstream('https://api.test/sessions/nope/replay');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ detail: 'Session not found' });
    const ok = await upstream('https://api.test/sessions/demo-search-and-extract/replay');
    const body = replaySchema.parse(await ok.json());
    expect(body.expires_at).toBe('1970-01-01T00:00:01.000+00:00');
    expect(body.mp4_url).toMatch(/^https:\/\/media\.test\/demo-storage\/search-and-extract\/replay\.mp4\?expires=1000&sig=/);
    expect((await upstream('https://api.test/other')).status).toBe(404);
  });

  it('signPlaylist rewrites URI lines and URI attributes, keeps tags', async () => {
    const signed = await signPlaylist('#EXTM3U\n#EXT-X-MAP:URI="init.mp4"\n#EXTINF:2,\nseg.m4s\n', async (uri) => `S(${uri})`);
    expect(signed).toBe('#EXTM3U\n#EXT-X-MAP:URI="S(init.mp4)"\n#EXTINF:2,\nS(seg.m4s)\n');
  });
});
