import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatClock } from '../../shared/clock-format';
import { demoSessionsQueryOptions } from '../api/demo-sessions-query';
import { viewerPath } from '../routing/route';
import { RecentSessions } from './RecentSessions';
import { SessionIdForm } from './SessionIdForm';
import { ViewerLink } from './ViewerLink';

export function HomePage() {
  const demo = useQuery(demoSessionsQueryOptions());
  const samples = demo.data?.samples ?? [];
  const [nowMs] = useState(() => Date.now());
  return (
    <main className="home" id="main">
      <h1>Watch a Notte session replay</h1>
      <p className="lede">
        Paste the ID of a Notte cloud-browser or agent session to watch what the browser did, follow the agent's steps on
        the timeline, and share a link that opens at the same moment.
      </p>
      <SessionIdForm />
      <RecentSessions nowMs={nowMs} />
      {samples.length > 0 && (
        <section className="samples" aria-labelledby="samples-heading">
          <h2 id="samples-heading">Sample sessions</h2>
          <p className="hint">This viewer runs in demo mode (no NOTTE_API_KEY is set): try one of these.</p>
          <ul>
            {samples.map((sample) => (
              <li key={sample.id}>
                <ViewerLink href={viewerPath(sample.id)} className="sample-card">
                  {sample.thumbnailPath && (
                    <img className="sample-thumb" src={sample.thumbnailPath} alt="" width={320} height={180} loading="lazy" />
                  )}
                  <span className="sample-title">{sample.title}</span>
                  <span className="sample-description">{sample.description}</span>
                  <span className="sample-meta">
                    <code>{sample.id}</code>
                    {sample.durationMs != null && <span> · {formatClock(sample.durationMs / 1000)}</span>}
                  </span>
                </ViewerLink>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="about" aria-labelledby="about-heading">
        <h2 id="about-heading">How it works</h2>
        <ul>
          <li>The viewer's server holds the Notte API key and asks Notte for the replay; your browser never sees the key.</li>
          <li>Video streams straight from Notte's storage through short-lived links, which the viewer renews while you watch.</li>
          <li>
            Times are <em>session time</em>: 0:00 is when the session started, so the agent's steps line up with the picture.
          </li>
          <li>
            Press <kbd>?</kbd> in the viewer for keyboard shortcuts.
          </li>
        </ul>
      </section>
    </main>
  );
}
