import * as z from 'zod/mini';

/** One step of a session; `value` depends on `type` (execution_result, observation, …) and is kept as-is. */
export const sessionStepSchema = z.object({
  type: z.string(),
  value: z.unknown(),
});
export type SessionStep = z.infer<typeof sessionStepSchema>;

/**
 * What Notte answers for GET /sessions/{id}. Loose on purpose: extra fields are allowed and
 * steps are checked one by one (see toSessionDetails) so one odd step does not hide the others.
 */
export const upstreamSessionDetailsSchema = z.looseObject({
  created_at: z.string(),
  closed_at: z.optional(z.nullable(z.string())),
  status: z.string(),
  duration: z.optional(z.nullable(z.string())),
  steps: z._default(z.nullable(z.array(z.unknown())), []),
});
export type UpstreamSessionDetails = z.infer<typeof upstreamSessionDetailsSchema>;

/** What our proxy answers: only the fields the viewer uses, absent ones as null. */
export const sessionDetailsSchema = z.object({
  created_at: z.string(),
  closed_at: z.nullable(z.string()),
  status: z.string(),
  duration: z.nullable(z.string()),
  steps: z.array(sessionStepSchema),
});
export type SessionDetails = z.infer<typeof sessionDetailsSchema>;

export function toSessionDetails(upstream: UpstreamSessionDetails): SessionDetails {
  const steps: SessionStep[] = [];
  for (const candidate of upstream.steps ?? []) {
    const parsed = sessionStepSchema.safeParse(candidate);
    if (parsed.success) steps.push({ type: parsed.data.type, value: parsed.data.value });
  }
  return {
    created_at: upstream.created_at,
    closed_at: upstream.closed_at ?? null,
    status: upstream.status,
    duration: upstream.duration ?? null,
    steps,
  };
}
