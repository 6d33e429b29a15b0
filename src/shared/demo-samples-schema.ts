import * as z from 'zod/mini';

/** The sample sessions the home page offers in demo mode (`GET /api/demo-sessions`, or inlined in `/`). */
export const demoSamplesSchema = z.object({
  samples: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      durationMs: z.optional(z.nullable(z.number())),
      thumbnailPath: z.optional(z.nullable(z.string())),
    }),
  ),
});

export type DemoSamples = z.infer<typeof demoSamplesSchema>;

/** The id of the `<script type="application/json">` that carries the samples in the home page. */
export const INLINE_DEMO_SAMPLES_ID = 'demo-samples';
