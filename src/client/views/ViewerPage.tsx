import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { parseUtcTimestampMs } from '../../shared/clock-format';
import { sessionBoundsSec, videoToSessionSec } from '../../shared/session-time';
import { currentStepIndex, toTimelineSteps } from '../../shared/timeline-steps';
import { formatStartParam, startSessionSec, type StartPosition } from '../../shared/start-param';
import { formatMoment } from '../../shared/wall-clock';
import { replayQueryOptions, sessionDetailsQueryOptions } from '../api/replay-query';
import { nextReplayFetchDelayMs, PROCESSING_GIVE_UP_AFTER_MS, replayQueryStateView } from '../api/refresh-policy';
import { serverNowMs } from '../api/server-clock';
import { ViewerError } from '../api/viewer-error';
import { describeStoppedWaiting, describeViewerError } from './viewer-error-text';
import { Icon } from '../player/Icon';
import { Player } from '../player/Player';
import { PlayerStore } from '../player/player-store';
import { useKeyboardShortcuts } from '../player/use-keyboard-shortcuts';
import { viewerPath } from '../routing/route';
import { placeSteps, stepSummary } from '../steps/placed-steps';
import { CopyLinkButton } from '../ui/CopyLinkButton';
import { ExpiryCountdown } from '../ui/ExpiryCountdown';
import { PartBoundary } from '../ui/PartBoundary';
import { rememberOpenedSession } from '../ui/recent-sessions';
import { runShortcut } from './run-shortcut';
import { SessionSummary } from './SessionSummary';
import { useTimeMode } from './use-time-mode';
import { deriveViewerState } from './viewer-state';
import { RenewalWarning } from './RenewalWarning';
import { RetryableAlert } from './RetryableAlert';
import { ViewerLink } from './ViewerLink';
import { WaitingNotice } from './WaitingNotice';

// Not needed for the first frame: loaded while the video starts.
const StepsPanel = lazy(() => import('../steps/StepsPanel').then((module) => ({ default: module.StepsPanel })));
const ShortcutsDialog = lazy(() => import('./ShortcutsDialog').then((module) => ({ default: module.ShortcutsDialog })));

interface ViewerPageProps {
  sessionId: string;
  start: StartPosition;
  /** Continue paused: the viewer was paused here before a reload or Back/Forward. */
  startPaused: boolean;
  embed: boolean;
}

