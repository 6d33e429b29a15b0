type HlsModule = typeof import('hls.js/light');

let hlsModule: Promise<HlsModule> | null = null;

/** Loads (once) hls.js/light; the HTML of a stream's viewer page has usually started its download (modulepreload). */
export function loadHls(): Promise<HlsModule> {
  hlsModule ??= import('hls.js/light');
  return hlsModule;
}
