import { describe, expect, it } from 'vitest';
import { FreshUrlMap, playlistMediaUris } from './playlist-urls';

const playlist = (sig: string) =>
  [
    '#EXTM3U',
    '#EXT-X-TARGETDURATION:2',
    '#EXTINF:2.0,',
    `https://s.example/seg_000.ts?sig=${sig}`,
    '',
    '#EXTINF:2.0,',
    `https://s.example/seg_001.ts?sig=${sig}`,
    '#EXT-X-ENDLIST',
  ].join('\n');

/** Where hls.js believes the playlist lives (hls-controller.ts holds it in memory). */
const PLAYLIST_URL = 'https://viewer.example/__replay__/playlist.m3u8';

describe('playlistMediaUris', () => {
  it('lists segment URIs in order, skipping tags and blanks', () => {
    expect(playlistMediaUris(playlist('a'))).toEqual(['https://s.example/seg_000.ts?sig=a', 'https://s.example/seg_001.ts?sig=a']);
  });
});

const fmp4Playlist = (sig: string) =>
  [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-MAP:URI="https://s.example/init.mp4?sig=${sig}"`,
    '#EXTINF:2.0,',
    `https://s.example/seg_000.m4s?sig=${sig}`,
    '#EXT-X-ENDLIST',
  ].join('\n');

describe('playlistMediaUris of an fMP4 stream', () => {
  it('lists the init segment of #EXT-X-MAP before the segments', () => {
    expect(playlistMediaUris(fmp4Playlist('a'))).toEqual(['https://s.example/init.mp4?sig=a', 'https://s.example/seg_000.m4s?sig=a']);
  });
  it('renews the init segment with the segments', () => {
    const map = new FreshUrlMap(fmp4Playlist('a'), PLAYLIST_URL);
    expect(map.update(fmp4Playlist('b'))).toBe(true);
    expect(map.freshest('https://s.example/init.mp4?sig=a')).toBe('https://s.example/init.mp4?sig=b');
    expect(map.freshest('https://s.example/seg_000.m4s?sig=a')).toBe('https://s.example/seg_000.m4s?sig=b');
  });
});

describe('FreshUrlMap', () => {
  it('maps every URL ever seen to the freshest URL of the same segment', () => {
    const map = new FreshUrlMap(playlist('a'), PLAYLIST_URL);
    expect(map.freshest('https://s.example/seg_001.ts?sig=a')).toBe('https://s.example/seg_001.ts?sig=a');
    expect(map.update(playlist('b'))).toBe(true);
    expect(map.update(playlist('c'))).toBe(true);
    expect(map.freshest('https://s.example/seg_001.ts?sig=a')).toBe('https://s.example/seg_001.ts?sig=c');
    expect(map.freshest('https://s.example/seg_000.ts?sig=b')).toBe('https://s.example/seg_000.ts?sig=c');
    expect(map.freshest('https://elsewhere/x.ts')).toBe('https://elsewhere/x.ts');
  });
  it('refuses a playlist that does not line up', () => {
    const map = new FreshUrlMap(playlist('a'), PLAYLIST_URL);
    expect(map.update('#EXTM3U\nhttps://s.example/other.ts\n')).toBe(false);
    expect(map.freshest('https://s.example/seg_000.ts?sig=a')).toBe('https://s.example/seg_000.ts?sig=a');
  });
  it('answers the absolute URLs hls.js asks with for root-relative segments (the demo storage)', () => {
    const relative = (sig: string) => `#EXTM3U\n#EXTINF:2.0,\n/demo-media/seg_000.ts?sig=${sig}\n#EXTINF:2.0,\nseg_001.ts?sig=${sig}\n`;
    const map = new FreshUrlMap(relative('a'), PLAYLIST_URL);
    expect(map.update(relative('b'))).toBe(true);
    expect(map.freshest('https://viewer.example/demo-media/seg_000.ts?sig=a')).toBe('https://viewer.example/demo-media/seg_000.ts?sig=b');
    expect(map.freshest('https://viewer.example/__replay__/seg_001.ts?sig=a')).toBe('https://viewer.example/__replay__/seg_001.ts?sig=b');
  });
});
