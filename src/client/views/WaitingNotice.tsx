import type { ViewerError } from '../api/viewer-error';
import { describeViewerError } from './viewer-error-text';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useNowMs } from '../ui/use-now-ms';
import { ViewerLink } from './ViewerLink';

interface WaitingNoticeProps {
  error: ViewerError;
  /** When the viewer asks again by itself (epoch ms). */
  nextFetchAtMs: number;
  embed: boolean;
}

/** Not ready yet, or told to wait (429): the viewer asks again by itself, and says when. */
export function WaitingNotice({ error, nextFetchAtMs, embed }: WaitingNoticeProps) {
  const nowMs = useNowMs(1_000);
  const inSec = Math.max(0, Math.ceil((nextFetchAtMs - nowMs) / 1000));
  return (
    <ErrorAlert title={error.code === 'processing' ? 'Not ready yet' : 'Too many requests'} tone="waiting">
      <p>{describeViewerError(error)}</p>
      {/* Hidden from screen readers: in an alert, a ticking number would be read out every second. */}
      <p className="notice-countdown" aria-hidden="true">
        {inSec > 0 ? `Checking again in ${formatWait(inSec)}.` : 'Checking again…'}
      </p>
      {!embed && (
        <p>
          <ViewerLink href="/">Open another session</ViewerLink>
        </p>
      )}
    </ErrorAlert>
  );
}

function formatWait(sec: number): string {
  if (sec < 60) return `${sec} s`;
  const minutes = Math.floor(sec / 60);
  return `${minutes} min ${String(sec % 60).padStart(2, '0')} s`;
}
