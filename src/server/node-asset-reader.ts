import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadAsset } from './app-deps';
import { contentTypeForPath } from './content-types';

/** Serves files under `rootDir` as full-body Responses; Range and caching are the app's business. */
export function createNodeAssetReader(rootDir: string): ReadAsset {
  const root = resolve(rootDir);
  return async (path) => {
    const filePath = resolve(root, `.${path}`);
    if (filePath !== root && !filePath.startsWith(root + sep)) return null;
    try {
      const info = await stat(filePath);
      if (!info.isFile()) return null;
      const body = Readable.toWeb(createReadStream(filePath)) as ReadableStream<Uint8Array>;
      return new Response(body, {
        headers: { 'content-type': contentTypeForPath(filePath), 'content-length': String(info.size) },
      });
    } catch {
      return null;
    }
  };
}
