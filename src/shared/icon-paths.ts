/**
 * 24×24 icon paths, drawn as SVG by the React app (client/ui/SvgIcon.tsx) and by the server's shell of
 * the viewer (server/viewer-shell.ts). SVG, not text symbols (▶ ◐ ☀ ☾): those need a fallback font,
 * and finding one cost the first layout of a shared link 20–40 ms on Linux.
 */
export const TOPBAR_ICON_PATHS = {
  play: 'M8 5v14l11-7z',
  // A disc whose left half is filled (evenodd): follows the system.
  themeSystem: 'M12 3a9 9 0 1 1 0 18a9 9 0 1 1 0-18zM12 5v14a7 7 0 0 0 0-14z',
  themeLight:
    'M12 8a4 4 0 1 1 0 8a4 4 0 1 1 0-8zM11 2h2v3h-2zm0 17h2v3h-2zM2 11h3v2H2zm17 0h3v2h-3zM4.9 6.3l1.4-1.4 2.1 2.1-1.4 1.4zm10.6 10.6 1.4-1.4 2.1 2.1-1.4 1.4zM4.9 17.7l2.1-2.1 1.4 1.4-2.1 2.1zM15.5 7l2.1-2.1 1.4 1.4-2.1 2.1z',
  themeDark: 'M20.5 13.5A8.5 8.5 0 1 1 10.5 3.5a6.5 6.5 0 0 0 10 10z',
} as const;

/** Apart from the top bar's: only the viewer page's chunk needs these. */
export const PLAYER_ICON_PATHS = {
  play: TOPBAR_ICON_PATHS.play,
  pause: 'M6 5h4v14H6zM14 5h4v14h-4z',
  fullscreen: 'M4 4h6v2H6v4H4zm10 0h6v6h-2V6h-4zM4 14h2v4h4v2H4zm14 0h2v6h-6v-2h4z',
  exitFullscreen: 'M8 4h2v6H4V8h4zm6 0h2v4h4v2h-6zM4 14h6v6H8v-4H4zm10 0h6v2h-4v4h-2z',
  pip: 'M3 5h18v14H3zm2 2v10h14V7zm7 5h6v4h-6z',
  download: 'M11 4h2v8l3-3 1.4 1.4L12 15.8 6.6 10.4 8 9l3 3zM5 18h14v2H5z',
  keyboard: 'M3 6h18v12H3zm2 2v8h14V8zm1 1h2v2H6zm3 0h2v2H9zm3 0h2v2h-2zm3 0h2v2h-2zM7 13h10v2H7z',
} as const;

/** The brand's play mark in the top bar (App.tsx and the server's shell draw it alike). */
export const BRAND_MARK_ICON_PX = 14;

export type TopbarIconName = keyof typeof TOPBAR_ICON_PATHS;
export type PlayerIconName = keyof typeof PLAYER_ICON_PATHS;

/** The same `<svg>` as the React SvgIcon (client/ui/SvgIcon.tsx), as markup for the server's HTML. */
export function iconSvgHtml(path: string, sizePx: number): string {
  return (
    `<svg class="icon" viewBox="0 0 24 24" width="${sizePx}" height="${sizePx}" aria-hidden="true" focusable="false">` +
    `<path d="${path}" fill="currentColor" fill-rule="evenodd"></path></svg>`
  );
}
