import { BRAND_MARK_ICON_PX, iconSvgHtml, TOPBAR_ICON_PATHS } from '../shared/icon-paths';
import { SHELL_VIDEO_SLOT } from './shell-video';

/**
 * The viewer's first paint, sent in the HTML of `/sessions/{id}`: the top bar and the player's
 * black stage, with the class names the React page uses. The stage is the first thing in the
 * page's main column and nothing above it depends on data, so CSS alone places it exactly where
 * React's Player will be. `boot.ts` shows the loading video in it (`[data-shell-stage]`) before
 * React has run, or adopts the `<video>` the server put in its slot (src/server/shell-video.ts);
 * React's first render replaces the shell and adopts that same `<video>`.
 */
export function viewerShellHtml({ embed }: { embed: boolean }): string {
  const stage =
    '<div class="viewer-main"><section class="player" aria-label="Replay player">' +
    `<div class="player-stage" data-shell-stage="">${SHELL_VIDEO_SLOT}<div class="player-buffering" aria-hidden="true"><span class="spinner"></span></div></div>` +
    '</section></div>';
  if (embed) {
    return `<div class="app app-embed"><main class="viewer viewer-embed" id="main"><div class="viewer-body viewer-body-embed">${stage}</div></main></div>`;
  }
  // The theme button's label is only known in the browser: an invisible, empty stand-in keeps the bar's
  // height (its min-height), with no text to lay out before the video's first frame.
  const topbar =
    `<nav class="topbar" aria-label="Site"><a href="/" class="brand"><span class="brand-mark" aria-hidden="true">${iconSvgHtml(TOPBAR_ICON_PATHS.play, BRAND_MARK_ICON_PX)}</span>Notte Replay</a>` +
    '<button type="button" class="theme-toggle shell-placeholder" tabindex="-1" aria-hidden="true"></button></nav>';
  return `<div class="app">${topbar}<main class="viewer" id="main"><div class="viewer-body">${stage}</div></main></div>`;
}

const EMPTY_ROOT = '<div id="root"></div>';

export function injectViewerShell(html: string, options: { embed: boolean }): string {
  return html.includes(EMPTY_ROOT) ? html.replace(EMPTY_ROOT, () => `<div id="root">${viewerShellHtml(options)}</div>`) : html;
}
