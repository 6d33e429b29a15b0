const TAG_URI = /URI="([^"]*)"/g;

/**
 * Media URIs of an HLS playlist, in order: every non-empty line that is not a tag or comment, and the
 * `URI="…"` attributes of tags. An fMP4 stream's init segment is one (`#EXT-X-MAP:URI="…"`): it is
 * presigned like the segments, so a load of it after the first links expired (a retry) needs the
 * fresh link too.
 */
export function playlistMediaUris(playlistText: string): string[] {
  return playlistText
    .split(/\r?\n/)
    .map((line) => line.trim())
    .flatMap((line) => (line.startsWith('#') ? [...line.matchAll(TAG_URI)].map((match) => match[1] ?? '') : [line]))
    .filter((uri) => uri.length > 0);
}

/**
 * Presigned links change on every renewal while the segments stay the same. Keeps, for every URL
 * ever handed to hls.js, the freshest URL of the same segment (matched by position in the playlist).
 * hls.js asks with absolute URLs: relative URIs (the demo's root-relative ones) are resolved against
 * `playlistUrl`, where hls.js believes the playlist lives.
 */
export class FreshUrlMap {
  private readonly indexByUrl = new Map<string, number>();
  private latest: string[] = [];

  constructor(
    playlistText: string,
    private readonly playlistUrl: string,
  ) {
    this.update(playlistText);
  }

  /** Returns false when the new playlist does not line up with the old one (a different recording). */
  update(playlistText: string): boolean {
    const uris = playlistMediaUris(playlistText);
    if (this.latest.length > 0 && uris.length !== this.latest.length) return false;
    this.latest = uris.map((uri) => this.absolute(uri));
    uris.forEach((uri, index) => {
      this.indexByUrl.set(uri, index);
      this.indexByUrl.set(this.absolute(uri), index);
    });
    return true;
  }

  /** Absolute URIs stay exactly as given: a presigned link is used byte for byte. */
  private absolute(uri: string): string {
    if (/^[a-z][a-z\d+.-]*:/i.test(uri)) return uri;
    try {
      return new URL(uri, this.playlistUrl).href;
    } catch {
      return uri;
    }
  }

  freshest(url: string): string {
    const index = this.indexByUrl.get(url);
    if (index === undefined) return url;
    return this.latest[index] ?? url;
  }
}
