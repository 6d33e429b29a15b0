import { formatClock, parseUtcTimestampMs } from '../../shared/clock-format';
import type { SessionDetails } from '../../shared/session-details-schema';
import { parseIsoDurationSec, type TimeMode } from '../../shared/wall-clock';

const STATUS_LABELS: Record<string, string> = {
  active: 'Active',
  closed: 'Closed',
  error: 'Ended with an error',
  timed_out: 'Timed out',
};

interface SessionSummaryProps {
  details: SessionDetails;
  timeMode: TimeMode;
  onTimeModeChange: (mode: TimeMode) => void;
}

export function SessionSummary({ details, timeMode, onTimeModeChange }: SessionSummaryProps) {
  const createdAtMs = parseUtcTimestampMs(details.created_at);
  const durationSec = parseIsoDurationSec(details.duration);
  return (
    <div className="session-summary">
      <dl className="session-facts">
          <div>
            <dt>Status</dt>
            <dd>
              <span className={`status-badge status-${details.status}`}>{STATUS_LABELS[details.status] ?? details.status.replace(/_/g, ' ')}</span>
            </dd>
          </div>
          {durationSec !== null && (
            <div>
              <dt>Duration</dt>
              <dd>{formatClock(durationSec)}</dd>
            </div>
          )}
          {createdAtMs !== null && (
            <div>
              <dt>Started</dt>
              <dd title={new Date(createdAtMs).toISOString()}>{new Date(createdAtMs).toLocaleString()}</dd>
            </div>
          )}
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
