import { isStepOnVideo, stepVideoSec, type TimelineStep } from '../../shared/timeline-steps';

/**
 * Where a step sits: on the video (seekable), outside it, without a time from Notte, or not known
 * yet (the video's length is not known until the replay, sometimes its media, has loaded).
 */
export type StepPlacement = 'on-video' | 'outside' | 'untimed' | 'pending';

/** A timeline step with its place on this replay's video. */
export interface PlacedStep extends TimelineStep {
  videoSec: number | null;
  onVideo: boolean;
  placement: StepPlacement;
}

export function placeSteps(steps: readonly TimelineStep[], videoStartMs: number | null, videoDurationSec: number | null): PlacedStep[] {
  return steps.map((step) => {
    const videoSec = stepVideoSec(step, videoStartMs);
    const onVideo = isStepOnVideo(videoSec, videoDurationSec);
    return { ...step, videoSec, onVideo, placement: stepPlacement(videoSec, videoDurationSec, onVideo) };
  });
}

function stepPlacement(videoSec: number | null, videoDurationSec: number | null, onVideo: boolean): StepPlacement {
  if (videoSec === null) return 'untimed';
  if (onVideo) return 'on-video';
  return videoDurationSec === null ? 'pending' : 'outside';
}

export function stepSummary(step: Pick<TimelineStep, 'label' | 'success'>): string {
  return step.success === false ? `${step.label} (failed)` : step.label;
}
