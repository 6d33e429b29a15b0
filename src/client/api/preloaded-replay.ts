import { CLIENT_TIMEOUT_MS, replayPath, requestApiAnswer, type ApiAnswer } from './api-answer';

let preloaded: { sessionId: string; answer: Promise<ApiAnswer> } | null = null;

/**
 * Reads the replay that the HTML of `/sessions/{id}` preloads (`<link rel="preload" as="fetch">`,
 * same URL and credentials, so the browser hands this request the preloaded answer). boot.ts calls
 * this before the app exists, without zod or react-query: the head start plays from it, and the app's
 * first replay query takes the same answer (`takePreloadedReplay`) and validates it.
 */
export function readPreloadedReplay(sessionId: string): Promise<ApiAnswer> {
  const answer = requestApiAnswer(replayPath(sessionId), AbortSignal.timeout(CLIENT_TIMEOUT_MS));
  preloaded = { sessionId, answer };
  return answer;
}

/** The preloaded answer for `sessionId`, once: later fetches (retries, renewals) ask the proxy again. */
export function takePreloadedReplay(sessionId: string): Promise<ApiAnswer> | null {
  if (preloaded?.sessionId !== sessionId) return null;
  const { answer } = preloaded;
  preloaded = null;
  return answer;
}
