import type { ViewerError } from '../api/viewer-error';

// The sentences live with the views (their chunk), not with ViewerError (in the entry's bundle).

/** A plain sentence for each failure, naming the problem the way a user would. */
export function describeViewerError(error: ViewerError): string {
  switch (error.code) {
    case 'invalid_id':
      return 'That is not a valid session ID: IDs use only letters, digits, "-" and "_" (at most 128 characters).';
    case 'not_found':
      return 'Session not found. Check the ID; Notte keeps recordings for 24 hours.';
    case 'processing':
      return error.replayStatus === 'waiting_for_session'
        ? 'The session is still running: its replay will be ready once it closes. It will play here as soon as it is.'
        : 'The replay is still processing and not ready yet. It will play here as soon as it is.';
    case 'replay_failed':
      return error.replayStatus === 'unavailable'
        ? 'This session has no video: nothing was recorded for it.'
        : 'The recording of this session failed: there is no replay to show.';
    case 'rate_limited':
      // Either Notte or the viewer's own server said 429: the sentence blames neither.
      return 'Too many requests right now. The viewer tries again by itself.';
    case 'upstream_auth':
      return "The viewer's server is not authorised with Notte: check NOTTE_API_KEY.";
    case 'upstream_error':
      return 'Notte had a problem answering (server error). Try again in a moment.';
    case 'upstream_unreachable':
      return 'The viewer could not reach Notte. Try again in a moment.';
    case 'upstream_timeout':
      return 'Notte did not answer in time (timed out). Try again.';
    case 'bad_upstream_response':
      return 'Unexpected response from Notte: the replay could not be read.';
    case 'network':
      return typeof navigator !== 'undefined' && navigator.onLine === false
        ? 'You are offline. The replay will load when the connection is back.'
        : "Could not reach the viewer's server. Check your connection and try again.";
    case 'bad_proxy_response':
      return "Unexpected response from the viewer's server.";
    case 'no_video':
      return 'This session has no video: nothing was recorded for it.';
    case 'route_not_found':
    case 'method_not_allowed':
      return "The viewer's server did not recognise the request.";
    case 'internal_error':
      return "The viewer's server ran into a problem. Try again.";
  }
}

/** Why renewing the links of a replay that is already playing failed, as a clause ("…: <reason>."). */
export function describeRenewalProblem(error: ViewerError): string {
  switch (error.code) {
    case 'not_found':
      return 'Notte no longer has this session (recordings are kept for 24 hours)';
    case 'upstream_auth':
      return "the viewer's server is not authorised with Notte (check NOTTE_API_KEY)";
    case 'rate_limited':
      return 'too many requests right now';
    case 'upstream_timeout':
      return 'Notte did not answer in time';
    case 'upstream_unreachable':
      return 'Notte could not be reached';
    case 'upstream_error':
      return 'Notte had a server error';
    case 'network':
      return typeof navigator !== 'undefined' && navigator.onLine === false
        ? 'you are offline'
        : "the viewer's server could not be reached";
    case 'replay_failed':
      return error.replayStatus === 'unavailable' ? 'Notte now says this session has no video' : 'Notte now says the recording failed';
    case 'processing':
      return 'Notte says the replay is being processed again';
    case 'no_video':
      return 'Notte now gives no video for this session';
    case 'internal_error':
      return "the viewer's server ran into a problem";
    case 'invalid_id':
    case 'route_not_found':
    case 'method_not_allowed':
      return "the viewer's server did not recognise the request";
    case 'bad_upstream_response':
    case 'bad_proxy_response':
      return 'the answer could not be read';
  }
}

/** A replay still not ready when the viewer stopped polling: unlike while polling, nothing happens by itself now. */
export function describeStoppedWaiting(error: ViewerError, waitedMinutes: number): string {
  const state =
    error.replayStatus === 'waiting_for_session'
      ? 'The session is still running: its replay will be ready once it closes.'
      : 'The replay is still processing and not ready yet.';
  return `${state} The viewer stopped checking after ${waitedMinutes} minutes: Retry checks again.`;
}
