import { describe, expect, it } from 'vitest';
import { serverClockOffsetMs } from './server-clock-offset';

describe('serverClockOffsetMs', () => {
  const serverMs = Date.UTC(2026, 11, 6, 12, 0, 0);
  const header = new Date(serverMs).toUTCString();

  it('is 0 when the clocks agree within the header\'s second and the network', () => {
    expect(serverClockOffsetMs(header, serverMs + 900)).toBe(0);
    expect(serverClockOffsetMs(header, serverMs - 1_500)).toBe(0);
  });
  it('measures a browser clock that is an hour ahead, or two minutes behind', () => {
    expect(serverClockOffsetMs(header, serverMs + 3_600_000)).toBe(-3_600_000 + 500);
    expect(serverClockOffsetMs(header, serverMs - 120_000)).toBe(120_000 + 500);
  });
  it('knows nothing without a readable header', () => {
    expect(serverClockOffsetMs(null, serverMs)).toBeNull();
    expect(serverClockOffsetMs('yesterday', serverMs)).toBeNull();
  });
});
