import { queryOptions } from '@tanstack/react-query';
import { replaySchema } from '../../shared/replay-schema';
import { sessionDetailsSchema } from '../../shared/session-details-schema';
import { fetchApiJson } from './fetch-api-json';
import { nextReplayFetchDelayMs, replayQueryStateView, retryDelayMs, shouldRetryReplayFetch } from './refresh-policy';

/** The proxy gives up on Notte after ~10 s; past this the proxy itself is unreachable. */
const CLIENT_TIMEOUT_MS = 15_000;

function withTimeout(signal: AbortSignal): AbortSignal {
  return AbortSignal.any([signal, AbortSignal.timeout(CLIENT_TIMEOUT_MS)]);
}

export function replayPath(sessionId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}/replay`;
}

export function replayQueryOptions(sessionId: string) {
  return queryOptions({
    queryKey: ['replay', sessionId] as const,
    queryFn: ({ signal }) => fetchApiJson(replayPath(sessionId), replaySchema, withTimeout(signal)),
    retry: shouldRetryReplayFetch,
    retryDelay: retryDelayMs,
    // Renewal is driven by refetchInterval; a focus or remount must not swap links needlessly.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    // main.tsx prefetches before the view mounts: a final answer must not be asked again on mount.
    retryOnMount: false,
    refetchIntervalInBackground: true,
    refetchInterval: (query) => nextReplayFetchDelayMs(replayQueryStateView(query.state), Date.now()),
  });
}

export function sessionDetailsQueryOptions(sessionId: string) {
  return queryOptions({
    queryKey: ['session', sessionId] as const,
    queryFn: ({ signal }) =>
      fetchApiJson(`/api/sessions/${encodeURIComponent(sessionId)}`, sessionDetailsSchema, withTimeout(signal)),
    retry: shouldRetryReplayFetch,
    retryDelay: retryDelayMs,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}
