import { queryOptions } from '@tanstack/react-query';
import { demoSamplesSchema, INLINE_DEMO_SAMPLES_ID, type DemoSamples } from '../../shared/demo-samples-schema';
import { fetchApiJson } from './fetch-api-json';

export function demoSessionsQueryOptions() {
  return queryOptions({
    queryKey: ['demo-sessions'] as const,
    queryFn: ({ signal }) => fetchApiJson('/api/demo-sessions', demoSamplesSchema, signal),
    // The server inlines the samples in the home page: shown in the first render, so nothing shifts.
    initialData: readInlineDemoSamples,
    staleTime: Infinity,
    retry: 1,
  });
}

function readInlineDemoSamples(): DemoSamples | undefined {
  const text = document.getElementById(INLINE_DEMO_SAMPLES_ID)?.textContent;
  if (!text) return undefined;
  try {
    const parsed = demoSamplesSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
