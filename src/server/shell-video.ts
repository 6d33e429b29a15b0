import * as z from 'zod/mini';
import { replaySchema, type Replay } from '../shared/replay-schema';
import type { ProxyAnswer } from './proxy-answer';

/**
 * How long a viewer page's HTML waits for the replay before it closes without a video. The browser's
 * own request for the replay (preloaded by the same HTML) then takes the lookup over
 * (page-lookup-handoff.ts), whether or not it has finished.
 */
export const SHELL_VIDEO_WAIT_MS = 1_500;

/**
 * How long a viewer page waits to learn whether the replay is a stream before it preloads hls.js
 * anyway. A stream is the common case and its player must not wait on a slow upstream (worst case:
 * hls.js starts this much later than from the head); a lookup answered sooner decides exactly, so an
 * mp4-only replay does not download hls.js next to its file.
 */
export const HLS_PRELOAD_WAIT_MS = 50;

/** Where the shell's `<video>` (or a stream's hls.js preloads) goes, inside the player's stage (src/server/viewer-shell.ts). */
export const SHELL_VIDEO_SLOT = '<!--shell-video-->';

/**
 * The `<video>` that the HTML itself starts in the viewer's shell, for a replay that has only an
 * mp4: the parser starts the file's download before any script has arrived, and every browser
 * plays an mp4 (for a stream, hls.js or native HLS is the browser's choice: boot.ts starts those).
 * boot.ts adopts this element as its head start. Empty for anything else.
 */
function shellVideoHtml(answer: ProxyAnswer, sessionId: string): string {
  const replay = replayOf(answer);
  return replay === null ? '' : videoHtml(replay, sessionId);
}

function videoHtml(replay: Replay, sessionId: string): string {
  const { playlist_content: playlist, mp4_url: mp4Url } = replay;
  if (playlist !== null || mp4Url === null || !isMediaUrl(mp4Url)) return '';
  // sessionId is a validated ID (letters, digits, - and _): safe in an attribute as it is.
  return (
    `<video class="player-video" data-shell-video="" autoplay muted playsinline preload="auto" ` +
    `aria-label="Recording of session ${sessionId}" src="${escapeAttribute(mp4Url)}"></video>`
  );
}

/** The replay in a successful answer, or null (an error, or a body that is not a replay). */
function replayOf(answer: ProxyAnswer): Replay | null {
  if (answer.status !== 200) return null;
  let body: unknown;
  try {
    body = JSON.parse(answer.bodyJson);
  } catch {
    return null;
  }
  const parsed = z.safeParse(replaySchema, body);
  return parsed.success ? parsed.data : null;
}

/** An absolute http(s) URL, or a root-relative path (the demo's storage). */
function isMediaUrl(url: string): boolean {
  return /^https?:\/\//i.test(url) || (url.startsWith('/') && !url.startsWith('//'));
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * What the server writes into the shell's stage, piece by piece, as the replay lookup tells it: an
 * mp4-only replay's `<video>`; a stream's hls.js preloads (`hlsLinks`); nothing for an error (there is
 * nothing to play; empty pieces are not yielded). A lookup slower than `hlsWaitMs` gets the preloads then, and still its video up
 * to `videoWaitMs`; one with no answer at all (null) gets the preloads (the app will ask again).
 */
export async function* shellStagePieces(
  lookup: Promise<ProxyAnswer | null>,
  sessionId: string,
  hlsLinks: string,
  { hlsWaitMs, videoWaitMs }: { hlsWaitMs: number; videoWaitMs: number },
): AsyncGenerator<string> {
  // Never rejects (the caller's promise is built so), but a page must not fail on it if it did.
  const settled = lookup.catch(() => null);
  const early = await within(settled, hlsWaitMs);
  if (early !== TIMED_OUT) {
    const html = early === null ? hlsLinks : stageHtmlFor(early, sessionId, hlsLinks);
    if (html !== '') yield html;
    return;
  }
  if (hlsLinks !== '') yield hlsLinks;
  const late = await within(settled, Math.max(videoWaitMs - hlsWaitMs, 0));
  const video = late !== TIMED_OUT && late !== null ? shellVideoHtml(late, sessionId) : '';
  if (video !== '') yield video;
}

function stageHtmlFor(answer: ProxyAnswer, sessionId: string, hlsLinks: string): string {
  const replay = replayOf(answer);
  if (replay === null) return '';
  return replay.playlist_content !== null ? hlsLinks : videoHtml(replay, sessionId);
}

const TIMED_OUT = Symbol('timed out');

function within<T>(promise: Promise<T>, waitMs: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const giveUp = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), waitMs);
  });
  return Promise.race([promise, giveUp]).finally(() => clearTimeout(timer));
}
