import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOrExplain } from './node-listen';
import { listenFailureLine } from './node-startup-lines';

const answer = (): Response => new Response('ok');
const opened: Array<{ close(): unknown }> = [];

afterEach(() => {
  for (const server of opened.splice(0)) server.close();
});

async function occupiedPort(): Promise<number> {
  const holder: Server = createServer();
  opened.push(holder);
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const address = holder.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** What listenOrExplain reports: the sentence on a failure, 'listening' otherwise. */
function outcomeOf(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const server = listenOrExplain({ fetch: answer, host, port, onListening: () => resolve('listening'), onListenFailure: resolve });
    opened.push(server);
  });
}

describe('listenOrExplain', () => {
  it('explains a port in use in one sentence instead of crashing on an unhandled error event', async () => {
    const port = await occupiedPort();
    expect(await outcomeOf('127.0.0.1', port)).toBe(
      `Cannot listen on http://127.0.0.1:${port}: the port is already in use (by another server, or another copy of this one); stop that server or choose another PORT.`,
    );
  });

  it('explains a HOST that is not an address of this machine', async () => {
    // 192.0.2.1 (TEST-NET-1) is never assigned to a machine.
    expect(await outcomeOf('192.0.2.1', 0)).toMatch(/^Cannot listen on http:\/\/192\.0\.2\.1:0: 192\.0\.2\.1 is not an address of this machine; set HOST/);
  });

  it('listens as before when it can', async () => {
    expect(await outcomeOf('127.0.0.1', 0)).toBe('listening');
  });
});

describe('listenFailureLine', () => {
  const failure = (code: string, message = code): Error => Object.assign(new Error(message), { code });

  it('names the address and what to change for each usual cause', () => {
    expect(listenFailureLine(failure('ENOTFOUND'), { host: 'no-such-host.invalid', port: 8080 })).toBe(
      'Cannot listen on http://no-such-host.invalid:8080: the host name "no-such-host.invalid" could not be resolved to an address; set HOST to an IP address, such as 127.0.0.1 or 0.0.0.0, or to a name this machine resolves.',
    );
    expect(listenFailureLine(failure('EAI_AGAIN'), { host: 'viewer.internal', port: 8080 })).toContain('could not be resolved');
    expect(listenFailureLine(failure('EACCES'), { host: '0.0.0.0', port: 80 })).toContain('choose another PORT, such as 8080');
    expect(listenFailureLine(failure('EADDRINUSE'), { host: '::1', port: 8080 })).toMatch(/^Cannot listen on http:\/\/\[::1\]:8080: /);
  });

  it('says what Node said for anything else', () => {
    expect(listenFailureLine(failure('EMFILE', 'too many open files'), { host: '127.0.0.1', port: 8080 })).toBe(
      'Cannot listen on http://127.0.0.1:8080: too many open files; check HOST and PORT.',
    );
  });
});
