import { describe, expect, it } from 'vitest';
import { sessionDetailsSchema, toSessionDetails, upstreamSessionDetailsSchema } from './session-details-schema';

describe('session details schema', () => {
  it('keeps the known fields and well-formed steps only', () => {
    const upstream = upstreamSessionDetailsSchema.parse({
      created_at: '2026-03-01T11:00:00',
      status: 'closed',
      steps: [{ type: 'observation', value: { metadata: { url: 'https://a.test' } } }, { type: 3 }, null],
      other: true,
    });
    const details = toSessionDetails(upstream);
    expect(sessionDetailsSchema.parse(details)).toEqual({
      created_at: '2026-03-01T11:00:00',
      closed_at: null,
      status: 'closed',
      duration: null,
      steps: [{ type: 'observation', value: { metadata: { url: 'https://a.test' } } }],
    });
  });

  it('treats null steps as none and rejects a missing status', () => {
    expect(toSessionDetails(upstreamSessionDetailsSchema.parse({ created_at: 'x', status: 'active', steps: null })).steps).toEqual([]);
    expect(upstreamSessionDetailsSchema.safeParse({ created_at: 'x' }).success).toBe(false);
  });
});
