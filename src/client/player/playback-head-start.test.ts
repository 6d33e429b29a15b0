// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Replay } from '../../shared/replay-schema';
import type { ApiAnswer } from '../api/api-answer';
import { playerVideoFor, releaseHeadStart, startPlaybackHeadStart, takeHeadStart } from './playback-head-start';
import type { SourceEvents } from './playback-runner';

// happy-dom has no MediaSource: the head start plays the mp4, which is all these tests need.
const MP4_URL = 'https://storage.example/clip.mp4?sig=abc';
const replay: Replay = { playlist_content: null, mp4_url: MP4_URL, expires_at: null, video_start_ms: 2_000, video_duration_ms: 30_000 };
const mp4 = { kind: 'mp4', reason: 'only-mp4' } as const;
/** The proxy's answer as boot.ts reads it: not validated yet. */
const answered = (body: unknown, status = 200): Promise<ApiAnswer> => Promise.resolve({ ok: status < 300, status, body });

function recordingEvents(): SourceEvents & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    hlsFailed: () => calls.push('hlsFailed'),
    linksRejected: () => calls.push('linksRejected'),
    fileFailed: () => calls.push('fileFailed'),
    playing: () => calls.push('playing'),
  };
}

function shellStage(): HTMLElement {
  const stage = document.createElement('div');
  stage.innerHTML = '<div class="player-buffering"></div>';
  document.body.append(stage);
  return stage;
}

const settledReplay = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.restoreAllMocks();
  for (const video of document.querySelectorAll('video')) releaseHeadStart(video);
  document.body.innerHTML = '';
});

