import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { formatStartParam } from '../../shared/start-param';
import { videoToSessionSec } from '../../shared/session-time';
import { replayQueryOptions } from '../api/replay-query';
import { nextReplayFetchDelayMs } from '../api/refresh-policy';
import { describeViewerError } from '../api/viewer-error';
import { MediaClock } from '../player/media-clock';
import { Player } from '../player/Player';
import { viewerPath } from '../routing/route';
import { CopyLinkButton } from '../ui/CopyLinkButton';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ExpiryCountdown } from '../ui/ExpiryCountdown';
import { deriveViewerState } from './viewer-state';
import { ViewerLink } from './ViewerLink';

interface ViewerPageProps {
  sessionId: string;
  startSec: number | null;
  embed: boolean;
}

export function ViewerPage({ sessionId, startSec, embed }: ViewerPageProps) {
  const queryClient = useQueryClient();
  const options = replayQueryOptions(sessionId);
  const query = useQuery(options);
  const [clock] = useState(() => new MediaClock());
  const state = deriveViewerState({
    status: query.status,
    data: query.data,
    error: query.error,
    failureReason: query.failureReason,
    willRefetch:
      nextReplayFetchDelayMs(
        { data: query.data, error: query.error, errorUpdateCount: query.errorUpdateCount, latestFailed: query.isError },
        Date.now(),
      ) !== false,
  });
  const retry = () => void queryClient.resetQueries({ queryKey: options.queryKey });
  const renew = () => void query.refetch();

  const startVideoSec = useMemo(() => {
    if (startSec === null || state.kind !== 'ready') return 0;
    return Math.max(0, startSec - (state.replay.video_start_ms ?? 0) / 1000);
    // Only the first answer decides where playback starts; renewals must not move it.
  }, [startSec, state.kind]);

  const shareLink = () => {
    const videoStartMs = state.kind === 'ready' ? state.replay.video_start_ms : null;
    const snapshot = clock.getSnapshot();
    const atSec = videoToSessionSec(snapshot.currentSec, videoStartMs);
    const withTime = snapshot.currentSec > 0.5 ? formatStartParam(atSec) : null;
    return new URL(viewerPath(sessionId, withTime), window.location.origin).toString();
  };

  return (
    <main className={embed ? 'viewer viewer-embed' : 'viewer'} id="main">
      {!embed && (
        <header className="viewer-header">
          <div className="viewer-title">
            <h1>
              <span className="viewer-title-label">Session</span> <code className="session-id">{sessionId}</code>
            </h1>
          </div>
          <div className="viewer-actions">
            {state.kind === 'ready' && <ExpiryCountdown expiresAt={state.replay.expires_at} />}
            <CopyLinkButton buildLink={shareLink} />
          </div>
        </header>
      )}
      {state.kind === 'loading' && (
        <div className="player-placeholder" aria-busy="true">
          <span className="spinner" aria-hidden="true" />
          <p role="status">{state.retrying ? 'Loading the replay (retrying)…' : 'Loading the replay…'}</p>
        </div>
      )}
      {state.kind === 'waiting' && (
        <ErrorAlert title={state.error.code === 'processing' ? 'Not ready yet' : 'Waiting'} tone="waiting">
          <p>{describeViewerError(state.error)}</p>
        </ErrorAlert>
      )}
      {state.kind === 'failed' && (
        <ErrorAlert title={failureTitle(state.error.code)} onRetry={state.canRetry || state.error.code === 'processing' ? retry : undefined}>
          <p>{describeViewerError(state.error)}</p>
          {!embed && (
            <p>
              <ViewerLink href="/">Open another session</ViewerLink>
            </p>
          )}
        </ErrorAlert>
      )}
      {state.kind === 'ready' && (
        <>
          {state.renewalError && (
            <p className="renewal-warning" role="status">
              Could not renew the storage links yet ({describeViewerError(state.renewalError)}). Playback continues;
              the viewer keeps trying.
            </p>
          )}
          <Player
            key={sessionId}
            sessionId={sessionId}
            replay={state.replay}
            clock={clock}
            startVideoSec={startVideoSec}
            requestRenewal={renew}
          />
        </>
      )}
    </main>
  );
}

function failureTitle(code: string): string {
  switch (code) {
    case 'not_found':
      return 'Session not found';
    case 'processing':
      return 'Still processing';
    case 'no_video':
      return 'No video';
    case 'upstream_timeout':
      return 'Timed out';
    default:
      return 'The replay could not be loaded';
  }
}
