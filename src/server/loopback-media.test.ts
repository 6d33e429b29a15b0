import { describe, expect, it } from 'vitest';
import { loopbackMediaSources } from './loopback-media';

const USUAL = ['http://127.0.0.1:*', 'http://localhost:*'];

describe('loopbackMediaSources', () => {
  it('allows the usual loopback forms for 127.0.0.1 and localhost', () => {
    expect(loopbackMediaSources('http://127.0.0.1:4010')).toEqual(USUAL);
    expect(loopbackMediaSources('http://localhost:4010/v1')).toEqual(USUAL);
    expect(loopbackMediaSources('http://LOCALHOST:4010')).toEqual(USUAL);
  });

  it('accepts the whole of 127.0.0.0/8, in any form the URL parser reads as such, and adds its own host', () => {
    expect(loopbackMediaSources('http://127.0.0.2:4010')).toEqual([...USUAL, 'http://127.0.0.2:*']);
    expect(loopbackMediaSources('http://127.255.255.254')).toEqual([...USUAL, 'http://127.255.255.254:*']);
    expect(loopbackMediaSources('http://127.1:4010')).toEqual(USUAL);
    expect(loopbackMediaSources('http://0x7f000002:4010')).toEqual([...USUAL, 'http://127.0.0.2:*']);
  });

  it('accepts [::1] (its own host cannot be written in a CSP, so the usual forms only)', () => {
    expect(loopbackMediaSources('http://[::1]:4010')).toEqual(USUAL);
    expect(loopbackMediaSources('http://[0:0:0:0:0:0:0:1]:4010')).toEqual(USUAL);
  });

  it('allows nothing for https, other hosts, look-alikes and unparseable URLs', () => {
    for (const url of ['https://127.0.0.1:4010', 'https://api.notte.cc', 'http://127.0.0.1.evil.test', 'http://128.0.0.1', 'http://[::2]', 'http://localhost.evil.test', 'not a url']) {
      expect(loopbackMediaSources(url), url).toEqual([]);
    }
  });
});
