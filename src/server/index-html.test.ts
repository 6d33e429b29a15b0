import { describe, expect, it } from 'vitest';
import { injectReplayPreload } from './index-html';

const BUILT = '<!doctype html><html><head><meta charset="UTF-8"><meta name="replay-viewer-chunks" content="/assets/ViewerPage-x1.js /assets/hls.light-AbC_1.js"></head><body></body></html>';

describe('injectReplayPreload', () => {
  it('preloads the replay and the viewer chunks first thing in <head>', () => {
    const html = injectReplayPreload(BUILT, 'abc-123');
    expect(html).toContain(
      '<head><link rel="preload" as="fetch" crossorigin="anonymous" href="/api/sessions/abc-123/replay"><link rel="modulepreload" href="/assets/ViewerPage-x1.js"><link rel="modulepreload" href="/assets/hls.light-AbC_1.js">',
    );
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
