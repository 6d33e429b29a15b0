import { useQuery } from '@tanstack/react-query';
import { formatClock } from '../../shared/clock-format';
import { demoSessionsQueryOptions } from '../api/demo-sessions-query';
import { viewerPath } from '../routing/route';
import { SessionIdForm } from './SessionIdForm';
import { ViewerLink } from './ViewerLink';

export function HomePage() {
  const demo = useQuery(demoSessionsQueryOptions());
  const samples = demo.data?.samples ?? [];
  return (
    <main className="home" id="main">
      <h1>Watch a Notte session replay</h1>
      <p className="lede">
        Paste the ID of a Notte cloud-browser or agent session to watch what the browser did, scrub through it in
        session time, and share a link that opens at the same moment.
      </p>
      <SessionIdForm />
      {samples.length > 0 && (
        <section className="samples" aria-labelledby="samples-heading">
          <h2 id="samples-heading">Sample sessions</h2>
          <p className="hint">This viewer runs in demo mode (no NOTTE_API_KEY is set): try one of these.</p>
          <ul>
            {samples.map((sample) => (
              <li key={sample.id}>
                <ViewerLink href={viewerPath(sample.id)} className="sample-card">
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
    </main>
  );
}
