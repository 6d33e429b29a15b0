// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { focusMainWhenShown } from './focus-main';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function addMain(): HTMLElement {
  const main = document.createElement('main');
  main.id = 'main';
  document.body.append(main);
  return main;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('focusMainWhenShown', () => {
  it("focuses the new page's main content once it appears", async () => {
    const cancel = focusMainWhenShown();
    await settle();
    const main = addMain();
    await settle();
    expect(document.activeElement).toBe(main);
    expect(main.getAttribute('tabindex')).toBe('-1');
    cancel();
  });

  it('leaves focus where the user put it while the page was loading', async () => {
    const cancel = focusMainWhenShown();
    const toggle = document.createElement('button');
    document.body.append(toggle);
    toggle.focus();
    await settle();
    addMain();
    await settle();
    expect(document.activeElement).toBe(toggle);
    cancel();
  });
});
