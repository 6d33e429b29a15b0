/**
 * `html` with `slot` replaced by the pieces `late` yields, streamed: everything before the slot is
 * sent at once, so the browser parses the head (styles, scripts, preloads) and paints the shell
 * while the server still waits for the rest; each piece goes out as soon as it is known. Without the
 * slot, `html` as it is.
 */
export function htmlWithLateSlot(html: string, slot: string, late: AsyncIterable<string>): ReadableStream<Uint8Array> | string {
  const at = html.indexOf(slot);
  if (at < 0) return html;
  const encoder = new TextEncoder();
  // The browser may leave (tab closed) before the rest is known: nothing is written after that.
  let cancelled = false;
  const write = (controller: ReadableStreamDefaultController<Uint8Array>, text: string): boolean => {
    if (cancelled) return false;
    try {
      controller.enqueue(encoder.encode(text));
      return true;
    } catch {
      // Errored or closed by the runtime in the meantime: there is no reader left.
      return false;
    }
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      write(controller, html.slice(0, at));
      void (async () => {
        try {
          for await (const piece of late) {
            if (!write(controller, piece)) return;
          }
        } catch {
          // The page goes on without the rest of the pieces.
        }
        if (!write(controller, html.slice(at + slot.length))) return;
        try {
          controller.close();
        } catch {
          // As above.
        }
      })();
    },
    cancel() {
      cancelled = true;
    },
  });
}
