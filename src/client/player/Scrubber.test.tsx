// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionBoundsSec } from '../../shared/session-time';
import { PlayerStore } from './player-store';
import { Scrubber } from './Scrubber';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

async function renderSlider(videoStartMs: number, videoDurationMs: number): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  const bounds = sessionBoundsSec({ video_start_ms: videoStartMs, video_duration_ms: videoDurationMs }, null);
  const created = root;
  await act(async () =>
    created.render(
      <Scrubber store={new PlayerStore()} bounds={bounds} markers={[]} describeHover={() => ({ timeText: '', stepText: null })} thumbnailUrl={null} />,
    ),
  );
  const slider = container.querySelector<HTMLElement>('[role="slider"]');
  if (!slider) throw new Error('no slider');
  return slider;
}

describe('Scrubber (the Seek slider)', () => {
  it('spans exactly video_start_ms/1000 … (video_start_ms+video_duration_ms)/1000 seconds of session time', async () => {
    const slider = await renderSlider(1_234, 30_517);
    expect(slider.getAttribute('aria-valuemin')).toBe('1.234');
    expect(slider.getAttribute('aria-valuemax')).toBe('31.751');
  });
  it('starts at the start of the video, written as m:ss', async () => {
    const slider = await renderSlider(1_234, 30_517);
    expect(slider.getAttribute('aria-valuenow')).toBe('1.234');
    expect(slider.getAttribute('aria-valuetext')).toBe('0:01');
  });
});
