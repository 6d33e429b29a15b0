import type { ReadAsset } from '../app-deps';
import { applyRangeRequest } from '../byte-range';
import { contentTypeForPath } from '../content-types';
import { demoStoragePath } from './demo-upstream';
import type { UrlSigner } from './url-signer';

const MEDIA_NAME = /^[a-z0-9-]{1,64}$/;
const FILE_NAME = /^[A-Za-z0-9_-]{1,64}\.(ts|mp4|m3u8|jpg)$/;

export const STORAGE_CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD',
  'access-control-allow-headers': 'Range',
  'access-control-expose-headers': 'Content-Length, Content-Range, Accept-Ranges',
  'access-control-max-age': '600',
};

/**
 * The demo's stand-in for presigned storage: the signature must match and the link must not
 * have expired, else 403, like S3. Range requests are answered (Chromium needs them to seek mp4).
 */
export async function serveDemoStorage(options: {
  media: string;
  file: string;
  expiresParam: string | undefined;
  signatureParam: string | undefined;
  rangeHeader: string | null;
  nowMs: number;
  signer: UrlSigner;
  readAsset: ReadAsset;
}): Promise<Response> {
  const { media, file } = options;
  if (!MEDIA_NAME.test(media) || !FILE_NAME.test(file)) return storageError(404, 'NoSuchKey');
  const expiresAtMs = /^\d{1,16}$/.test(options.expiresParam ?? '') ? Number(options.expiresParam) : null;
  if (expiresAtMs === null || options.signatureParam === undefined) return storageError(403, 'AccessDenied');
  const valid = await options.signer.verify(demoStoragePath(media, file), expiresAtMs, options.signatureParam);
  if (!valid) return storageError(403, 'SignatureDoesNotMatch');
  if (options.nowMs >= expiresAtMs) return storageError(403, 'Request has expired');

  const asset = await options.readAsset(`/demo-media/${media}/${file}`);
  if (asset === null || !asset.ok) return storageError(404, 'NoSuchKey');
  const headers = new Headers(asset.headers);
  headers.set('content-type', contentTypeForPath(file));
  const maxAgeSec = Math.max(0, Math.floor((expiresAtMs - options.nowMs) / 1000));
  headers.set('cache-control', `private, max-age=${Math.min(maxAgeSec, 3600)}`);
  for (const [name, value] of Object.entries(STORAGE_CORS_HEADERS)) headers.set(name, value);
  const full = new Response(asset.body, { status: 200, headers });
  return applyRangeRequest(full, options.rangeHeader);
}

function storageError(status: number, message: string): Response {
  const headers = new Headers({ 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  for (const [name, value] of Object.entries(STORAGE_CORS_HEADERS)) headers.set(name, value);
  return new Response(message, { status, headers });
}
