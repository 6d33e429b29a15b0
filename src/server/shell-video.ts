import * as z from 'zod/mini';
import { replaySchema } from '../shared/replay-schema';
import type { ProxyAnswer } from './proxy-answer';

/**
 * How long a viewer page's HTML waits for the replay before it closes without a video. The browser's
 * own request for the replay (preloaded by the same HTML) then takes the lookup over
 * (page-lookup-handoff.ts), whether or not it has finished.
 */
export const SHELL_VIDEO_WAIT_MS = 1_500;

/** Where the shell's `<video>` goes, inside the player's stage (src/server/viewer-shell.ts). */
export const SHELL_VIDEO_SLOT = '<!--shell-video-->';

/**
 * The `<video>` that the HTML itself starts in the viewer's shell, for a replay that has only an
 * mp4: the parser starts the file's download before any script has arrived, and every browser
 * plays an mp4 (for a stream, hls.js or native HLS is the browser's choice: boot.ts starts those).
 * boot.ts adopts this element as its head start. Empty for anything else.
 */
export function shellVideoHtml(answer: ProxyAnswer, sessionId: string): string {
  if (answer.status !== 200) return '';
  let body: unknown;
  try {
    body = JSON.parse(answer.bodyJson);
  } catch {
    return '';
  }
  const parsed = z.safeParse(replaySchema, body);
  if (!parsed.success) return '';
  const { playlist_content: playlist, mp4_url: mp4Url } = parsed.data;
  if (playlist !== null || mp4Url === null || !isMediaUrl(mp4Url)) return '';
  // sessionId is a validated ID (letters, digits, - and _): safe in an attribute as it is.
  return (
    `<video class="player-video" data-shell-video="" autoplay muted playsinline preload="auto" ` +
    `aria-label="Recording of session ${sessionId}" src="${escapeAttribute(mp4Url)}"></video>`
  );
}

/** An absolute http(s) URL, or a root-relative path (the demo's storage). */
function isMediaUrl(url: string): boolean {
  return /^https?:\/\//i.test(url) || (url.startsWith('/') && !url.startsWith('//'));
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The replay's `<video>`, or '' when the lookup fails or takes longer than `waitMs`. */
export function shellVideoWithin(lookup: Promise<ProxyAnswer>, sessionId: string, waitMs: number): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const giveUp = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(''), waitMs);
  });
  const video = lookup.then(
    (answer) => shellVideoHtml(answer, sessionId),
    () => '',
  );
  return Promise.race([video, giveUp]).finally(() => clearTimeout(timer));
}
