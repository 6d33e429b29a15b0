import { describe, expect, it } from 'vitest';
import type { TimelineStep } from '../../shared/timeline-steps';
import { placeSteps } from './placed-steps';

const step = (index: number, sessionSec: number | null): TimelineStep => ({
  index,
  kind: 'action',
  type: 'execution_result',
  label: `step ${index}`,
  detail: null,
  success: true,
  message: null,
  sessionSec,
});

describe('placeSteps', () => {
  const steps = [step(0, 1), step(1, 5), step(2, 40), step(3, null)];

  it('places steps on the video from video_start_ms, outside it past either end, untimed without a time', () => {
    const placed = placeSteps(steps, 3_000, 30);
    expect(placed.map((s) => [s.videoSec, s.placement, s.onVideo])).toEqual([
      [-2, 'outside', false],
      [2, 'on-video', true],
      [37, 'outside', false],
      [null, 'untimed', false],
    ]);
  });

  it('calls no timed step "outside" while the video length is not known yet', () => {
    const placed = placeSteps(steps, 3_000, null);
    expect(placed.map((s) => s.placement)).toEqual(['pending', 'pending', 'pending', 'untimed']);
    expect(placed.some((s) => s.onVideo)).toBe(false);
  });
});
