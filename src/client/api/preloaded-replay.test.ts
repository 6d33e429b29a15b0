import { afterEach, describe, expect, it, vi } from 'vitest';
import { replaySchema } from '../../shared/replay-schema';
import { fetchApiJson } from './fetch-api-json';
import { readPreloadedReplay, takePreloadedReplay } from './preloaded-replay';
import { ViewerError } from './viewer-error';

const replay = { playlist_content: null, mp4_url: 'https://storage.test/a.mp4', expires_at: null, video_start_ms: 0, video_duration_ms: 1_000 };

afterEach(() => vi.unstubAllGlobals());

function stubFetch(body: unknown, status = 200) {
  const fetchMock = vi.fn(async (_path: string) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('the replay boot.ts reads from the preload', () => {
  it('is asked once, and handed to the first replay fetch of that session only, once', async () => {
    const fetchMock = stubFetch(replay);
    const answer = readPreloadedReplay('s1');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/sessions/s1/replay');
    expect(takePreloadedReplay('s2')).toBeNull();
    expect(takePreloadedReplay('s1')).toBe(answer);
    expect(takePreloadedReplay('s1')).toBeNull();
    await expect(answer).resolves.toEqual({ ok: true, status: 200, body: replay });
  });

  it('is validated by the app like any answer: a bad body is a bad_proxy_response, an error body a ViewerError', async () => {
    stubFetch({ ...replay, mp4_url: 42 });
    await expect(fetchApiJson('/x', replaySchema, undefined, readPreloadedReplay('s1'))).rejects.toMatchObject({ code: 'bad_proxy_response' });
    stubFetch({ error: { code: 'not_found', message: 'No such session.', retryable: false } }, 404);
    const failure = await fetchApiJson('/x', replaySchema, undefined, readPreloadedReplay('s1')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ViewerError);
    expect(failure).toMatchObject({ code: 'not_found', httpStatus: 404 });
    stubFetch(replay);
    await expect(fetchApiJson('/x', replaySchema, undefined, readPreloadedReplay('s1'))).resolves.toEqual(replay);
  });

  it('turns a preload that got no answer into a retryable network error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(fetchApiJson('/x', replaySchema, undefined, readPreloadedReplay('s1'))).rejects.toMatchObject({ code: 'network', retryable: true });
  });
});
