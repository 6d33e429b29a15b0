import { describe, expect, it } from 'vitest';
import { listeningLine } from './node-startup-lines';

describe('listeningLine', () => {
  it('names the address, and the upstream without its user name, password or query', () => {
    const config = { mode: 'notte' as const, apiUrl: 'https://user:s3cret@api.notte.cc/?token=t0ken' };
    const line = listeningLine({ address: '127.0.0.1', family: 'IPv4', port: 8080 }, config);
    expect(line).toBe('Replay viewer listening on http://127.0.0.1:8080 (Notte API at https://***@api.notte.cc/?***)');
  });

  it('brackets an IPv6 address, and says so in demo mode', () => {
    const line = listeningLine({ address: '::1', family: 'IPv6', port: 8080 }, { mode: 'demo', apiUrl: 'https://api.notte.cc' });
    expect(line).toBe('Replay viewer listening on http://[::1]:8080 (demo mode)');
  });
});
