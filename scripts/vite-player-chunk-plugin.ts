import type { Plugin } from 'vite';
import type { OutputChunk } from 'rolldown';
import { APP_CHUNKS_META, HLS_CHUNKS_META } from '../src/shared/chunk-metas.ts';
import { chunkClosure } from './vite-chunk-closure.ts';

/**
 * Lists two sets of chunks in index.html as <meta>s, inert on their own. hls.js and what it imports:
 * the server `modulepreload`s them on viewer pages of a stream only, in parallel with the entry and the replay
 * request, so the home page does not pay for them. The app (main.tsx, the viewer page, React): on a
 * viewer page boot.ts preloads them once the video has shown its first frame (src/client/app-chunks.ts).
 */
export function playerChunkPlugin(): Plugin {
  return {
    name: 'replay-viewer-chunks',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item): item is OutputChunk => item.type === 'chunk');
      const byFacade = (part: string) => chunks.find((chunk) => chunk.isDynamicEntry && (chunk.facadeModuleId ?? '').includes(part));
      const present = (list: (OutputChunk | undefined)[]) => list.filter((chunk): chunk is OutputChunk => chunk !== undefined);
      const html = bundle['index.html'];
      if (!html || html.type !== 'asset' || typeof html.source !== 'string') return;
      const metas = [
        [HLS_CHUNKS_META, chunkClosure(bundle, present([byFacade('hls.light')]))],
        [APP_CHUNKS_META, chunkClosure(bundle, present([byFacade('src/client/main.tsx'), byFacade('views/ViewerPage')]))],
      ] as const;
      for (const [name, files] of metas) {
        if (files.length === 0) continue;
        const content = files.map((file) => `/${file}`).join(' ');
        html.source = html.source.replace('</head>', `    <meta name="${name}" content="${content}">\n  </head>`);
      }
    },
  };
}
