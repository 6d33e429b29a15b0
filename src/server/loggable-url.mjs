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
  const rest = text.slice(schemeLength);
  // A password may hold an unencoded `@`, `/` or `?`: the user info ends at the last `@` that has not
  // both a path and a query before it (such an `@` is in the query). Hiding too much is the safe side.
  let at = rest.lastIndexOf('@');
  while (at !== -1 && /[?#]/.test(rest.slice(0, at)) && rest.slice(0, at).includes('/')) at = rest.lastIndexOf('@', at - 1);
  const hasUserinfo = at !== -1;
  const hostAndMore = hasUserinfo ? rest.slice(at) : rest;
  const queryStart = hostAndMore.search(/[?#]/);
  const shownHost = queryStart === -1 ? hostAndMore : `${hostAndMore.slice(0, queryStart)}${hostAndMore.charAt(queryStart)}***`;
  return `${text.slice(0, schemeLength)}${hasUserinfo ? '***' : ''}${shownHost}`;
}

/**
 * `text` (an error message, say) with every URL in it made loggable.
 * @param {string} text
 * @returns {string}
 */
export function withLoggableUrls(text) {
  return text.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, (url) => loggableUrl(url));
}
