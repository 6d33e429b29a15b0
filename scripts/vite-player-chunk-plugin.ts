import type { Plugin } from 'vite';

export const PLAYER_CHUNK_META = 'replay-viewer-player-chunk';

/**
 * Names the hls.js chunk in index.html (a <meta>, inert on its own) so that the server can add a
 * `modulepreload` for it on viewer pages only: the player library then downloads in parallel with
 * the app and the replay request, and the home page does not pay for it.
 */
export function playerChunkPlugin(): Plugin {
  return {
    name: 'replay-viewer-player-chunk',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunk = Object.values(bundle).find(
        (item) => item.type === 'chunk' && item.isDynamicEntry && (item.facadeModuleId ?? '').includes('hls.light'),
      );
      const html = bundle['index.html'];
      if (!chunk || !html || html.type !== 'asset' || typeof html.source !== 'string') return;
      const meta = `<meta name="${PLAYER_CHUNK_META}" content="/${chunk.fileName}">`;
      html.source = html.source.replace('</head>', `    ${meta}\n  </head>`);
    },
  };
}
