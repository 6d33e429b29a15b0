import { useState } from 'react';
import { formatLocalDateTime } from '../../shared/clock-format';
import { viewerPath } from '../routing/route';
import { describeAgo, readRecentSessions, writeRecentSessions, type RecentSession } from '../ui/recent-sessions';
import { ViewerLink } from './ViewerLink';

export function RecentSessions({ nowMs }: { nowMs: number }) {
  const [list, setList] = useState<RecentSession[]>(readRecentSessions);
  const update = (next: RecentSession[]) => {
    writeRecentSessions(next);
    setList(next);
  };
  if (list.length === 0) return null;
  return (
    <section className="recent" aria-labelledby="recent-heading">
      <div className="recent-heading-row">
        <h2 id="recent-heading">Recent sessions</h2>
        <button type="button" className="link-button" onClick={() => update([])}>
          Clear
        </button>
      </div>
      <ul aria-label="Recent sessions">
        {list.map((item) => (
          <li key={item.sessionId}>
            <ViewerLink href={viewerPath(item.sessionId)}>
              <code>{item.sessionId}</code>
            </ViewerLink>
            <span className="recent-when" title={formatLocalDateTime(item.openedAtMs)}>
              {describeAgo(item.openedAtMs, nowMs)}
            </span>
            <button
              type="button"
              className="link-button"
              aria-label={`Remove ${item.sessionId} from recent sessions`}
              onClick={() => update(list.filter((other) => other.sessionId !== item.sessionId))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
