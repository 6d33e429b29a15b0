// @vitest-environment happy-dom
import { act, useRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Replay } from '../../shared/replay-schema';
import type { PlaybackSource } from './playback-source';
import { usePlaybackSource } from './use-playback-source';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// happy-dom has no MediaSource: an mp4-only replay plays its file, which is what these tests are about.
const mp4Replay = (sig: string): Replay => ({
  playlist_content: null,
  mp4_url: `https://storage.example/clip.mp4?sig=${sig}`,
  expires_at: null,
  video_start_ms: 0,
  video_duration_ms: 30_000,
});

interface Rendered {
  video: HTMLVideoElement;
  sources: PlaybackSource[];
  rerender: (replay: Replay) => Promise<void>;
}

let root: Root | null = null;

async function renderPlayer(replay: Replay, requestRenewal: () => Promise<Replay | null>): Promise<Rendered> {
  const sources: PlaybackSource[] = [];
  function Harness({ media }: { media: Replay }) {
    const videoRef = useRef<HTMLVideoElement>(null);
    const { source } = usePlaybackSource({ videoRef, replay: media, startVideoSec: 0, requestRenewal });
    sources.push(source);
    return <video ref={videoRef} />;
  }
  const container = document.createElement('div');
  document.body.append(container);
  const created = createRoot(container);
  root = created;
  await act(async () => created.render(<Harness media={replay} />));
  const video = container.querySelector('video');
  if (!video) throw new Error('no video rendered');
  return { video, sources, rerender: (media) => act(async () => created.render(<Harness media={media} />)) };
}

/** The file stops loading: what the browser does when storage refuses its link (an expired one). */
async function fileFails(video: HTMLVideoElement): Promise<void> {
  await act(async () => {
    video.dispatchEvent(new Event('error'));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

describe('usePlaybackSource: an mp4 whose link stops working', () => {
  it('resumes on links renewed ahead of time at once, without asking again', async () => {
    const requestRenewal = vi.fn(() => Promise.resolve(null));
    const player = await renderPlayer(mp4Replay('first'), requestRenewal);
    expect(player.video.getAttribute('src')).toBe(mp4Replay('first').mp4_url);
    // Renewed before expiry: the playing file keeps the link it started with.
    await player.rerender(mp4Replay('renewed'));
    expect(player.video.getAttribute('src')).toBe(mp4Replay('first').mp4_url);

    await fileFails(player.video);
    expect(player.video.getAttribute('src')).toBe(mp4Replay('renewed').mp4_url);
    expect(requestRenewal).not.toHaveBeenCalled();
    expect(player.sources.at(-1)?.kind).toBe('mp4');
  });

  it('resumes on the link a renewal brings', async () => {
    const requestRenewal = vi.fn(() => Promise.resolve(mp4Replay('fresh')));
    const player = await renderPlayer(mp4Replay('first'), requestRenewal);
    await fileFails(player.video);
    expect(requestRenewal).toHaveBeenCalledTimes(1);
    expect(player.video.getAttribute('src')).toBe(mp4Replay('fresh').mp4_url);
    expect(player.sources.at(-1)?.kind).toBe('mp4');
  });

  it('says the file failed, with Retry, when the renewal brings the same link (the proxy still held it)', async () => {
    const requestRenewal = vi.fn(() => Promise.resolve(mp4Replay('first')));
    const player = await renderPlayer(mp4Replay('first'), requestRenewal);
    await fileFails(player.video);
    expect(requestRenewal).toHaveBeenCalledTimes(1);
    expect(player.sources.at(-1)).toEqual({ kind: 'unplayable', reason: 'mp4-failed' });
  });

  it('does nothing with a renewal that settles after the player is gone', async () => {
    let settle: (replay: Replay) => void = () => undefined;
    const requestRenewal = vi.fn(() => new Promise<Replay | null>((resolve) => (settle = resolve)));
    const player = await renderPlayer(mp4Replay('first'), requestRenewal);
    await fileFails(player.video);
    expect(requestRenewal).toHaveBeenCalledTimes(1);
    act(() => root?.unmount());
    root = null;
    await act(async () => settle(mp4Replay('fresh')));
    expect(player.video.getAttribute('src'), 'no file loads into a video that left the page').toBeNull();
  });
});
