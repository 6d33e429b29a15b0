/**
 * `html` with `slot` replaced by what `late` resolves to, streamed: everything before the slot is
 * sent at once, so the browser parses the head (styles, scripts, preloads) and paints the shell
 * while the server still waits for the rest. Without the slot, `html` as it is.
 */
export function htmlWithLateSlot(html: string, slot: string, late: Promise<string>): ReadableStream<Uint8Array> | string {
  const at = html.indexOf(slot);
  if (at < 0) return html;
  const encoder = new TextEncoder();
  // The browser may leave (tab closed) before the rest is known: nothing is written after that.
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(html.slice(0, at)));
      void late
        .catch(() => '')
        .then((inserted) => {
          if (cancelled) return;
          try {
            controller.enqueue(encoder.encode(inserted + html.slice(at + slot.length)));
            controller.close();
          } catch {
            // Errored or closed by the runtime in the meantime: there is no reader left.
          }
        });
    },
    cancel() {
      cancelled = true;
    },
  });
}
