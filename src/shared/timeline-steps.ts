import * as z from 'zod/mini';
import { parseUtcTimestampMs } from './clock-format';
import type { SessionDetails, SessionStep } from './session-details-schema';

export type StepKind = 'action' | 'observation' | 'agent' | 'completion' | 'other';

/** One step as the timeline shows it; times in seconds of session time (0 = `created_at`). */
export interface TimelineStep {
  index: number;
  kind: StepKind;
  type: string;
  label: string;
  detail: string | null;
  success: boolean | null;
  message: string | null;
  sessionSec: number | null;
}

const stepTimesSchema = z.looseObject({
  started_at: z.optional(z.nullable(z.string())),
  created_at: z.optional(z.nullable(z.string())),
  timestamp: z.optional(z.nullable(z.string())),
});
const executionSchema = z.looseObject({
  action: z.optional(z.nullable(z.looseObject({ type: z.optional(z.string()) }))),
  success: z.optional(z.nullable(z.boolean())),
  message: z.optional(z.nullable(z.string())),
});
const observationSchema = z.looseObject({
  metadata: z.optional(z.nullable(z.looseObject({ url: z.optional(z.nullable(z.string())), title: z.optional(z.nullable(z.string())) }))),
});
const completionSchema = z.looseObject({
  success: z.optional(z.nullable(z.boolean())),
  answer: z.optional(z.nullable(z.string())),
  message: z.optional(z.nullable(z.string())),
});

function stepStartMs(value: unknown): number | null {
  const parsed = z.safeParse(stepTimesSchema, value);
  if (!parsed.success) return null;
  const text = parsed.data.started_at ?? parsed.data.created_at ?? parsed.data.timestamp ?? null;
  return text === null ? null : parseUtcTimestampMs(text);
}

/** What an action did, in a few words: `fill "Email" = jane@…`, `goto https://…`. */
function describeAction(action: Record<string, unknown>): { label: string; detail: string | null } {
  const type = typeof action.type === 'string' ? action.type : 'action';
  const pick = (key: string) => (typeof action[key] === 'string' ? (action[key] as string) : null);
  const target = pick('text_label') ?? pick('selector') ?? pick('id');
  const detail = pick('url') ?? pick('value') ?? pick('instructions') ?? pick('text');
  return { label: target ? `${type} “${target}”` : type, detail };
}

function describeStep(step: SessionStep): Omit<TimelineStep, 'index' | 'sessionSec'> {
  const base = { type: step.type, detail: null, success: null, message: null };
  switch (step.type) {
    case 'execution_result': {
      const parsed = z.safeParse(executionSchema, step.value);
      if (!parsed.success) return { ...base, kind: 'action', label: 'action' };
      const { label, detail } = parsed.data.action ? describeAction(parsed.data.action) : { label: 'action', detail: null };
      return { ...base, kind: 'action', label, detail, success: parsed.data.success ?? null, message: parsed.data.message ?? null };
    }
    case 'observation': {
      const parsed = z.safeParse(observationSchema, step.value);
      const metadata = parsed.success ? parsed.data.metadata : null;
      return { ...base, kind: 'observation', label: metadata?.title || 'observation', detail: metadata?.url ?? null };
    }
    case 'agent_completion': {
      const parsed = z.safeParse(completionSchema, step.value);
      const data = parsed.success ? parsed.data : null;
      return {
        ...base,
        kind: 'completion',
        label: 'agent finished',
        detail: data?.answer ?? null,
        success: data?.success ?? null,
        message: data?.message ?? null,
      };
    }
    case 'agent_step_start':
    case 'agent_step_stop':
      return { ...base, kind: 'agent', label: step.type.replace(/_/g, ' ') };
    default:
      return { ...base, kind: 'other', label: step.type.replace(/_/g, ' ') };
  }
}

/** Steps with their place in session time: `started_at − created_at`. Unknown shapes are kept, untimed. */
export function toTimelineSteps(details: Pick<SessionDetails, 'created_at' | 'steps'>): TimelineStep[] {
  const createdAtMs = parseUtcTimestampMs(details.created_at);
  return details.steps.map((step, index) => {
    const startMs = stepStartMs(step.value);
    const sessionSec = createdAtMs === null || startMs === null ? null : (startMs - createdAtMs) / 1000;
    return { index, sessionSec, ...describeStep(step) };
  });
}

/** A step sits on the video at `sessionSec − video_start`; outside the video it is shown but not seekable. */
export function stepVideoSec(step: Pick<TimelineStep, 'sessionSec'>, videoStartMs: number | null): number | null {
  if (step.sessionSec === null) return null;
  return step.sessionSec - (videoStartMs ?? 0) / 1000;
}

export function isStepOnVideo(videoSec: number | null, videoDurationSec: number | null): videoSec is number {
  if (videoSec === null || videoDurationSec === null) return false;
  return videoSec >= 0 && videoSec <= videoDurationSec;
}

/** The step under the playhead: the last seekable step that started at or before it. */
export function currentStepIndex(stepVideoSecs: readonly (number | null)[], currentVideoSec: number, videoDurationSec: number | null): number | null {
  let current: number | null = null;
  stepVideoSecs.forEach((videoSec, index) => {
    if (isStepOnVideo(videoSec, videoDurationSec) && videoSec <= currentVideoSec + 0.05) current = index;
  });
  return current;
}

/** N / Shift+N: the next (or previous) seekable step strictly after (before) the playhead. */
export function adjacentStepVideoSec(
  stepVideoSecs: readonly (number | null)[],
  currentVideoSec: number,
  videoDurationSec: number | null,
  direction: 1 | -1,
): number | null {
  const onVideo = stepVideoSecs.filter((sec): sec is number => isStepOnVideo(sec, videoDurationSec)).sort((a, b) => a - b);
  // By position, not by time: steps a tenth of a second apart are each a stop (the same slack as currentStepIndex).
  let at = -1;
  onVideo.forEach((sec, index) => {
    if (sec <= currentVideoSec + 0.05) at = index;
  });
  if (direction === 1) return onVideo[at + 1] ?? null;
  // Well into a step, "previous" goes back to its start; right after it, to the step before.
  const atSec = onVideo[at];
  if (atSec !== undefined && currentVideoSec - atSec > 0.75) return atSec;
  return onVideo[at - 1] ?? null;
}
