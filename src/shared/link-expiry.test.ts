import { describe, expect, it } from 'vitest';
import { describeLinkExpiry, linkExpiry, MIN_RENEW_DELAY_MS, renewDelayMs } from './link-expiry';

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);

describe('linkExpiry', () => {
  it('counts down in whole seconds', () => {
    const expiry = linkExpiry(NOW + 59 * 60_000 + 12_000, NOW);
    expect(expiry).toEqual({ kind: 'active', remainingSec: 3552, warning: false });
    expect(describeLinkExpiry(expiry)).toBe('Links expire in 59:12');
  });
  it('warns in the last five minutes', () => {
    expect(linkExpiry(NOW + 300_000, NOW)).toMatchObject({ warning: true });
    expect(linkExpiry(NOW + 301_000, NOW)).toMatchObject({ warning: false });
  });
  it('uses hours when long', () => {
    expect(describeLinkExpiry(linkExpiry(NOW + 2 * 3600_000 + 5_000, NOW))).toBe('Links expire in 2:00:05');
  });
  it('says when links have expired', () => {
    expect(linkExpiry(NOW - 1, NOW)).toEqual({ kind: 'expired' });
    expect(linkExpiry(NOW, NOW)).toEqual({ kind: 'expired' });
    expect(describeLinkExpiry({ kind: 'expired' })).toBe('Links expired');
  });
  it('is unknown without an expiry', () => {
    expect(linkExpiry(null, NOW)).toEqual({ kind: 'unknown' });
  });
});

describe('renewDelayMs', () => {
  it('renews at a fraction of the remaining lifetime', () => {
    expect(renewDelayMs(NOW + 3600_000, NOW)).toBe(0.6 * 3600_000);
  });
  it('never renews in a tight loop, however short-lived the links', () => {
    expect(renewDelayMs(NOW + 1_000, NOW)).toBe(MIN_RENEW_DELAY_MS);
    expect(renewDelayMs(NOW - 60_000, NOW)).toBe(MIN_RENEW_DELAY_MS);
  });
  it('does not renew links without an expiry', () => {
    expect(renewDelayMs(null, NOW)).toBeNull();
  });
});
