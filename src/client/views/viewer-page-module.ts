import type { ReactPromise } from 'react';

type ViewerPageModule = typeof import('./ViewerPage');

let viewerPage: ReactPromise<ViewerPageModule> | null = null;

/**
 * The viewer page's chunk, loaded once, as a promise that says when it has settled: React's `use`
 * reads a fulfilled one without suspending. A shared link awaits it before the first render,
 * because a lazy component commits a fallback first and React holds back the reveal of a Suspense
 * boundary (~300 ms), which delays the video by as much.
 */
export function loadViewerPage(): ReactPromise<ViewerPageModule> {
  if (viewerPage) return viewerPage;
  const promise = import('./ViewerPage');
  viewerPage = Object.assign(promise, { status: 'pending' as const });
  promise.then(
    (value) => {
      viewerPage = Object.assign(promise, { status: 'fulfilled' as const, value });
    },
    (reason: unknown) => {
      viewerPage = Object.assign(promise, { status: 'rejected' as const, reason });
    },
  );
  return viewerPage;
}
