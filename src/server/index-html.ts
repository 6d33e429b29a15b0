import { sessionPageTitle } from '../shared/page-titles';
import { BUILT_SCRIPT_PATH, HLS_CHUNKS_META } from '../shared/chunk-metas';
import { INLINE_DEMO_SAMPLES_ID, type DemoSamples } from '../shared/demo-samples-schema';
import { isValidSessionId } from '../shared/session-id';

/**
 * Shapes the HTML of a viewer page around its video. The replay is preloaded, so the request starts
 * while the HTML is parsed, in parallel with the scripts (`crossorigin="anonymous"` matches the
 * credentials mode of a plain same-origin fetch(), so the browser hands the preloaded answer to
 * boot.ts's request). hls.js (listed by the build, scripts/vite-player-chunk-plugin.ts) is
 * preloaded in the head when `hlsInHead`; otherwise the server writes `hlsPreloadLinks` into the
 * page later, once it knows the replay is a stream (src/server/shell-video.ts).
 * The app's own preloads are left out: boot.ts asks for them once the video has shown its first
 * frame, so that they do not compete with its first bytes.
 */
export function injectReplayPreload(html: string, sessionId: string, { hlsInHead }: { hlsInHead: boolean }): string {
  if (!isValidSessionId(sessionId)) return html;
  const withoutAppPreloads = html.replace(/[ \t]*<link rel="modulepreload" crossorigin href="[^"]*">\n?/g, '');
  const links =
    `<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/sessions/${sessionId}/replay">` + (hlsInHead ? hlsPreloadLinks(html) : '');
  const head = /<head(\s[^>]*)?>/i.exec(withoutAppPreloads);
  if (head === null) return html;
  const insertAt = head.index + head[0].length;
  return `${withoutAppPreloads.slice(0, insertAt)}${links}${withoutAppPreloads.slice(insertAt)}`;
}

/** The page's title names the session (a validated ID: safe in HTML as it is). */
export function injectSessionTitle(html: string, sessionId: string): string {
  if (!isValidSessionId(sessionId)) return html;
  return html.replace(/<title>[^<]*<\/title>/i, () => `<title>${sessionPageTitle(sessionId)}</title>`);
}

/** `<link rel="modulepreload">` for each hls.js chunk the build listed in `html`; only our own scripts. */
export function hlsPreloadLinks(html: string): string {
  return (new RegExp(`<meta name="${HLS_CHUNKS_META}" content="([^"]*)">`).exec(html)?.[1] ?? '')
    .split(' ')
    .filter((path) => BUILT_SCRIPT_PATH.test(path))
    .map((path) => `<link rel="modulepreload" crossorigin href="${path}">`)
    .join('');
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
