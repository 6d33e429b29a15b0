/**
 * Shifts every timestamp (PCR, PTS, DTS) of an MPEG-TS buffer by a fixed offset. The fake storage
 * uses it to serve a 2-hour HLS stream with proper, increasing timestamps from one committed 2 s
 * segment (`long/seg_000.ts`), so no `#EXT-X-DISCONTINUITY` is needed between the segments.
 */
const PACKET_SIZE = 188;
const SYNC_BYTE = 0x47;
const TS_CLOCK_HZ = 90_000;
const WRAP_33_BITS = 2 ** 33;

export function shiftMpegTsTimestamps(input: Buffer, offsetSec: number): Buffer {
  const out = Buffer.from(input);
  const offsetTicks = Math.round(offsetSec * TS_CLOCK_HZ);
  if (offsetTicks === 0) return out;
  for (let pos = 0; pos + PACKET_SIZE <= out.length; pos += PACKET_SIZE) {
    if (out[pos] !== SYNC_BYTE) continue;
    const payloadUnitStart = (byteAt(out, pos + 1) & 0x40) !== 0;
    const adaptationControl = (byteAt(out, pos + 3) >> 4) & 0x03;
    let payloadStart = pos + 4;
    if (adaptationControl === 2 || adaptationControl === 3) {
      const adaptationLength = byteAt(out, pos + 4);
      if (adaptationLength > 0) {
        const flags = byteAt(out, pos + 5);
        if ((flags & 0x10) !== 0 && adaptationLength >= 7) shiftPcr(out, pos + 6, offsetTicks);
      }
      payloadStart = pos + 5 + adaptationLength;
    }
    if (!payloadUnitStart || adaptationControl === 2) continue;
    if (payloadStart + 14 > pos + PACKET_SIZE) continue;
    // PES start code 00 00 01 and a stream id that carries the optional PES header.
    if (out[payloadStart] !== 0 || out[payloadStart + 1] !== 0 || out[payloadStart + 2] !== 1) continue;
    const streamId = byteAt(out, payloadStart + 3);
    if (streamId < 0xbd || streamId === 0xbe || streamId === 0xbf) continue;
    const ptsDtsFlags = (byteAt(out, payloadStart + 7) >> 6) & 0x03;
    if (ptsDtsFlags & 0x02) shiftPesTimestamp(out, payloadStart + 9, offsetTicks);
    if (ptsDtsFlags === 0x03) shiftPesTimestamp(out, payloadStart + 14, offsetTicks);
  }
  return out;
}

function byteAt(buffer: Buffer, index: number): number {
  return buffer[index] ?? 0;
}

function shiftPesTimestamp(buffer: Buffer, at: number, offsetTicks: number): void {
  const b0 = byteAt(buffer, at);
  const value =
    ((b0 >> 1) & 0x07) * 2 ** 30 +
    byteAt(buffer, at + 1) * 2 ** 22 +
    ((byteAt(buffer, at + 2) >> 1) & 0x7f) * 2 ** 15 +
    byteAt(buffer, at + 3) * 2 ** 7 +
    ((byteAt(buffer, at + 4) >> 1) & 0x7f);
  const shifted = (value + offsetTicks) % WRAP_33_BITS;
  const prefix = b0 & 0xf0;
  buffer[at] = prefix | ((Math.floor(shifted / 2 ** 30) & 0x07) << 1) | 1;
  buffer[at + 1] = Math.floor(shifted / 2 ** 22) & 0xff;
  buffer[at + 2] = ((Math.floor(shifted / 2 ** 15) & 0x7f) << 1) | 1;
  buffer[at + 3] = Math.floor(shifted / 2 ** 7) & 0xff;
  buffer[at + 4] = ((shifted & 0x7f) << 1) | 1;
}

function shiftPcr(buffer: Buffer, at: number, offsetTicks: number): void {
  const base =
    byteAt(buffer, at) * 2 ** 25 +
    byteAt(buffer, at + 1) * 2 ** 17 +
    byteAt(buffer, at + 2) * 2 ** 9 +
    byteAt(buffer, at + 3) * 2 ** 1 +
    (byteAt(buffer, at + 4) >> 7);
  const shifted = (base + offsetTicks) % WRAP_33_BITS;
  buffer[at] = Math.floor(shifted / 2 ** 25) & 0xff;
  buffer[at + 1] = Math.floor(shifted / 2 ** 17) & 0xff;
  buffer[at + 2] = Math.floor(shifted / 2 ** 9) & 0xff;
  buffer[at + 3] = Math.floor(shifted / 2) & 0xff;
  buffer[at + 4] = ((shifted & 0x01) << 7) | (byteAt(buffer, at + 4) & 0x7f);
}
