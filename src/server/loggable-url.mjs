// Plain JavaScript so that scripts/start-edge.mjs (run by Node as it is) shares it with the server;
// types in loggable-url.d.mts.

/**
 * A URL as it may appear in a log line or an error message: a user name and password become `***`,
 * and so do a query and a fragment (where tokens go). Text that is not a valid URL is treated the
 * same way, since it is often a near-miss of one.
 * @param {string} text
 * @returns {string}
 */
export function loggableUrl(text) {
  const schemeLength = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text)?.[0].length ?? 0;
  const queryStart = text.search(/[?#]/);
  const withoutQuery = queryStart === -1 ? text : text.slice(0, queryStart);
  const rest = withoutQuery.slice(schemeLength);
  // The last `@`: a password may hold an unencoded `@` or `/`; hiding a path's `@` too is the safe side.
  const userinfoEnd = rest.lastIndexOf('@');
  const shownRest = userinfoEnd === -1 ? rest : `***${rest.slice(userinfoEnd)}`;
  const shownQuery = queryStart === -1 ? '' : `${text.charAt(queryStart)}***`;
  return `${text.slice(0, schemeLength)}${shownRest}${shownQuery}`;
}

/**
 * `text` (an error message, say) with every URL in it made loggable.
 * @param {string} text
 * @returns {string}
 */
export function withLoggableUrls(text) {
  return text.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, (url) => loggableUrl(url));
}
