export type ByteRange = { start: number; end: number } | 'unsatisfiable' | null;

/**
 * One `bytes=` range (`a-b`, `a-`, `-n`) against a body of `size` bytes. Multiple ranges and
 * malformed headers give null: the whole body is sent, which is what RFC 9110 allows.
 */
export function parseByteRange(header: string | null, size: number): ByteRange {
  if (header === null) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null) return null;
  const [, startText = '', endText = ''] = match;
  if (startText === '' && endText === '') return null;
  if (startText === '') {
    const suffixLength = Number(endText);
    if (suffixLength === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffixLength), end: size - 1 };
  }
  const start = Number(startText);
  const end = endText === '' ? size - 1 : Math.min(Number(endText), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** Answers a Range request from a full-body response; headers of `full` are kept. */
export async function applyRangeRequest(full: Response, rangeHeader: string | null): Promise<Response> {
  const headers = new Headers(full.headers);
  headers.set('accept-ranges', 'bytes');
  if (rangeHeader === null || full.status !== 200) return new Response(full.body, { status: full.status, headers });
  const bytes = new Uint8Array(await full.arrayBuffer());
  const range = parseByteRange(rangeHeader, bytes.byteLength);
  if (range === null) {
    headers.set('content-length', String(bytes.byteLength));
    return new Response(bytes, { status: 200, headers });
  }
  if (range === 'unsatisfiable') {
    headers.set('content-range', `bytes */${bytes.byteLength}`);
    headers.delete('content-length');
    return new Response(null, { status: 416, headers });
  }
  const slice = bytes.subarray(range.start, range.end + 1);
  headers.set('content-range', `bytes ${range.start}-${range.end}/${bytes.byteLength}`);
  headers.set('content-length', String(slice.byteLength));
  return new Response(slice, { status: 206, headers });
}
