import { describe, expect, it } from 'vitest';
import { readListenAddress } from './listen-address.mjs';

describe('readListenAddress (npm start and npm run start:edge alike)', () => {
  it('defaults to 127.0.0.1:8080, also for blank values', () => {
    expect(readListenAddress({})).toEqual({ host: '127.0.0.1', port: 8080, problems: [] });
    expect(readListenAddress({ HOST: ' ', PORT: '' })).toEqual({ host: '127.0.0.1', port: 8080, problems: [] });
  });

  it('reads addresses and host names, IPv6 with or without brackets', () => {
    for (const [host, read] of [
      ['0.0.0.0', '0.0.0.0'],
      ['::', '::'],
      ['::1', '::1'],
      ['[::1]', '::1'],
      ['fe80::1', 'fe80::1'],
      ['fe80::1%eth0', 'fe80::1%eth0'],
      ['[fe80::1%eth0]', 'fe80::1%eth0'],
      ['localhost', 'localhost'],
      ['viewer.internal', 'viewer.internal'],
      ['my_app-1', 'my_app-1'],
    ]) {
      expect(readListenAddress({ HOST: host, PORT: ' 3000 ' }), host).toEqual({ host: read, port: 3000, problems: [] });
    }
    expect(readListenAddress({ PORT: '0' }).port).toBe(0);
  });

  it('refuses a PORT that is not a whole number from 0 to 65535, naming it', () => {
    for (const port of ['abc', '80a', '-1', '1.5', '65536', '8080 8081']) {
      expect(readListenAddress({ PORT: port }).problems, port).toEqual([`PORT must be a whole number, 0 to 65535, not "${port}"`]);
    }
  });

  it('refuses a HOST that cannot be an address or a host name, naming it', () => {
    for (const host of ['http://localhost', 'localhost:8080', 'my host', '127.0.0.1/24', '[::1', 'a..b', '-dash.example', '::g']) {
      expect(readListenAddress({ HOST: host }).problems, host).toEqual([
        `HOST must be an IP address or a host name, such as 127.0.0.1, 0.0.0.0 or localhost, not "${host}"`,
      ]);
    }
  });

  it('names both when both are wrong', () => {
    expect(readListenAddress({ HOST: 'http://x', PORT: 'abc' }).problems).toHaveLength(2);
  });
});
