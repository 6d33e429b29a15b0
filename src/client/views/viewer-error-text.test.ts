import { describe, expect, it } from 'vitest';
import { ViewerError } from '../api/viewer-error';
import { describeRenewalProblem, describeStoppedWaiting, describeViewerError } from './viewer-error-text';

const error = (code: ViewerError['code'], replayStatus?: string) => new ViewerError({ code, message: code, retryable: false, replayStatus: replayStatus ?? null });

describe('describeViewerError', () => {
  it("tells a session without video from a failed recording, and a running session from processing (Notte's replay_status)", () => {
    expect(describeViewerError(error('replay_failed', 'unavailable'))).toMatch(/no video/);
    expect(describeViewerError(error('replay_failed', 'failed'))).toMatch(/recording of this session failed/);
    expect(describeViewerError(error('processing', 'waiting_for_session'))).toMatch(/still running/);
    expect(describeViewerError(error('processing', 'processing'))).toMatch(/still processing/);
  });
  it('blames neither Notte nor the viewer for a 429', () => {
    expect(describeViewerError(error('rate_limited'))).not.toMatch(/Notte|server/);
  });
});

describe('describeStoppedWaiting', () => {
  it('says that checking stopped and that Retry checks again, not that it will play by itself', () => {
    const sentence = describeStoppedWaiting(error('processing'), 5);
    expect(sentence).toMatch(/stopped checking after 5 minutes: Retry checks again/);
    expect(sentence).not.toMatch(/as soon as/);
  });
});

describe('describeRenewalProblem', () => {
  it('names what Notte said, not "could not be read", for answers that were read', () => {
    expect(describeRenewalProblem(error('replay_failed', 'unavailable'))).toMatch(/no video/);
    expect(describeRenewalProblem(error('replay_failed', 'failed'))).toMatch(/recording failed/);
    expect(describeRenewalProblem(error('not_found'))).toMatch(/no longer has this session/);
    expect(describeRenewalProblem(error('processing'))).not.toMatch(/could not be read/);
    expect(describeRenewalProblem(error('bad_upstream_response'))).toMatch(/could not be read/);
  });
});
