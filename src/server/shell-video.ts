import * as z from 'zod/mini';
import { replaySchema, type Replay } from '../shared/replay-schema';
import type { ProxyAnswer } from './proxy-answer';
import { entryScriptHtml, videoEntryAttributes, type ShellEntry } from './shell-boot';

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
 * boot.ts adopts this element as its head start. With `entryPath`, the video runs the page's entry
 * (src/server/shell-boot.ts). Empty for anything else.
 */
function videoHtml(replay: Replay, sessionId: string, entryPath: string | null): string {
  const { playlist_content: playlist, mp4_url: mp4Url } = replay;
  if (playlist !== null || mp4Url === null || !isMediaUrl(mp4Url)) return '';
  const runsEntry = entryPath === null ? '' : videoEntryAttributes(entryPath);
  // sessionId is a validated ID (letters, digits, - and _): safe in an attribute as it is.
  return (
    `<video class="player-video" data-shell-video=""${runsEntry} autoplay muted playsinline preload="auto" ` +
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

/** What a viewer page's stage is written for: its session, a stream's hls.js preloads, where its entry runs. */
export interface StagePage {
  sessionId: string;
  hlsLinks: string;
  entry: ShellEntry;
}

/**
 * What the server writes into the shell's stage, piece by piece, as the replay lookup tells it: an
 * mp4-only replay's `<video>`; a stream's hls.js preloads (`hlsLinks`); nothing for an error (there is
 * nothing to play). A lookup slower than `hlsWaitMs` gets the preloads then, and still its video up
 * to `videoWaitMs`; one with no answer at all (null) gets the preloads (the app will ask again).
 * An entry that runs from the stage is run by the first piece: by the video's handlers, or by its
 * module script next to whatever else the piece holds. Empty pieces are not yielded.
 */
export async function* shellStagePieces(
  lookup: Promise<ProxyAnswer | null>,
  page: StagePage,
  { hlsWaitMs, videoWaitMs }: { hlsWaitMs: number; videoWaitMs: number },
): AsyncGenerator<string> {
  const entryPath = page.entry.kind === 'stage' ? page.entry.path : null;
  const entryScript = entryPath === null ? '' : entryScriptHtml(entryPath);
  // Never rejects (the caller's promise is built so), but a page must not fail on it if it did.
  const settled = lookup.catch(() => null);
  const early = await within(settled, hlsWaitMs);
  if (early !== TIMED_OUT) {
    const replay = early === null ? null : replayOf(early);
    const video = replay === null ? '' : videoHtml(replay, page.sessionId, entryPath);
    if (video !== '') {
      yield video;
      return;
    }
    // A stream gets the hls.js preloads, and so does no answer (the app will ask again; most replays are streams).
    const preloads = early === null || (replay !== null && replay.playlist_content !== null) ? page.hlsLinks : '';
    if (preloads + entryScript !== '') yield preloads + entryScript;
    return;
  }
  // Slow: the preloads, and the entry as it would run from the head; the video if it still comes.
  if (page.hlsLinks + entryScript !== '') yield page.hlsLinks + entryScript;
  const late = await within(settled, Math.max(videoWaitMs - hlsWaitMs, 0));
  const replay = late !== TIMED_OUT && late !== null ? replayOf(late) : null;
  const video = replay === null ? '' : videoHtml(replay, page.sessionId, null);
  if (video !== '') yield video;
}

const TIMED_OUT = Symbol('timed out');

function within<T>(promise: Promise<T>, waitMs: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const giveUp = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), waitMs);
  });
  return Promise.race([promise, giveUp]).finally(() => clearTimeout(timer));
}
