import { describe, expect, it } from 'vitest';
import { demoSamplesSchema, INLINE_DEMO_SAMPLES_ID } from '../shared/demo-samples-schema';
import { hlsPreloadLinks, injectDemoSamples, injectReplayPreload } from './index-html';

const BUILT =
  '<!doctype html><html><head><meta charset="UTF-8">\n' +
  '    <link rel="modulepreload" crossorigin href="/assets/main-m1.js">\n' +
  '    <link rel="modulepreload" crossorigin href="/assets/react-r1.js">\n' +
  '    <meta name="replay-hls-chunks" content="/assets/hls.light-AbC_1.js">\n' +
  '    <meta name="replay-app-chunks" content="/assets/main-m1.js /assets/react-r1.js /assets/ViewerPage-x1.js">\n' +
  '</head><body></body></html>';

const IN_HEAD = { hlsInHead: true };

describe('injectReplayPreload', () => {
  it('preloads the replay and hls.js first thing in <head>', () => {
    const html = injectReplayPreload(BUILT, 'abc-123', IN_HEAD);
    expect(html).toContain(
      '<head><link rel="preload" as="fetch" crossorigin="anonymous" href="/api/sessions/abc-123/replay"><link rel="modulepreload" crossorigin href="/assets/hls.light-AbC_1.js">',
    );
  });
  it("leaves the app's preloads out (boot.ts asks for them after the video) but keeps their list", () => {
    const html = injectReplayPreload(BUILT, 'abc-123', IN_HEAD);
    expect(html.match(/rel="modulepreload"/g)).toHaveLength(1);
    expect(html).toContain('<meta name="replay-app-chunks" content="/assets/main-m1.js /assets/react-r1.js /assets/ViewerPage-x1.js">');
  });
  it('adds only the replay preload when the build names no hls chunk', () => {
    const html = injectReplayPreload('<html><head></head></html>', 'abc', IN_HEAD);
    expect(html).not.toContain('modulepreload');
    expect(html).toContain('href="/api/sessions/abc/replay"');
  });
  it('leaves hls.js to the server\'s later pieces when told (the replay may be mp4-only)', () => {
    const html = injectReplayPreload(BUILT, 'abc-123', { hlsInHead: false });
    expect(html).toContain('<head><link rel="preload" as="fetch" crossorigin="anonymous" href="/api/sessions/abc-123/replay"><meta charset="UTF-8">');
    expect(html).not.toContain('rel="modulepreload"');
    expect(hlsPreloadLinks(BUILT)).toBe('<link rel="modulepreload" crossorigin href="/assets/hls.light-AbC_1.js">');
  });
  it('never injects an invalid ID or a foreign chunk path', () => {
    expect(injectReplayPreload(BUILT, '"><script>', IN_HEAD)).toBe(BUILT);
    const foreign = BUILT.replace('content="/assets/hls.light-AbC_1.js"', 'content="https://evil.example/x.js"');
    expect(injectReplayPreload(foreign, 'abc', IN_HEAD)).not.toContain('evil.example/x.js"><');
    expect(injectReplayPreload(foreign, 'abc', IN_HEAD)).not.toContain('rel="modulepreload"');
    expect(hlsPreloadLinks(foreign)).toBe('');
  });
});

describe('injectDemoSamples', () => {
  const inlineJson = (html: string) => {
    const match = new RegExp(`<script type="application/json" id="${INLINE_DEMO_SAMPLES_ID}">(.*?)</script>`).exec(html);
    return match ? (JSON.parse(match[1] ?? '') as unknown) : null;
  };

  it('inlines the samples as inert JSON that reads back to the same value', () => {
    const samples = { samples: [{ id: 'demo-a', title: 'A', description: 'An agent…', durationMs: 5500, thumbnailPath: '/t.jpg' }] };
    const html = injectDemoSamples(BUILT, samples);
    expect(demoSamplesSchema.parse(inlineJson(html))).toEqual(samples);
  });
  it('cannot close its script element, whatever the text says', () => {
    const samples = { samples: [{ id: 'x', title: '</script><script>alert(1)</script>', description: '<!--' }] };
    const html = injectDemoSamples(BUILT, samples);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(inlineJson(html)).toEqual(samples);
  });
});
