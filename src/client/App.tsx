import { Suspense, use, useEffect, useRef } from 'react';
import { routePageKey, routeTitle, type Route } from './routing/route';
import { focusMainWhenShown } from './routing/focus-main';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { useRoute } from './routing/use-route';
import { HomePage } from './views/HomePage';
import { ViewerLink } from './views/ViewerLink';
import { SvgIcon } from './ui/SvgIcon';
import { BRAND_MARK_ICON_PX, TOPBAR_ICON_PATHS } from '../shared/icon-paths';
import { ErrorAlert } from './ui/ErrorAlert';
import { ThemeToggle } from './ui/ThemeToggle';
import { OfflineBanner } from './ui/OfflineBanner';

import { loadViewerPage } from './views/viewer-page-module';

export function App() {
  const route = useRoute();
  const pageKey = routePageKey(route);
  const title = routeTitle(route);
  useEffect(() => {
    document.title = title;
  }, [title]);
  // Not on the first page: a page that just loaded keeps the browser's own start.
  const shownPageKey = useRef(pageKey);
  useEffect(() => {
    if (shownPageKey.current === pageKey) return;
    shownPageKey.current = pageKey;
    return focusMainWhenShown();
  }, [pageKey]);
  const embed = route.kind !== 'home' && route.embed;
  return (
    <div className={embed ? 'app app-embed' : 'app'}>
      {!embed && (
        <>
          <a className="skip-link" href="#main">
            Skip to content
          </a>
          <nav className="topbar" aria-label="Site">
            <ViewerLink href="/" className="brand">
              <span className="brand-mark" aria-hidden="true">
                <SvgIcon path={TOPBAR_ICON_PATHS.play} size={BRAND_MARK_ICON_PX} />
              </span>
              Notte Replay
            </ViewerLink>
            <ThemeToggle />
          </nav>
        </>
      )}
      <OfflineBanner />
      <ErrorBoundary key={route.kind === 'viewer' ? route.sessionId : route.kind}>
        {route.kind === 'home' && <HomePage />}
        {route.kind === 'viewer' && (
          <Suspense fallback={null}>
            <ViewerRoute route={route} />
          </Suspense>
        )}
        {route.kind === 'invalid-session' && (
          <main className="viewer" id="main">
            <ErrorAlert title="Invalid session ID">
              <p>
                That is not a valid session ID: IDs use only letters, digits, "-" and "_" (at most 128 characters).
              </p>
              {!route.embed && (
                <p>
                  <ViewerLink href="/">Enter another session ID</ViewerLink>
                </p>
              )}
            </ErrorAlert>
          </main>
        )}
        {route.kind === 'not-found' && (
          <main className="viewer" id="main">
            <ErrorAlert title="Page not found">
              <p>There is no page at this address.</p>
              {!route.embed && (
                <p>
                  <ViewerLink href="/">Go to the home page</ViewerLink>
                </p>
              )}
            </ErrorAlert>
          </main>
        )}
      </ErrorBoundary>
    </div>
  );
}

/** The viewer is its own chunk, which viewer pages modulepreload (see scripts/vite-player-chunk-plugin.ts). */
function ViewerRoute({ route }: { route: Extract<Route, { kind: 'viewer' }> }) {
  const { ViewerPage } = use(loadViewerPage());
  return <ViewerPage sessionId={route.sessionId} start={route.start} startPaused={route.startPaused} embed={route.embed} />;
}
