import { isValidSessionId } from '../shared/session-id';

/**
 * Adds a preload of the session's replay so the request starts while the HTML is parsed, in
 * parallel with the scripts. `crossorigin="anonymous"` matches the credentials mode of a plain
 * same-origin fetch(), so the browser can hand the preloaded answer to the app's request.
 */
export function injectReplayPreload(html: string, sessionId: string): string {
  if (!isValidSessionId(sessionId)) return html;
  const playerChunk = /<meta name="replay-viewer-player-chunk" content="(\/assets\/[\w.-]+\.js)">/.exec(html)?.[1];
  // The build names the hls.js chunk (scripts/vite-player-chunk-plugin.ts); fetch it alongside the replay.
  const link =
    `<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/sessions/${sessionId}/replay">` +
    (playerChunk ? `<link rel="modulepreload" href="${playerChunk}">` : '');
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head === null) return html;
  const insertAt = head.index + head[0].length;
  return `${html.slice(0, insertAt)}${link}${html.slice(insertAt)}`;
}

/** `/sessions/{id}` or `/sessions/{id}/`: the raw (still encoded) id, or null for other paths. */
export function sessionIdFromPagePath(pathname: string): string | null {
  const match = /^\/sessions\/([^/]+)\/?$/.exec(pathname);
  return match?.[1] ?? null;
}
