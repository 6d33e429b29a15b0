type HlsModule = typeof import('hls.js/light');

let hlsModule: Promise<HlsModule> | null = null;

/** Starts (once) the download of hls.js/light; called as early as a viewer route is known. */
export function loadHls(): Promise<HlsModule> {
  hlsModule ??= import('hls.js/light');
  return hlsModule;
}
