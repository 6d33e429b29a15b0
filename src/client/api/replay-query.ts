import { queryOptions } from '@tanstack/react-query';
import { replaySchema } from '../../shared/replay-schema';
import { sessionDetailsSchema } from '../../shared/session-details-schema';
import { CLIENT_TIMEOUT_MS, replayPath } from './api-answer';
import { fetchApiJson } from './fetch-api-json';
import { takePreloadedReplay } from './preloaded-replay';
import { serverNowMs } from './server-clock';
import { nextReplayFetchDelayMs, replayQueryStateView, retryDelayMs, shouldRetryReplayFetch } from './refresh-policy';

function withTimeout(signal: AbortSignal): AbortSignal {
  return AbortSignal.any([signal, AbortSignal.timeout(CLIENT_TIMEOUT_MS)]);
}

export function replayQueryOptions(sessionId: string) {
  return queryOptions({
    queryKey: ['replay', sessionId] as const,
    // The first fetch takes the answer boot.ts already read from the HTML's preload.
    queryFn: ({ signal }) => fetchApiJson(replayPath(sessionId), replaySchema, withTimeout(signal), takePreloadedReplay(sessionId) ?? undefined),
    retry: shouldRetryReplayFetch,
    retryDelay: retryDelayMs,
    // Renewal is driven by refetchInterval; a focus or remount must not swap links needlessly.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    // main.tsx prefetches before the view mounts: a final answer must not be asked again on mount.
    retryOnMount: false,
    refetchIntervalInBackground: true,
    refetchInterval: (query) => nextReplayFetchDelayMs(replayQueryStateView(query.state), serverNowMs()),
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
