// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ThumbnailSource } from './thumbnail-source';

/** The helper video the source makes, with seeks the test completes by hand. */
function capturedVideo(): { seeks: number[]; finishSeek: () => void } {
  const seeks: number[] = [];
  let made: HTMLVideoElement | null = null;
  const create = document.createElement.bind(document);
  vi.spyOn(document, 'createElement').mockImplementation(((tag: string) => {
    const element = create(tag);
    if (tag === 'video') {
      made = element as HTMLVideoElement;
      Object.defineProperties(made, {
        readyState: { get: () => 4 },
        currentTime: { get: () => seeks.at(-1) ?? 0, set: (sec: number) => void seeks.push(sec) },
      });
    }
    return element;
  }) as typeof document.createElement);
  return {
    seeks,
    finishSeek: () => made?.dispatchEvent(new Event('seeked')),
  };
}

afterEach(() => vi.restoreAllMocks());

describe('ThumbnailSource', () => {
  it('back where the drawn frame is, a frame asked for meanwhile is dropped, not shown later under the wrong time', () => {
    const helper = capturedVideo();
    const source = new ThumbnailSource('https://storage.example/clip.mp4');
    const canvas = document.createElement('canvas');
    source.show(canvas, 10);
    source.show(canvas, 20);
    source.show(canvas, 10.1);
    helper.finishSeek();
    expect(helper.seeks).toEqual([10]);
    source.destroy();
  });

  it('seeks to the latest time asked for once the seek in flight is done', () => {
    const helper = capturedVideo();
    const source = new ThumbnailSource('https://storage.example/clip.mp4');
    const canvas = document.createElement('canvas');
    source.show(canvas, 10);
    source.show(canvas, 20);
    source.show(canvas, 30);
    helper.finishSeek();
    expect(helper.seeks).toEqual([10, 30]);
    source.destroy();
  });
});
