import { formatClock, formatLocalDateTime, parseUtcTimestampMs } from '../../shared/clock-format';
import type { SessionDetails } from '../../shared/session-details-schema';
import { parseIsoDurationSec, type TimeMode } from '../../shared/wall-clock';

const STATUS_LABELS: Record<string, string> = {
  active: 'Active',
  closed: 'Closed',
  error: 'Ended with an error',
  timed_out: 'Timed out',
};

/** What a start time looks like (formatLocalDateTime), for the placeholder's width. */
const STARTED_SAMPLE = '0000-00-00 00:00:00';

interface SessionSummaryProps {
  /** Undefined while loading: the same rows are shown with placeholders, so nothing below moves. */
  details: SessionDetails | undefined;
  timeMode: TimeMode;
  onTimeModeChange: (mode: TimeMode) => void;
}

export function SessionSummary({ details, timeMode, onTimeModeChange }: SessionSummaryProps) {
  const createdAtMs = details ? parseUtcTimestampMs(details.created_at) : null;
  const durationSec = details ? parseIsoDurationSec(details.duration) : null;
  return (
    <div className="session-summary" aria-busy={details === undefined ? true : undefined}>
      <dl className="session-facts">
        <div>
          <dt>Status</dt>
          <dd>
            {details ? (
              <span className={`status-badge status-${details.status}`}>
                {STATUS_LABELS[details.status] ?? details.status.replace(/_/g, ' ')}
              </span>
            ) : (
              <Placeholder sample="Closed" />
            )}
          </dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{durationSec !== null ? formatClock(durationSec) : details ? '–' : <Placeholder sample="0:00" />}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd title={createdAtMs !== null ? new Date(createdAtMs).toISOString() : undefined}>
            {createdAtMs !== null ? (
              formatLocalDateTime(createdAtMs)
            ) : details ? (
              '–'
            ) : (
              <Placeholder sample={STARTED_SAMPLE} />
            )}
          </dd>
        </div>
      </dl>
      <div className="time-mode" role="group" aria-label="Show times as">
        <button type="button" aria-pressed={timeMode === 'session'} onClick={() => onTimeModeChange('session')}>
          Session time
        </button>
        <button
          type="button"
          aria-pressed={timeMode === 'wall'}
          disabled={createdAtMs === null}
          title={createdAtMs === null ? 'Needs the session details' : 'Local time; hover a time for UTC'}
          onClick={() => onTimeModeChange('wall')}
        >
          Wall clock
        </button>
      </div>
    </div>
  );
}

/** As wide as the value it stands for, so the row wraps the same way once the details arrive. */
function Placeholder({ sample }: { sample: string }) {
  return (
    <span className="placeholder-text" aria-hidden="true">
      {sample}
    </span>
  );
}
