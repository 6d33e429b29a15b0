import { Fragment, memo, useEffect, useRef, type CSSProperties } from 'react';
import { currentStepIndex } from '../../shared/timeline-steps';
import type { MomentLabel } from '../../shared/wall-clock';
import type { PlayerStore } from '../player/player-store';
import { usePlayerValueDeferred } from '../player/use-player-snapshot';
import type { PlacedStep, StepPlacement } from './placed-steps';
import { urlLinePieces } from './url-line-breaks';

type StepsPanelProps =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | {
      state: 'ready';
      steps: readonly PlacedStep[];
      store: PlayerStore;
      videoDurationSec: number | null;
      momentLabel: (sessionSec: number) => MomentLabel;
    };

/** How long a scroll of the list by its reader holds off following the playhead. */
const READING_PAUSE_MS = 8_000;

const KIND_LABELS: Record<PlacedStep['kind'], string> = {
  action: 'Action',
  observation: 'Page',
  agent: 'Agent',
  completion: 'Done',
  other: 'Other',
};

const PLACEMENT_TITLES: Record<StepPlacement, string> = {
  'on-video': 'Play from this step',
  outside: 'This step happened outside the recorded video',
  untimed: 'Notte gave no time for this step',
  pending: 'Available once the video has loaded',
};

// Nothing while the video is loading: the step may well be on it.
const PLACEMENT_NOTES: Record<StepPlacement, string | null> = {
  'on-video': null,
  outside: 'outside the video',
  untimed: 'time unknown',
  pending: null,
};

export function StepsPanel(props: StepsPanelProps) {
  return (
    <section className="steps-panel" aria-labelledby="steps-heading">
      <h2 id="steps-heading">
        Steps {props.state === 'ready' && <span className="steps-count">{props.steps.length}</span>}
      </h2>
      {props.state === 'loading' && <p className="steps-note">Loading the session's steps…</p>}
      {props.state === 'failed' && (
        <p className="steps-note">The session's steps could not be loaded ({props.message}). The replay still plays.</p>
      )}
      {props.state === 'ready' &&
        (props.steps.length === 0 ? (
          <p className="steps-note">This session recorded no steps.</p>
        ) : (
          <StepsList {...props} />
        ))}
    </section>
  );
}

function StepsList({ steps, store, videoDurationSec, momentLabel }: Extract<StepsPanelProps, { state: 'ready' }>) {
  const listRef = useRef<HTMLOListElement>(null);
  const stepVideoSecs = steps.map((step) => step.videoSec);
  // Re-renders only when the current step changes (not on every frame), after the frame a seek shows.
  const current = usePlayerValueDeferred(store, (snapshot) => currentStepIndex(stepVideoSecs, snapshot.currentSec, videoDurationSec));

  // While someone reads the list (the pointer on it, or a scroll of theirs in the last few seconds),
  // it does not follow the playhead: it would pull them away from the step they are reading.
  const readingUntilMs = useRef(0);
  const pointerOnList = useRef(false);
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const userScrolled = () => {
      readingUntilMs.current = Date.now() + READING_PAUSE_MS;
    };
    const enter = () => {
      pointerOnList.current = true;
    };
    const leave = () => {
      pointerOnList.current = false;
    };
    const listeners: Array<[string, () => void]> = [
      ['wheel', userScrolled],
      ['touchmove', userScrolled],
      ['keydown', userScrolled],
      ['pointerenter', enter],
      ['pointerleave', leave],
    ];
    for (const [type, listener] of listeners) list.addEventListener(type, listener, { passive: true });
    return () => {
      for (const [type, listener] of listeners) list.removeEventListener(type, listener);
    };
  }, []);

  useEffect(() => {
    // Measured in the next frame, where layout is due anyway, not in a forced layout of its own.
    const frame = requestAnimationFrame(() => {
      const list = listRef.current;
      const item = current === null ? null : list?.querySelector<HTMLElement>(`[data-step-index="${current}"]`);
      if (!list || !item) return;
      if (pointerOnList.current || Date.now() < readingUntilMs.current) return;
      // Scroll the list only, never the page (on phones the list sits below the video).
      // The list is the rows' offsetParent (position: relative): offsetTop is already within it.
      const top = item.offsetTop;
      if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight) {
        const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        list.scrollTo({ top: top - list.clientHeight / 3, behavior: reduceMotion ? 'auto' : 'smooth' });
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [current]);

  const moments = steps.map((step) => (step.sessionSec === null ? null : momentLabel(step.sessionSec)));
  const timeChars = Math.max(0, ...moments.map((moment) => moment?.text.length ?? 0));
  return (
    <ol className="steps-list" aria-label="Steps" ref={listRef} style={{ '--step-time-chars': timeChars } as CSSProperties}>
      {steps.map((step, position) => {
        const moment = moments[position];
        return (
          <StepRow
            key={step.index}
            step={step}
            isCurrent={current === step.index}
            timeText={moment?.text ?? '–'}
            timeTitle={moment?.title}
            store={store}
          />
        );
      })}
    </ol>
  );
}

interface StepRowProps {
  step: PlacedStep;
  isCurrent: boolean;
  timeText: string;
  timeTitle: string | undefined;
  store: PlayerStore;
}

/** A step's URL or typed value, free to wrap at its separators (`<wbr>` adds no text to a copy). */
function StepDetail({ text }: { text: string }) {
  return (
    <span className="step-detail">
      {urlLinePieces(text).map((piece, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {piece}
        </Fragment>
      ))}
    </span>
  );
}

/** Memoised: a new current step re-renders two rows, not the whole list. */
const StepRow = memo(function StepRow({ step, isCurrent, timeText, timeTitle, store }: StepRowProps) {
  return (
    <li
      data-step-index={step.index}
      aria-current={isCurrent ? 'true' : undefined}
      className={`step step-${step.kind}${step.success === false ? ' step-failed' : ''}${isCurrent ? ' step-current' : ''}`}
    >
      <button
        type="button"
        className="step-button"
        disabled={!step.onVideo}
        title={PLACEMENT_TITLES[step.placement]}
        onClick={() => {
          if (step.videoSec !== null) store.seekVideoSec(step.videoSec);
        }}
      >
        <span className="step-time" title={timeTitle}>
          {timeText}
        </span>
        <span className={`step-kind kind-${step.kind}`}>{KIND_LABELS[step.kind]}</span>
        <span className="step-body">
          <span className="step-label">{step.label}</span>
          {step.detail && <StepDetail text={step.detail} />}
          {step.success === false && step.message && <span className="step-error">✗ {step.message}</span>}
          {PLACEMENT_NOTES[step.placement] && <span className="step-outside">{PLACEMENT_NOTES[step.placement]}</span>}
        </span>
        {step.success === true && (
          <span className="step-ok" aria-label="succeeded">
            ✓
          </span>
        )}
        {step.success === false && <span className="visually-hidden">failed</span>}
      </button>
    </li>
  );
});