export function ViewerPage({ sessionId, start, startPaused, embed }: ViewerPageProps) {
  const queryClient = useQueryClient();
  const options = replayQueryOptions(sessionId);
  const query = useQuery(options);
  const details = useQuery(sessionDetailsQueryOptions(sessionId));
  const [store] = useState(() => new PlayerStore());
  const [timeMode, setTimeMode] = useTimeMode();
  const [helpOpen, setHelpOpen] = useState(false);
  // The dialog's code could not be loaded: its notice shows instead, and the shortcuts stay on.
  const [helpFailed, setHelpFailed] = useState(false);
  const closeHelp = () => {
    setHelpOpen(false);
    setHelpFailed(false);
  };

  const state = deriveViewerState({
    status: query.status,
    data: query.data,
    error: query.error,
    failureReason: query.failureReason,
    // The same decision as the query's refetchInterval (replay-query.ts), from the same view of its state.
    nextFetchInMs: nextReplayFetchDelayMs(replayQueryStateView(query), query.errorUpdatedAt),
    errorUpdatedAtMs: query.errorUpdatedAt,
  });
  const replay = state.kind === 'ready' ? state.replay : null;
  const videoStartMs = replay?.video_start_ms ?? null;
  const mediaDurationSec = useSyncExternalStore(store.subscribe, () => store.getSnapshot().durationSec);
  const bounds = replay ? sessionBoundsSec(replay, mediaDurationSec) : null;
  const videoDurationSec = bounds ? bounds.endSec - bounds.startSec : null;
  const createdAtMs = details.data ? parseUtcTimestampMs(details.data.created_at) : null;

  const steps = useMemo(
    () => (details.data ? placeSteps(toTimelineSteps(details.data), videoStartMs, videoDurationSec) : []),
    [details.data, videoStartMs, videoDurationSec],
  );
  const stepVideoSecs = useMemo(() => steps.map((step) => step.videoSec), [steps]);
  const markers = useMemo(
    () =>
      steps
        .filter((step) => step.onVideo && step.videoSec !== null)
        .map((step) => ({ key: String(step.index), videoSec: step.videoSec ?? 0, kind: step.kind, failed: step.success === false })),
    [steps],
  );
  const momentLabel = (sessionSec: number) => formatMoment(sessionSec, timeMode, createdAtMs);
  const stepLabelAt = (videoSec: number) => {
    const index = currentStepIndex(stepVideoSecs, videoSec, videoDurationSec);
    const step = index === null ? undefined : steps[index];
    return step ? stepSummary(step) : null;
  };

  // Where playback starts is read once, when the player mounts; a timestamp (`?t=<ISO>`) needs
  // created_at first, so the player waits for the session details (or their failure) in that case.
  const startAt = startSessionSec(start, createdAtMs);
  const startKnown = start.kind !== 'timestamp' || details.status !== 'pending';

  useEffect(() => {
    if (state.kind === 'ready') rememberOpenedSession(sessionId, Date.now());
  }, [state.kind, sessionId]);

  useKeyboardShortcuts(
    (command) => runShortcut(command, { store, videoDurationSec, stepVideoSecs, openHelp: () => setHelpOpen(true) }),
    state.kind === 'ready' && (!helpOpen || helpFailed),
  );

  const retry = () => void queryClient.resetQueries({ queryKey: options.queryKey });
  const renew = () => query.refetch().then((result) => result.data ?? null);
  const retryRenewal = () => query.refetch().then((result) => !result.isError);
  const linkAt = (withTime: boolean) => () => {
    const currentSec = store.videoElement?.currentTime ?? store.live().currentSec;
    const param = withTime && currentSec > 0.5 ? formatStartParam(videoToSessionSec(currentSec, videoStartMs)) : null;
    return new URL(viewerPath(sessionId, param), window.location.origin).toString();
  };

  const header = embed ? null : (
    <header className="viewer-header">
      <div className="viewer-title">
        <h1>
          <span className="viewer-title-label">Session</span> <code className="session-id">{sessionId}</code>
        </h1>
        {state.kind !== 'failed' && details.status !== 'error' && (
          <SessionSummary details={details.data} timeMode={timeMode} onTimeModeChange={setTimeMode} />
        )}
      </div>
      {state.kind !== 'failed' && (
        <div className="viewer-actions">
          {replay && <ExpiryCountdown expiresAt={replay.expires_at} clock={serverNowMs} />}
          <CopyLinkButton buildLink={linkAt(true)} />
          {replay && (
            <>
              {/* Not "Copy link …": the one button named "Copy link" must stay unambiguous (a contract). */}
              <CopyLinkButton buildLink={linkAt(false)} label="Copy without time" className="copy-link-secondary" />
              <button
                type="button"
                className="icon-button"
                aria-label="Keyboard shortcuts"
                title="Keyboard shortcuts (?)"
                onClick={() => setHelpOpen(true)}
              >
                <Icon name="keyboard" />
              </button>
            </>
          )}
        </div>
      )}
    </header>
  );

  // The video comes first and nothing above it changes size: its place on the page is known before
  // React runs, so the server's shell (src/server/viewer-shell.ts) can show it there.
  const stageFirst = state.kind === 'loading' || replay !== null;
  return (
    <main className={embed ? 'viewer viewer-embed' : 'viewer'} id="main">
      {!stageFirst && header}
      {state.kind === 'waiting' && <WaitingNotice error={state.error} nextFetchAtMs={state.nextFetchAtMs} embed={embed} />}
      {state.kind === 'failed' && (
        <RetryableAlert
          title={failureTitle(state.error)}
          onRetry={state.canRetry || state.error.code === 'processing' ? retry : undefined}
        >
          <p>
            {state.error.code === 'processing'
              ? describeStoppedWaiting(state.error, PROCESSING_GIVE_UP_AFTER_MS / 60_000)
              : describeViewerError(state.error)}
          </p>
          {!embed && (
            <p>
              <ViewerLink href="/">Open another session</ViewerLink>
            </p>
          )}
        </RetryableAlert>
      )}
      {stageFirst && (
        <div className={embed ? 'viewer-body viewer-body-embed' : 'viewer-body'}>
          <div className="viewer-main">
            {replay && startKnown ? (
              <Player
                key={sessionId}
                sessionId={sessionId}
                replay={replay}
                store={store}
                startSessionSec={startAt}
                startPaused={startPaused}
                requestRenewal={renew}
                markers={markers}
                momentLabel={momentLabel}
                stepLabelAt={stepLabelAt}
              />
            ) : (
              // The shell's own markup (src/server/viewer-shell.ts): loading looks and sits like the player.
              <section className="player" aria-label="Replay player" aria-busy="true">
                <div className="player-stage player-stage-loading">
                  <span className="spinner" aria-hidden="true" />
                  <p role="status">{state.kind === 'loading' && state.retrying ? 'Loading the replay (retrying)…' : 'Loading the replay…'}</p>
                </div>
              </section>
            )}
            {state.kind === 'ready' && state.renewalError && (
              <RenewalWarning
                // A new kind of failure is a new notice: its Try again state starts over, and focus on a
                // button that the new kind does not have is rescued as when the notice goes.
                key={state.renewalError.retryable ? 'retrying' : 'stopped'}
                error={state.renewalError}
                renew={retryRenewal}
                focusAfterRenewal={() => document.querySelector<HTMLElement>('.play-button')}
              />
            )}
            {header}
          </div>
          {!embed && (
            <PartBoundary part="the session's steps">
              <Suspense fallback={null}>
                <StepsPanel
                  {...(details.status === 'pending'
                    ? { state: 'loading' as const }
                    : details.status === 'error'
                      ? { state: 'failed' as const, message: describeViewerError(asViewerError(details.error)) }
                      : { state: 'ready' as const, steps, store, videoDurationSec, momentLabel })}
                />
              </Suspense>
            </PartBoundary>
          )}
        </div>
      )}
      {helpOpen && (
        <PartBoundary part="the keyboard shortcuts" onDismiss={closeHelp} onFailed={() => setHelpFailed(true)}>
          <Suspense fallback={null}>
            <ShortcutsDialog open={helpOpen} onClose={closeHelp} />
          </Suspense>
        </PartBoundary>
      )}
    </main>
  );
}

function asViewerError(error: unknown): ViewerError {
  return error instanceof ViewerError ? error : new ViewerError({ code: 'bad_proxy_response', message: String(error), retryable: true });
}

function failureTitle(error: ViewerError): string {
  switch (error.code) {
    case 'not_found':
      return 'Session not found';
    case 'processing':
      return 'Still processing';
    case 'no_video':
      return 'No video';
    case 'replay_failed':
      return error.replayStatus === 'unavailable' ? 'No video' : 'Recording failed';
    case 'upstream_timeout':
      return 'Timed out';
    case 'upstream_auth':
      return 'Not authorised with Notte';
    case 'network':
      return 'Connection problem';
    default:
      return 'The replay could not be loaded';
  }
}
