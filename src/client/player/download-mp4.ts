/** How far a download got: a fraction from 0 to 1, or null when the file's size is not known. */
export type DownloadProgress = (fraction: number | null) => void;

/**
 * Saves the recording under a name of ours. Cross-origin storage ignores `download` on a link, so
 * the file is fetched as a blob (reporting progress: a long recording takes a while). Where storage
 * refuses that (no CORS: the fetch fails at once, still within the click's permission to open a tab),
 * the file opens in a new tab instead, and the viewer stays. A refusal (403, 404) or a download cut
 * short is 'failed': the caller says so.
 */
export async function downloadMp4(url: string, fileName: string, onProgress: DownloadProgress = () => undefined): Promise<'saved' | 'opened' | 'failed'> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    clickLink(url, { newTab: true });
    return 'opened';
  }
  if (!response.ok) return 'failed';
  let blob: Blob;
  try {
    blob = await readWithProgress(response, onProgress);
  } catch {
    return 'failed';
  }
  const blobUrl = URL.createObjectURL(blob);
  clickLink(blobUrl, { fileName });
  setTimeout(() => URL.revokeObjectURL(blobUrl), 30_000);
  return 'saved';
}

async function readWithProgress(response: Response, onProgress: DownloadProgress): Promise<Blob> {
  const totalBytes = Number(response.headers.get('content-length')) || null;
  const reader = response.body?.getReader();
  if (!reader) return response.blob();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let receivedBytes = 0;
  let reportedPercent = 0;
  onProgress(totalBytes === null ? null : 0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    receivedBytes += value.byteLength;
    if (totalBytes === null) continue;
    // Told once per percent, not per chunk: each report re-renders the controls.
    const percent = Math.min(Math.floor((receivedBytes / totalBytes) * 100), 100);
    if (percent === reportedPercent) continue;
    reportedPercent = percent;
    onProgress(percent / 100);
  }
  return new Blob(chunks, { type: response.headers.get('content-type') ?? 'video/mp4' });
}

function clickLink(href: string, target: { fileName: string } | { newTab: true }): void {
  const link = document.createElement('a');
  link.href = href;
  if ('fileName' in target) link.download = target.fileName;
  // A cross-origin link ignores `download`: in this tab it would navigate away from the viewer.
  else link.target = '_blank';
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
