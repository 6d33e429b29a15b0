import { isStepOnVideo, stepVideoSec, type TimelineStep } from '../../shared/timeline-steps';

/** A timeline step with its place on this replay's video. */
export interface PlacedStep extends TimelineStep {
  videoSec: number | null;
  onVideo: boolean;
}

export function placeSteps(steps: readonly TimelineStep[], videoStartMs: number | null, videoDurationSec: number | null): PlacedStep[] {
  return steps.map((step) => {
    const videoSec = stepVideoSec(step, videoStartMs);
    return { ...step, videoSec, onVideo: isStepOnVideo(videoSec, videoDurationSec) };
  });
}

export function stepSummary(step: Pick<TimelineStep, 'label' | 'success'>): string {
  return step.success === false ? `${step.label} (failed)` : step.label;
}
