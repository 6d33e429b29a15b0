/**
 * Saves the recording under a name of ours. Cross-origin storage ignores `download` on a link, so
 * the file is fetched as a blob; where storage refuses that (no CORS), the link opens the file instead.
 */
export async function downloadMp4(url: string, fileName: string): Promise<'saved' | 'opened'> {
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`status ${response.status}`);
    const blobUrl = URL.createObjectURL(await response.blob());
    clickLink(blobUrl, fileName);
    setTimeout(() => URL.revokeObjectURL(blobUrl), 30_000);
    return 'saved';
  } catch {
    clickLink(url, fileName);
    return 'opened';
  }
}

function clickLink(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
