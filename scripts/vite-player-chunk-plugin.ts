import type { Plugin } from 'vite';
import type { OutputChunk } from 'rolldown';
import { chunkClosure } from './vite-chunk-closure.ts';

export const VIEWER_CHUNKS_META = 'replay-viewer-chunks';

/**
 * Lists the viewer's chunks (the viewer page with what it imports, and hls.js) in index.html as a
 * <meta>, inert on its own, so that the server can `modulepreload` them on viewer pages only: they
 * download in parallel with the entry and the replay request, and the home page does not pay for them.
 */
export function playerChunkPlugin(): Plugin {
  return {
    name: 'replay-viewer-chunks',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item): item is OutputChunk => item.type === 'chunk');
      const byFacade = (part: string) => chunks.find((chunk) => chunk.isDynamicEntry && (chunk.facadeModuleId ?? '').includes(part));
      const roots = [byFacade('views/ViewerPage'), byFacade('hls.light')].filter((chunk): chunk is OutputChunk => chunk !== undefined);
      const files = chunkClosure(bundle, roots);
      const html = bundle['index.html'];
      if (files.length === 0 || !html || html.type !== 'asset' || typeof html.source !== 'string') return;
      const content = files.map((file) => `/${file}`).join(' ');
      html.source = html.source.replace('</head>', `    <meta name="${VIEWER_CHUNKS_META}" content="${content}">\n  </head>`);
    },
  };
}

