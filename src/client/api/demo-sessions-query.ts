import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { fetchApiJson } from './fetch-api-json';

const demoSessionsSchema = z.object({
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

export function demoSessionsQueryOptions() {
  return queryOptions({
    queryKey: ['demo-sessions'] as const,
    queryFn: ({ signal }) => fetchApiJson('/api/demo-sessions', demoSessionsSchema, signal),
    staleTime: Infinity,
    retry: 1,
  });
}
