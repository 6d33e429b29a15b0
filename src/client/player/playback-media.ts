import type { Replay } from '../../shared/replay-schema';

/** What a video source is started from: the replay's media fields. */
export type PlaybackMedia = Pick<Replay, 'playlist_content' | 'mp4_url' | 'video_start_ms' | 'video_duration_ms'>;

/**
 * The media fields of a proxy answer that the app has not validated yet (boot.ts runs before zod is
 * loaded). Only what starting a video needs, type by type; the app validates the whole answer with
 * `replaySchema` before it shows or trusts anything else of it.
 */
export function readPlaybackMedia(body: unknown): PlaybackMedia | null {
  if (typeof body !== 'object' || body === null) return null;
  const fields = body as Record<string, unknown>;
  const { playlist_content: playlist, mp4_url: mp4, video_start_ms: startMs, video_duration_ms: durationMs } = fields;
  if (!(playlist === null || typeof playlist === 'string')) return null;
  if (!(mp4 === null || typeof mp4 === 'string')) return null;
  if (!(startMs === null || Number.isInteger(startMs))) return null;
  // Only where a `?t=` past the end starts: unreadable is unknown, not a reason to wait for the app.
  const duration = typeof durationMs === 'number' && Number.isFinite(durationMs) ? durationMs : null;
  return { playlist_content: playlist, mp4_url: mp4, video_start_ms: startMs as number | null, video_duration_ms: duration };
}

export function sameMedia(a: PlaybackMedia, b: PlaybackMedia): boolean {
  return a.playlist_content === b.playlist_content && a.mp4_url === b.mp4_url && a.video_start_ms === b.video_start_ms;
}
