/**
 * Paths handed to readAsset: plain URL-safe names only, no encoded bytes, no dot segments,
 * so no reader can be walked outside its root.
 */
export function isSafeAssetPath(pathname: string): boolean {
  if (!/^\/[A-Za-z0-9._~@\-/]*$/.test(pathname)) return false;
  return !pathname.split('/').some((segment) => segment === '.' || segment === '..');
}

/** A last segment with an extension is a file request; anything else is a page of the SPA. */
export function looksLikeFile(pathname: string): boolean {
  const last = pathname.split('/').pop() ?? '';
  return /\.[A-Za-z0-9]+$/.test(last);
}

/** Vite puts content-hashed files under /assets/: they never change under the same name. */
export function staticCacheControl(pathname: string): string {
  return pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=300';
}

/** Demo videos are reachable only through signed /demo-storage URLs, like presigned storage. */
export function isDirectlyServable(pathname: string): boolean {
  if (!pathname.startsWith('/demo-media/')) return true;
  return /\/thumb\.jpg$/.test(pathname);
}
