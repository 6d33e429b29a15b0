import type { Plugin } from 'vite';
import type { OutputChunk } from 'rolldown';

const BOOT_MODULE = 'src/client/boot.ts';

/**
 * Runs src/client/boot.ts as its own `<script type="module">` ahead of the app's bundle. Module
 * scripts run in order, each as soon as its own imports are in: the small boot chunk starts a
 * shared link's replay, hls.js and video while the browser is still fetching and compiling React.
 * The app imports the same chunk, so both share one instance of it.
 */
export function bootEntryPlugin(): Plugin {
  return {
    name: 'replay-boot-entry',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const boot = Object.values(bundle).find(
        (item): item is OutputChunk => item.type === 'chunk' && item.isEntry && (item.facadeModuleId ?? '').endsWith(BOOT_MODULE),
      );
      const html = bundle['index.html'];
      if (!boot || !html || html.type !== 'asset' || typeof html.source !== 'string') {
        this.error(`${BOOT_MODULE} or index.html is missing from the bundle`);
      }
      const entryScript = /<script type="module"[^>]*src="[^"]*"[^>]*><\/script>/.exec(html.source);
      if (!entryScript) this.error('index.html has no module script');
      html.source = html.source.replace(
        entryScript[0],
        `<script type="module" crossorigin src="/${boot.fileName}"></script>\n    ${entryScript[0]}`,
      );
    },
  };
}
