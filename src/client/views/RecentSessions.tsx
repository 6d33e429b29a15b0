import { useLayoutEffect, useRef, useState } from 'react';
import { formatLocalDateTime } from '../../shared/clock-format';
import { viewerPath } from '../routing/route';
import { describeAgo, readRecentSessions, writeRecentSessions, type RecentSession } from '../ui/recent-sessions';
import { ViewerLink } from './ViewerLink';

export function RecentSessions({ nowMs }: { nowMs: number }) {
  const [list, setList] = useState<RecentSession[]>(readRecentSessions);
  const listRef = useRef<HTMLUListElement>(null);
  // The button just used is gone with its row: focus moves to the row now in its place (or the one
  // before), and to the session ID field when the list is gone.
  const [focusRow, setFocusRow] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (focusRow === null) return;
    setFocusRow(null);
    const rows = listRef.current?.querySelectorAll<HTMLButtonElement>('li button') ?? [];
    const target = rows[Math.min(focusRow, rows.length - 1)] ?? document.querySelector<HTMLInputElement>('main input');
    target?.focus();
  }, [focusRow]);
  const update = (next: RecentSession[], focusAt: number) => {
    writeRecentSessions(next);
    setList(next);
    setFocusRow(focusAt);
  };
  if (list.length === 0) return null;
  return (
    <section className="recent" aria-labelledby="recent-heading">
      <div className="recent-heading-row">
        <h2 id="recent-heading">Recent sessions</h2>
        <button type="button" className="link-button" onClick={() => update([], 0)}>
          Clear
        </button>
      </div>
      <ul aria-label="Recent sessions" ref={listRef}>
        {list.map((item, index) => (
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
              onClick={() => update(list.filter((other) => other.sessionId !== item.sessionId), index)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
