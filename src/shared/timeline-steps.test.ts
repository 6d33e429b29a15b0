import { describe, expect, it } from 'vitest';
import { adjacentStepVideoSec, currentStepIndex, isStepOnVideo, stepVideoSec, toTimelineSteps } from './timeline-steps';

const details = {
  created_at: '2026-11-28T10:00:00',
  steps: [
    {
      type: 'execution_result',
      value: {
        started_at: '2026-11-28T10:00:01.500',
        action: { type: 'goto', url: 'https://shop.example.com/' },
        success: true,
        message: 'Navigated',
      },
    },
    {
      type: 'observation',
      value: { started_at: '2026-11-28T10:00:04Z', metadata: { url: 'https://shop.example.com/', title: 'Shop' } },
    },
    {
      type: 'execution_result',
      value: {
        started_at: '2026-11-28T10:00:09',
        action: { type: 'click', text_label: 'Buy' },
        success: false,
        message: 'No element',
      },
    },
    { type: 'agent_completion', value: { created_at: '2026-11-28T10:00:20', success: true, answer: 'Done' } },
    { type: 'mystery', value: 42 },
  ],
};

describe('toTimelineSteps', () => {
  const steps = toTimelineSteps(details);
  it('places each step at started_at − created_at, timestamps read as UTC', () => {
    expect(steps.map((s) => s.sessionSec)).toEqual([1.5, 4, 9, 20, null]);
  });
  it('describes actions, observations and completions', () => {
    expect(steps[0]).toMatchObject({ kind: 'action', label: 'goto', detail: 'https://shop.example.com/', success: true });
    expect(steps[1]).toMatchObject({ kind: 'observation', label: 'Shop', detail: 'https://shop.example.com/' });
    expect(steps[2]).toMatchObject({ kind: 'action', label: 'click “Buy”', success: false, message: 'No element' });
    expect(steps[3]).toMatchObject({ kind: 'completion', success: true, detail: 'Done' });
  });
  it('keeps unknown step shapes, untimed', () => {
    expect(steps[4]).toMatchObject({ kind: 'other', label: 'mystery', sessionSec: null });
  });
  it('survives a junk created_at', () => {
    expect(toTimelineSteps({ ...details, created_at: 'never' }).every((s) => s.sessionSec === null)).toBe(true);
  });
});

describe('step placement on the video', () => {
  it('subtracts video_start_ms', () => {
    expect(stepVideoSec({ sessionSec: 9 }, 3000)).toBe(6);
    expect(stepVideoSec({ sessionSec: 9 }, null)).toBe(9);
    expect(stepVideoSec({ sessionSec: null }, 3000)).toBeNull();
  });
  it('knows which steps fall outside the video', () => {
    expect(isStepOnVideo(-1.5, 12)).toBe(false);
    expect(isStepOnVideo(0, 12)).toBe(true);
    expect(isStepOnVideo(12, 12)).toBe(true);
    expect(isStepOnVideo(12.1, 12)).toBe(false);
    expect(isStepOnVideo(3, null)).toBe(false);
  });
  const secs = [-1.5, 1, 6, 17, null];
  it('finds the step under the playhead', () => {
    expect(currentStepIndex(secs, 0.5, 12)).toBeNull();
    expect(currentStepIndex(secs, 1, 12)).toBe(1);
    expect(currentStepIndex(secs, 11, 12)).toBe(2);
  });
  it('finds the next and previous steps', () => {
    expect(adjacentStepVideoSec(secs, 0, 12, 1)).toBe(1);
    expect(adjacentStepVideoSec(secs, 1, 12, 1)).toBe(6);
    expect(adjacentStepVideoSec(secs, 6, 12, 1)).toBeNull();
    expect(adjacentStepVideoSec(secs, 6.2, 12, -1)).toBe(1);
    expect(adjacentStepVideoSec(secs, 0.5, 12, -1)).toBeNull();
    expect(adjacentStepVideoSec(secs, 9, 12, -1), 'well into a step: back to its start').toBe(6);
  });
  it('stops at every step, also those a tenth of a second apart', () => {
    const close = [2, 3.2, 3.3, 4.4];
    expect(adjacentStepVideoSec(close, 3.2, 30, 1)).toBe(3.3);
    expect(adjacentStepVideoSec(close, 3.3, 30, 1)).toBe(4.4);
    expect(adjacentStepVideoSec(close, 4.4, 30, -1)).toBe(3.3);
    expect(adjacentStepVideoSec(close, 3.3, 30, -1)).toBe(3.2);
    expect(adjacentStepVideoSec(close, 3.2, 30, -1)).toBe(2);
  });
});
