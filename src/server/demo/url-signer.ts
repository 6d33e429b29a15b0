/** HMAC-SHA256 over a path and an expiry, like presigned storage URLs. WebCrypto only (Node and Workers). */
export interface UrlSigner {
  sign(path: string, expiresAtMs: number): Promise<string>;
  verify(path: string, expiresAtMs: number, signatureHex: string): Promise<boolean>;
}

export function createUrlSigner(secret: string | null): UrlSigner {
  // Created on first use: Workers forbid random values and async crypto at global scope.
  let keyPromise: Promise<CryptoKey> | null = null;
  const key = (): Promise<CryptoKey> => {
    keyPromise ??= crypto.subtle.importKey(
      'raw',
      secret !== null ? new TextEncoder().encode(secret) : crypto.getRandomValues(new Uint8Array(32)),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    return keyPromise;
  };

  const message = (path: string, expiresAtMs: number): Uint8Array<ArrayBuffer> =>
    new TextEncoder().encode(`${path}\n${expiresAtMs}`);

  return {
    async sign(path, expiresAtMs) {
      const signature = await crypto.subtle.sign('HMAC', await key(), message(path, expiresAtMs));
      return toHex(new Uint8Array(signature));
    },
    async verify(path, expiresAtMs, signatureHex) {
      const signature = fromHex(signatureHex);
      if (signature === null) return false;
      // subtle.verify compares in constant time.
      return crypto.subtle.verify('HMAC', await key(), signature, message(path, expiresAtMs));
    },
  };
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function fromHex(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[0-9a-f]{64}$/i.test(text)) return null;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
