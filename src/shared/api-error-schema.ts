import * as z from 'zod/mini';

export const apiErrorCodeSchema = z.enum([
  'invalid_id',
  'not_found',
  'processing',
  'replay_failed',
  'rate_limited',
  'upstream_auth',
  'upstream_error',
  'upstream_unreachable',
  'upstream_timeout',
  'bad_upstream_response',
  'route_not_found',
  'method_not_allowed',
  'internal_error',
]);
export type ApiErrorCode = z.infer<typeof apiErrorCodeSchema>;

/** The proxy's only error shape: `{"error": {...}}`. */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: apiErrorCodeSchema,
    message: z.string(),
    retryable: z.boolean(),
    retryAfterSec: z.optional(z.number()),
    replayStatus: z.optional(z.string()),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
export type ApiError = ApiErrorBody['error'];
