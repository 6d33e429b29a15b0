import { describe, expect, it } from 'vitest';
import { demoSamplesSchema, INLINE_DEMO_SAMPLES_ID } from '../shared/demo-samples-schema';
import { injectDemoSamples, injectReplayPreload } from './index-html';

const BUILT = '<!doctype html><html><head><meta charset="UTF-8"><meta name="replay-viewer-chunks" content="/assets/ViewerPage-x1.js /assets/hls.light-AbC_1.js"></head><body></body></html>';

describe('injectReplayPreload', () => {
  it('preloads the replay and the viewer chunks first thing in <head>, hls.js at default priority, the page chunks low', () => {
    const html = injectReplayPreload(BUILT, 'abc-123');
    expect(html).toContain(
      '<head><link rel="preload" as="fetch" crossorigin="anonymous" href="/api/sessions/abc-123/replay"><link rel="modulepreload" fetchpriority="low" href="/assets/ViewerPage-x1.js"><link rel="modulepreload" href="/assets/hls.light-AbC_1.js">',
    );
  });
  it("turns the template's app preloads down to low priority and preloads no chunk twice", () => {
    const template = BUILT.replace(
      '</head>',
      '<link rel="modulepreload" crossorigin href="/assets/main-m1.js"></head>',
    ).replace('/assets/ViewerPage-x1.js /assets/hls.light-AbC_1.js', '/assets/ViewerPage-x1.js /assets/main-m1.js /assets/hls.light-AbC_1.js');
    const html = injectReplayPreload(template, 'abc-123');
    expect(html).toContain('<link rel="modulepreload" crossorigin fetchpriority="low" href="/assets/main-m1.js">');
    expect(html.match(/href="\/assets\/main-m1\.js"/g)).toHaveLength(1);
    expect(html).toContain('<link rel="modulepreload" href="/assets/hls.light-AbC_1.js">');
  });
  it('adds only the replay preload when the build names no player chunk', () => {
    const html = injectReplayPreload('<html><head></head></html>', 'abc');
    expect(html).not.toContain('modulepreload');
    expect(html).toContain('href="/api/sessions/abc/replay"');
  });
  it('never injects an invalid ID or a foreign chunk path', () => {
    expect(injectReplayPreload(BUILT, '"><script>')).toBe(BUILT);
    const foreign = BUILT.replace('/assets/ViewerPage-x1.js /assets/hls.light-AbC_1.js', 'https://evil.example/x.js');
    expect(injectReplayPreload(foreign, 'abc')).not.toContain('modulepreload');
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
