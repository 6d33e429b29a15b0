import * as z from 'zod/mini';

/**
 * What Notte answers for GET /sessions/{id}/replay. Unknown extra fields are allowed;
 * `expires_at` is required by the spec but optional in the Python SDK, so null is tolerated.
 */
export const upstreamReplaySchema = z.looseObject({
  playlist_content: z.optional(z.nullable(z.string())),
  mp4_url: z.optional(z.nullable(z.string())),
  expires_at: z.optional(z.nullable(z.string())),
  video_start_ms: z.optional(z.nullable(z.int())),
  video_duration_ms: z.optional(z.nullable(z.int())),
});
export type UpstreamReplay = z.infer<typeof upstreamReplaySchema>;

/** What our proxy answers: exactly the fields the viewer needs, absent ones as null. */
export const replaySchema = z.object({
  playlist_content: z.nullable(z.string()),
  mp4_url: z.nullable(z.string()),
  expires_at: z.nullable(z.string()),
  video_start_ms: z.nullable(z.int()),
  video_duration_ms: z.nullable(z.int()),
});
export type Replay = z.infer<typeof replaySchema>;

export function toReplay(upstream: UpstreamReplay): Replay {
  return {
    playlist_content: upstream.playlist_content ?? null,
    mp4_url: upstream.mp4_url ?? null,
    expires_at: upstream.expires_at ?? null,
    video_start_ms: upstream.video_start_ms ?? null,
    video_duration_ms: upstream.video_duration_ms ?? null,
  };
}

export const replayStatusSchema = z.enum([
  'waiting_for_session',
  'processing',
  'unavailable',
  'failed',
  'unknown',
]);
export type ReplayStatus = z.infer<typeof replayStatusSchema>;

/** 404/410 body of the newer API; every field optional because older deployments send `{detail}` only. */
export const replayMissingSchema = z.looseObject({
  detail: z.optional(z.unknown()),
  message: z.optional(z.nullable(z.string())),
  error: z.optional(z.nullable(z.string())),
  replay_status: z.optional(z.catch(replayStatusSchema, 'unknown')),
  retryable: z.optional(z.boolean()),
});
