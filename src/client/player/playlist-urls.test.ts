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

describe('playlistMediaUris', () => {
  it('lists segment URIs in order, skipping tags and blanks', () => {
    expect(playlistMediaUris(playlist('a'))).toEqual(['https://s.example/seg_000.ts?sig=a', 'https://s.example/seg_001.ts?sig=a']);
  });
});

describe('FreshUrlMap', () => {
  it('maps every URL ever seen to the freshest URL of the same segment', () => {
    const map = new FreshUrlMap(playlist('a'));
    expect(map.freshest('https://s.example/seg_001.ts?sig=a')).toBe('https://s.example/seg_001.ts?sig=a');
    expect(map.update(playlist('b'))).toBe(true);
    expect(map.update(playlist('c'))).toBe(true);
    expect(map.freshest('https://s.example/seg_001.ts?sig=a')).toBe('https://s.example/seg_001.ts?sig=c');
    expect(map.freshest('https://s.example/seg_000.ts?sig=b')).toBe('https://s.example/seg_000.ts?sig=c');
    expect(map.freshest('https://elsewhere/x.ts')).toBe('https://elsewhere/x.ts');
  });
  it('refuses a playlist that does not line up', () => {
    const map = new FreshUrlMap(playlist('a'));
    expect(map.update('#EXTM3U\nhttps://s.example/other.ts\n')).toBe(false);
    expect(map.freshest('https://s.example/seg_000.ts?sig=a')).toBe('https://s.example/seg_000.ts?sig=a');
  });
});
