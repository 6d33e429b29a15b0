/** Always allowed for a loopback API: the forms its storage links usually take. */
const USUAL_LOOPBACK_SOURCES: readonly string[] = ['http://127.0.0.1:*', 'http://localhost:*'];

/**
 * CSP sources for media and connections when NOTTE_API_URL is a loopback http:// address (a local or
 * fake Notte and its storage): the usual loopback forms plus the URL's own host when it is another
 * 127.0.0.0/8 address. Empty for any other URL.
 */
export function loopbackMediaSources(apiUrl: string): string[] {
  const hostname = loopbackHttpHostname(apiUrl);
  if (hostname === null) return [];
  const sources = [...USUAL_LOOPBACK_SOURCES];
  const own = `http://${hostname}:*`;
  // CSP has no syntax for an IPv6 address (Chromium ignores `http://[::1]:*`): [::1] gets the usual forms only.
  if (!hostname.startsWith('[') && !sources.includes(own)) sources.push(own);
  return sources;
}

/** The URL's hostname (as the URL parser writes it) when it is http:// on a loopback address; null otherwise. */
function loopbackHttpHostname(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:') return null;
  // The parser has normalised IPv4 forms (`127.1`, `0x7f000001`) to dotted decimal and IPv6 to its short form.
  const { hostname } = parsed;
  const isLoopback = hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
  return isLoopback ? hostname : null;
}
