import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { replaySchema, toReplay, upstreamReplaySchema } from './replay-schema';

const GOOD = {
  playlist_content: '#EXTM3U\n#EXTINF:2,\nhttps://s.example/seg0.ts?sig=1\n#EXT-X-ENDLIST\n',
  mp4_url: 'https://s.example/replay.mp4?sig=1',
  expires_at: '2026-08-06T18:00:00+00:00',
  video_start_ms: 1800,
  video_duration_ms: 30_000,
};

describe('upstreamReplaySchema', () => {
  it('accepts a full answer and drops unknown fields on the way out', () => {
    const parsed = z.parse(upstreamReplaySchema, { ...GOOD, extra: { nested: true } });
    expect(toReplay(parsed)).toEqual(GOOD);
    expect(z.safeParse(replaySchema, toReplay(parsed)).success).toBe(true);
  });
  it('tolerates null and missing optional fields, including expires_at', () => {
    const parsed = z.parse(upstreamReplaySchema, { playlist_content: null, mp4_url: 'https://x/y.mp4' });
    expect(toReplay(parsed)).toEqual({
      playlist_content: null,
      mp4_url: 'https://x/y.mp4',
      expires_at: null,
      video_start_ms: null,
      video_duration_ms: null,
    });
  });
  it.each([
    ['a non-object', 'hello'],
    ['an array', [GOOD]],
    ['a numeric playlist', { ...GOOD, playlist_content: 42 }],
    ['a fractional start', { ...GOOD, video_start_ms: 1.5 }],
    ['a string duration', { ...GOOD, video_duration_ms: '30000' }],
  ])('rejects %s', (_name, body) => {
    expect(z.safeParse(upstreamReplaySchema, body).success).toBe(false);
  });
});
