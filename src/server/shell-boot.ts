import { BUILT_SCRIPT_PATH } from '../shared/chunk-metas';

/**
 * When a viewer page's entry (boot.ts) runs, on a page whose stage the server streams
 * (src/server/shell-video.ts). Built, the entry is a module script in the head, which runs as soon
 * as it has arrived: for an mp4-only replay that is while the server's `<video>` starts loading, and
 * running any script then delayed the video's first frame by 8-10% (BENCHMARKS.md, sessions 12-13;
 * an empty module cost as much as the entry; a small inline script in the head, measured together
 * with a high-priority preload of the entry, did not avoid it). So on those pages the head leaves the
 * entry out, and the stage runs it:
 * - an mp4's `<video>` imports it from its own event handlers: `loadeddata` (the file's start is
 *   decoded; the import then waits for that frame's callback, so that the app's start-up does not
 *   hold back the rendering step that shows it: BENCHMARKS.md, session 15), `error`, or the end of a
 *   1 s CSS animation that animates nothing, for a file that neither loads nor fails (a hung storage
 *   host: `stalled` does not fire for a request that never answers);
 * - anything else (a stream, an error, no answer) gets the entry's module script in the stage, where
 *   it runs as it did from the head (the replay is known by then, or its lookup is slow).
 * Importing a module that already ran does nothing. The handlers need CSP Level 3's `'unsafe-hashes'`
 * (Chromium 69+, Safari 15.4+, Firefox 109+; only Chromium is tested here): an older browser keeps the
 * shell and its playing video, without the app.
 */
export type ShellEntry = { kind: 'head' } | { kind: 'stage'; path: string };

/** The event handlers the page may run (CSP `'unsafe-hashes'` with their hashes, below): the entry, now. */
export const SHELL_ENTRY_HANDLER = 'import(this.dataset.boot)';

/**
 * …or once the video's frame is on screen. A hidden tab runs no frame callbacks (nor animations):
 * there it imports at once, so the app is ready when the tab is shown.
 */
export const SHELL_ENTRY_AFTER_FRAME_HANDLER =
  'this.requestVideoFrameCallback&&!document.hidden?this.requestVideoFrameCallback(()=>import(this.dataset.boot)):import(this.dataset.boot)';

/**
 * script-src sources for the handlers above: the SHA-256 of their exact texts (shell-boot.test.ts
 * checks them). A page with an injected element can only import our own scripts through them
 * (`'self'`), which it could already do with a `<script src>`.
 */
export const SHELL_ENTRY_CSP_SOURCES = "'unsafe-hashes' 'sha256-Upcrdi5KCZKxvDqN3C6T1TjyEbvGCjgOo0mq7d6/cuc=' 'sha256-WWRlKQvQyf/hOYr7XTqo774czKV4WToUpYBQk+4KP6U='";

const ENTRY_SCRIPT = /<script type="module"[^>]*?\ssrc="([^"]+)"[^>]*><\/script>/;

/**
 * `html` (the built index.html) without its entry's module script: the page runs the entry from its
 * stage. Not even preloaded: a `modulepreload` of it cost the mp4's first frame 10% at high priority
 * and measured no better than the old page at the default one (BENCHMARKS.md, session 13); a
 * stream's stage asks for it as soon as the replay is known. As it was when the entry is not one
 * of our built scripts (then it stays in the head).
 */
export function moveEntryToStage(html: string): { html: string; entry: ShellEntry } {
  const match = ENTRY_SCRIPT.exec(html);
  const path = match?.[1];
  if (match === null || path === undefined || !BUILT_SCRIPT_PATH.test(path)) return { html, entry: { kind: 'head' } };
  return { html: html.replace(match[0], ''), entry: { kind: 'stage', path } };
}

/** The entry's module script, for a stage without a video that runs it. */
export function entryScriptHtml(path: string): string {
  return `<script type="module" async crossorigin src="${path}"></script>`;
}

/**
 * Attributes of the server's `<video>` that run the entry once the video shows its first frame, has
 * failed, or has waited 1 s (the end of its CSS animation, styles.css: `video[data-boot]`).
 */
export function videoEntryAttributes(path: string): string {
  const runs = (event: string, handler: string) => ` on${event}="${handler}"`;
  return (
    ` data-boot="${path}"${runs('loadeddata', SHELL_ENTRY_AFTER_FRAME_HANDLER)}` +
    `${runs('error', SHELL_ENTRY_HANDLER)}${runs('animationend', SHELL_ENTRY_HANDLER)}`
  );
}
