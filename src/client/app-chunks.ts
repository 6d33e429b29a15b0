import { APP_CHUNKS_META, BUILT_SCRIPT_PATH } from '../shared/chunk-metas';

/**
 * Starts the download of the app's code (React, main.tsx, the viewer page: listed by the build in a
 * <meta>, src/shared/chunk-metas.ts) in parallel, without running it. A viewer page's HTML leaves
 * these preloads out, so that they do not compete with the video's first bytes; boot.ts asks for
 * them once the video has shown its first frame, right before it imports the app (without them the
 * viewer page's chunk would only be requested once main.tsx has run). Chunks already preloaded are skipped.
 */
export function preloadAppChunks(): void {
  const listed = document.querySelector<HTMLMetaElement>(`meta[name="${APP_CHUNKS_META}"]`)?.content ?? '';
  const preloaded = new Set([...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => link.getAttribute('href')));
  for (const path of listed.split(' ')) {
    if (!BUILT_SCRIPT_PATH.test(path) || preloaded.has(path)) continue;
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = 'anonymous';
    link.href = path;
    document.head.append(link);
  }
}
