import { createHmac, timingSafeEqual } from 'node:crypto';

// chainAPI's request signature, shared by the mock's auth and by anything that needs to sign a
// request for it (tests, contract scenarios, docs).

/** The exact string ALTR signs: METHOD + "\n" + RESOURCE + "\n" + DATE + "\n". */
export function altrStringToSign(method: string, resource: string, date: string): string {
  return `${method.toUpperCase()}\n${resource}\n${date}\n`;
}

/** base64(HMAC-SHA256(secret, string to sign)). */
export function altrSignature(secret: string, method: string, resource: string, date: string): string {
  return createHmac('sha256', secret)
    .update(altrStringToSign(method, resource, date), 'utf8')
    .digest('base64');
}

/** The Authorization header value for a request. */
export function altrAuthorization(key: string, secret: string, method: string, resource: string, date: string): string {
  return `ALTR ${key}:${altrSignature(secret, method, resource, date)}`;
}

/** Constant-time check of a base64 signature; lengths are compared first, as timingSafeEqual requires. */
export function signatureMatches(secret: string, stringToSign: string, givenBase64: string): boolean {
  const expected = createHmac('sha256', secret).update(stringToSign, 'utf8').digest();
  const given = Buffer.from(givenBase64, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
