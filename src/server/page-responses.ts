import type { ReadAsset } from './app-deps';
import type { DemoSamples } from '../shared/demo-samples-schema';
import type { ChosenTheme } from '../shared/theme-cookie';
import { hlsPreloadLinks, injectDemoSamples, injectReplayPreload, injectSessionTitle } from './index-html';
import type { ProxyAnswer } from './proxy-answer';
import { HLS_PRELOAD_WAIT_MS, SHELL_VIDEO_SLOT, SHELL_VIDEO_WAIT_MS, shellStagePieces } from './shell-video';
import { htmlWithLateSlot } from './streamed-html';
import { injectViewerShell } from './viewer-shell';
import { moveEntryToStage } from './shell-boot';
import { isDirectlyServable, isSafeAssetPath, staticCacheControl } from './static-paths';

/**
 * index.html for a page of the SPA. `viewer` (a valid session ID) adds the replay preload and the
 * viewer's shell; with the server's own `lookup` of the replay, the page is streamed and its stage
 * gets what that lookup says (an mp4's `<video>`, a stream's hls.js preloads: src/server/shell-video.ts),
 * without one hls.js is preloaded from the head; `demoSamples` inlines the home page's samples;
 * `theme` the user's chosen theme.
 */
export async function indexHtmlResponse(
  readAsset: ReadAsset,
  status: number,
  additions: {
    viewer?: { sessionId: string; embed: boolean; lookup?: Promise<ProxyAnswer | null> | null } | null;
    demoSamples?: DemoSamples | null;
    theme?: ChosenTheme | null;
  } = {},
): Promise<Response> {
  const asset = await readAsset('/index.html');
  if (asset === null || !asset.ok) {
    return new Response('<!doctype html><title>Replay viewer</title><p>The app has not been built: run <code>npm run build</code>.</p>', {
      status: 503,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  const html = await asset.text();
  const { viewer, demoSamples } = additions;
  const lookup = viewer?.lookup ?? null;
  const withPreloads = viewer ? injectSessionTitle(injectReplayPreload(html, viewer.sessionId, { hlsInHead: lookup === null }), viewer.sessionId) : html;
  // A page whose stage is streamed runs its entry from there (src/server/shell-boot.ts); after the
  // preloads above, which drop the app's own.
  const { html: withEntry, entry } = viewer && lookup ? moveEntryToStage(withPreloads) : { html: withPreloads, entry: { kind: 'head' } as const };
  const withViewer = viewer ? injectViewerShell(withEntry, { embed: viewer.embed }) : html;
  const withSamples = demoSamples ? injectDemoSamples(withViewer, demoSamples) : withViewer;
  // The user's chosen theme (one of two fixed words) on <html> before anything paints.
  const body = additions.theme ? withSamples.replace(/<html(\s[^>]*)?>/i, (tag) => `${tag.slice(0, -1)} data-theme="${additions.theme}">`) : withSamples;
  const late =
    viewer && lookup
      ? shellStagePieces(
          lookup,
          { sessionId: viewer.sessionId, hlsLinks: hlsPreloadLinks(html), entry },
          { hlsWaitMs: HLS_PRELOAD_WAIT_MS, videoWaitMs: SHELL_VIDEO_WAIT_MS },
        )
      : null;
  return new Response(late ? htmlWithLateSlot(body, SHELL_VIDEO_SLOT, late) : body.replace(SHELL_VIDEO_SLOT, ''), {
    status,
    // A viewer page may hold a presigned media link, like the replay's API answer: never stored.
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': viewer ? 'private, no-store' : 'no-cache' },
  });
}

/** A built file, or null when there is none (or the path may not be served directly). */
export async function staticFileResponse(readAsset: ReadAsset, pathname: string): Promise<Response | null> {
  if (!isSafeAssetPath(pathname) || !isDirectlyServable(pathname)) return null;
  const asset = await readAsset(pathname);
  if (asset === null || !asset.ok) return null;
  const headers = new Headers(asset.headers);
  headers.set('cache-control', staticCacheControl(pathname));
  return new Response(asset.body, { status: 200, headers });
}

export function plainResponse(status: number, text: string, extraHeaders: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...extraHeaders },
  });
}
