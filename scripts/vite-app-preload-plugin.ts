import type { Plugin } from 'vite';
import type { OutputChunk } from 'rolldown';
import { chunkClosure } from './vite-chunk-closure.ts';

const APP_MODULE = 'src/client/main.tsx';

/**
 * index.html runs only src/client/boot.ts, which imports the app (main.tsx and React): at once on the
 * home page and other pages, after the video's first frame on a viewer page. The app's chunk and its
 * static imports are `modulepreload`ed by the HTML itself, so that they download in parallel with the
 * entry; the server takes these preloads out of viewer pages (src/server/index-html.ts: there the
 * video comes first, and boot.ts preloads the app after its first frame).
 * The boot script is fetched at high priority (Chromium fetches module scripts at low priority by
 * default, behind every preload) and is async (a deferred script waits for the stylesheet and the
 * first layout).
 */
export function appPreloadPlugin(): Plugin {
  return {
    name: 'replay-app-preload',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const app = Object.values(bundle).find(
        (item): item is OutputChunk => item.type === 'chunk' && (item.facadeModuleId ?? '').endsWith(APP_MODULE),
      );
      const html = bundle['index.html'];
      if (!app || !html || html.type !== 'asset' || typeof html.source !== 'string') {
        this.error(`${APP_MODULE} or index.html is missing from the bundle`);
      }
      const links = chunkClosure(bundle, [app])
        .filter((file) => !html.source.toString().includes(`/${file}"`))
        .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`);
      const withLinks = html.source.replace('</head>', `    ${links.join('\n    ')}\n  </head>`);
      const entryScript = /<script type="module" crossorigin src=/;
      if (!entryScript.test(withLinks)) this.error('index.html has no module script');
      html.source = withLinks.replace(entryScript, '<script type="module" async crossorigin fetchpriority="high" src=');
    },
  };
}
