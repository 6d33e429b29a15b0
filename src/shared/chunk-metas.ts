/**
 * Names of the inert <meta> lists of chunk files that the build writes into index.html
 * (scripts/vite-player-chunk-plugin.ts). The server preloads the hls.js chunks on viewer pages;
 * boot.ts preloads the app's chunks there once the video has shown its first frame.
 */
export const HLS_CHUNKS_META = 'replay-hls-chunks';
export const APP_CHUNKS_META = 'replay-app-chunks';

/** Only our own built scripts: anything else in a list is ignored. */
export const BUILT_SCRIPT_PATH = /^\/assets\/[\w.-]+\.js$/;
