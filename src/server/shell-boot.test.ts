import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  entryScriptHtml,
  moveEntryToStage,
  SHELL_ENTRY_AFTER_FRAME_HANDLER,
  SHELL_ENTRY_CSP_SOURCES,
  SHELL_ENTRY_HANDLER,
  videoEntryAttributes,
} from './shell-boot';

const BUILT =
  '<head><meta charset="UTF-8" /><title>Notte Replay Viewer</title>\n' +
  '    <script type="module" async crossorigin fetchpriority="high" src="/assets/index-BFAGEsBl.js"></script>\n' +
  '    <link rel="stylesheet" crossorigin href="/assets/index-HLVBknuO.css">\n' +
  '</head><body><div id="root"></div></body>';

const cspHashOf = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe("the viewer shell's entry, run from its stage", () => {
  it('allows exactly its handlers by hash, and no other inline script', () => {
    expect(SHELL_ENTRY_CSP_SOURCES.split(' ')).toEqual(["'unsafe-hashes'", cspHashOf(SHELL_ENTRY_HANDLER), cspHashOf(SHELL_ENTRY_AFTER_FRAME_HANDLER)]);
  });

  it('takes the entry out of the head, and leaves the rest as it was', () => {
    const { html, entry } = moveEntryToStage(BUILT);
    expect(entry).toEqual({ kind: 'stage', path: '/assets/index-BFAGEsBl.js' });
    expect(html).not.toContain('index-BFAGEsBl.js');
    expect(html).toBe(BUILT.replace(/<script type="module".*?<\/script>/, ''));
  });

  it('leaves an entry that is not one of our built scripts in the head', () => {
    for (const foreign of [BUILT.replace('/assets/index-BFAGEsBl.js', 'https://evil.example/x.js'), '<head></head><body></body>']) {
      expect(moveEntryToStage(foreign)).toEqual({ html: foreign, entry: { kind: 'head' } });
    }
  });

  it('runs the entry from the video on its data, its failure or its wait, and from the stage as a module script', () => {
    const attributes = videoEntryAttributes('/assets/index-a1.js');
    expect(attributes).toBe(
      ' data-boot="/assets/index-a1.js" onloadeddata="this.requestVideoFrameCallback&&!document.hidden?this.requestVideoFrameCallback(()=>import(this.dataset.boot)):import(this.dataset.boot)" onerror="import(this.dataset.boot)" onanimationend="import(this.dataset.boot)"',
    );
    expect(entryScriptHtml('/assets/index-a1.js')).toBe('<script type="module" async crossorigin src="/assets/index-a1.js"></script>');
  });
});
