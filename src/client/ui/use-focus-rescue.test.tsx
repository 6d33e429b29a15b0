// @vitest-environment happy-dom
import { act, useRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useFocusRescue } from './use-focus-rescue';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

function Notice({ fallback }: { fallback?: () => HTMLElement | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusRescue(ref, fallback);
  return (
    <div ref={ref}>
      <button type="button">Retry</button>
    </div>
  );
}

function Page({ showNotice, fallback }: { showNotice: boolean; fallback?: () => HTMLElement | null }) {
  return (
    <main id="main">
      {showNotice && <Notice fallback={fallback} />}
      <button type="button" className="play-button">
        Play
      </button>
    </main>
  );
}

async function render(showNotice: boolean, fallback?: () => HTMLElement | null): Promise<void> {
  if (!root) {
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  }
  const current = root;
  await act(async () => current.render(<Page showNotice={showNotice} fallback={fallback} />));
}

describe('useFocusRescue', () => {
  it('moves focus to <main> when the notice holding it goes away', async () => {
    await render(true);
    document.querySelector<HTMLButtonElement>('button')?.focus();
    expect(document.activeElement?.textContent).toBe('Retry');
    await render(false);
    expect(document.activeElement?.id).toBe('main');
    expect(document.getElementById('main')?.getAttribute('tabindex')).toBe('-1');
  });

  it('moves focus to the given target, or to <main> when that target is gone', async () => {
    await render(true, () => document.querySelector<HTMLElement>('.play-button'));
    document.querySelector<HTMLButtonElement>('button')?.focus();
    await render(false, () => document.querySelector<HTMLElement>('.play-button'));
    expect(document.activeElement?.textContent).toBe('Play');

    await render(true, () => null);
    document.querySelector<HTMLButtonElement>('button')?.focus();
    await render(false, () => null);
    expect(document.activeElement?.id).toBe('main');
  });

  it('leaves focus alone when the notice did not hold it', async () => {
    await render(true);
    document.querySelector<HTMLElement>('.play-button')?.focus();
    await render(false);
    expect(document.activeElement?.textContent).toBe('Play');
  });
});
