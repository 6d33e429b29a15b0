import { INLINE_DEMO_SAMPLES_ID, type DemoSamples } from '../shared/demo-samples-schema';
import { isValidSessionId } from '../shared/session-id';

/**
 * Adds a preload of the session's replay so the request starts while the HTML is parsed, in
 * parallel with the scripts. `crossorigin="anonymous"` matches the credentials mode of a plain
 * same-origin fetch(), so the browser can hand the preloaded answer to the app's request.
 */
export function injectReplayPreload(html: string, sessionId: string): string {
  if (!isValidSessionId(sessionId)) return html;
  // The build lists the viewer's chunks (scripts/vite-player-chunk-plugin.ts): fetched alongside the replay.
  const chunks = (/<meta name="replay-viewer-chunks" content="([^"]*)">/.exec(html)?.[1] ?? '')
    .split(' ')
    .filter((path) => /^\/assets\/[\w.-]+\.js$/.test(path));
  // On a viewer page the video comes first: hls.js is on its path, the app's chunks (the template's
  // preloads and the viewer page's) are needed only after its first frame.
  const appLow = html.replace(/<link rel="modulepreload" crossorigin href=/g, '<link rel="modulepreload" crossorigin fetchpriority="low" href=');
  const link =
    `<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/sessions/${sessionId}/replay">` +
    chunks
      .filter((path) => !html.includes(`href="${path}"`))
      .map((path) => `<link rel="modulepreload"${/\/hls[\w.-]*\.js$/.test(path) ? '' : ' fetchpriority="low"'} href="${path}">`)
      .join('');
  const head = /<head(\s[^>]*)?>/i.exec(appLow);
  if (head === null) return html;
  const insertAt = head.index + head[0].length;
  return `${appLow.slice(0, insertAt)}${link}${appLow.slice(insertAt)}`;
}

/** `/sessions/{id}` or `/sessions/{id}/`: the raw (still encoded) id, or null for other paths. */
export function sessionIdFromPagePath(pathname: string): string | null {
  const match = /^\/sessions\/([^/]+)\/?$/.exec(pathname);
  return match?.[1] ?? null;
}

/**
 * Inlines the demo samples in the home page as inert JSON, so the page shows them in its first
 * render instead of pushing the content below them down when a request answers.
 */
export function injectDemoSamples(html: string, samples: DemoSamples): string {
  // `<` escaped: the JSON cannot close the script element, whatever a title says.
  const json = JSON.stringify(samples).replace(/</g, '\\u003c');
  const script = `<script type="application/json" id="${INLINE_DEMO_SAMPLES_ID}">${json}</script>`;
  return html.includes('</head>') ? html.replace('</head>', `${script}</head>`) : html;
}