describe('the video head start of a shared link', () => {
  it("plays muted in the shell's stage, and the Player of that session gets that very element", async () => {
    const stage = shellStage();
    void startPlaybackHeadStart('s1', { kind: 'none' }, answered(replay), stage);
    const video = stage.querySelector('video');
    expect(video).not.toBeNull();
    expect(video?.autoplay).toBe(true);
    expect(video?.muted).toBe(true);
    expect(playerVideoFor('s1')).toBe(video);
    expect(playerVideoFor('another-session')).not.toBe(video);
    await settledReplay();
    expect(video?.getAttribute('src')).toBe(MP4_URL);
  });

  it('hands its running source over once, to a Player that wants the same replay, source and start', async () => {
    void startPlaybackHeadStart('s1', { kind: 'none' }, answered(replay), shellStage());
    const video = playerVideoFor('s1');
    await settledReplay();
    const wanted = { replay, source: mp4, startVideoSec: 0 };
    expect(takeHeadStart(video, wanted, recordingEvents())).not.toBeNull();
    expect(takeHeadStart(video, wanted, recordingEvents())).toBeNull();
    expect(video.getAttribute('src')).toBe(MP4_URL);
  });

  it('stops, never doubles, when the Player wants something else (here another start)', async () => {
    void startPlaybackHeadStart('s1', { kind: 'none' }, answered(replay), shellStage());
    const video = playerVideoFor('s1');
    await settledReplay();
    expect(takeHeadStart(video, { replay, source: mp4, startVideoSec: 12 }, recordingEvents())).toBeNull();
    expect(video.hasAttribute('src')).toBe(false);
  });

  it('starts where ?t= says, in video seconds (session time minus video_start_ms)', async () => {
    void startPlaybackHeadStart('s1', { kind: 'session-sec', sessionSec: 7 }, answered(replay), shellStage());
    const video = playerVideoFor('s1');
    await settledReplay();
    expect(takeHeadStart(video, { replay, source: mp4, startVideoSec: 7 - 2 }, recordingEvents())).not.toBeNull();
  });

  it('tells the new owner what failed before the handover, and lets the app start at once', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    const settled = startPlaybackHeadStart('s1', { kind: 'none' }, answered(replay), shellStage());
    const video = playerVideoFor('s1');
    await settledReplay();
    video.dispatchEvent(new Event('error'));
    await expect(settled).resolves.toBeUndefined();
    const events = recordingEvents();
    takeHeadStart(video, { replay, source: mp4, startVideoSec: 0 }, events);
    // Once each, in the order they first happened (happy-dom's autoplay reports `playing` first).
    expect(events.calls.filter((call) => call === 'fileFailed')).toHaveLength(1);
    expect(events.calls).not.toContain('hlsFailed');
  });

  it('settles without a video when the replay fails, and makes none for a timestamp start', async () => {
    const failing = startPlaybackHeadStart('s1', { kind: 'none' }, Promise.reject(new Error('offline')), shellStage());
    await expect(failing).resolves.toBeUndefined();
    const notFound = shellStage();
    const missing = { error: { code: 'not_found', message: 'no such session', retryable: false } };
    await expect(startPlaybackHeadStart('s3', { kind: 'none' }, answered(missing, 404), notFound)).resolves.toBeUndefined();
    expect(notFound.querySelector('video')?.hasAttribute('src')).toBe(false);
    const stage = shellStage();
    await expect(startPlaybackHeadStart('s2', { kind: 'timestamp', atMs: 0 }, answered(replay), stage)).resolves.toBeUndefined();
    expect(stage.querySelector('video')).toBeNull();
  });

  it('plays nothing from an answer whose media fields are not what the proxy sends (the app reports it)', async () => {
    for (const body of [undefined, 'text', { ...replay, mp4_url: 42 }, { ...replay, video_start_ms: 1.5 }, { ...replay, playlist_content: undefined }]) {
      const stage = shellStage();
      await expect(startPlaybackHeadStart('s1', { kind: 'none' }, answered(body), stage)).resolves.toBeUndefined();
      expect(stage.querySelector('video')?.hasAttribute('src')).toBe(false);
    }
  });

  it('hands over to the Player that validated the same answer (another object, the same media)', async () => {
    void startPlaybackHeadStart('s1', { kind: 'none' }, answered(JSON.parse(JSON.stringify(replay))), shellStage());
    const video = playerVideoFor('s1');
    await settledReplay();
    expect(takeHeadStart(video, { replay: { ...replay }, source: mp4, startVideoSec: 0 }, recordingEvents())).not.toBeNull();
  });

  it('does not hand over links the Player has since renewed: it stops and the Player starts afresh', async () => {
    void startPlaybackHeadStart('s1', { kind: 'none' }, answered(replay), shellStage());
    const video = playerVideoFor('s1');
    await settledReplay();
    const renewed = { ...replay, mp4_url: `${MP4_URL}&renewed=1` };
    expect(takeHeadStart(video, { replay: renewed, source: mp4, startVideoSec: 0 }, recordingEvents())).toBeNull();
    expect(video.hasAttribute('src')).toBe(false);
  });

  it("adopts the mp4 the server's HTML started, without loading it again, and stops it when the answer plays nothing", async () => {
    const stage = shellStage();
    stage.insertAdjacentHTML('afterbegin', `<video class="player-video" data-shell-video="" autoplay muted src="${MP4_URL}"></video>`);
    const served = stage.querySelector('video');
    const srcWrites = vi.spyOn(HTMLMediaElement.prototype, 'src', 'set');
    void startPlaybackHeadStart('s1', { kind: 'none' }, answered(replay), stage);
    await settledReplay();
    expect(stage.querySelectorAll('video')).toHaveLength(1);
    expect(playerVideoFor('s1')).toBe(served);
    expect(served?.getAttribute('src')).toBe(MP4_URL);
    expect(srcWrites).not.toHaveBeenCalled();
    expect(takeHeadStart(playerVideoFor('s1'), { replay, source: mp4, startVideoSec: 0 }, recordingEvents())).not.toBeNull();

    const failed = shellStage();
    failed.insertAdjacentHTML('afterbegin', `<video data-shell-video="" autoplay muted src="${MP4_URL}"></video>`);
    await startPlaybackHeadStart('s2', { kind: 'none' }, answered({ error: { code: 'not_found' } }, 404), failed);
    expect(failed.querySelector('video')?.hasAttribute('src')).toBe(false);
  });
});
