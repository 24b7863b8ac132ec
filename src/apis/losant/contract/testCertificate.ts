import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';

// Real X.509 certificates for the Losant scenarios, with their certificateInfo known in advance.

export interface CertificateInfo {
  serialNumber: string;
  fingerprint: string;
  commonName: string;
  issuerName: string;
  notValidBefore: string;
  notValidAfter: string;
}

// node:crypto cannot issue X.509 certificates, so this builds them: a minimal DER encoder for a v3
// TBSCertificate signed with ECDSA P-256 / SHA-256 by a throwaway CA key. Each certificate gets its
// own common name, so a run never collides with certificates already in a live application, and
// its certificateInfo is known independently of the implementation under test.

function der(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const n = body.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...length]), body]);
}

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * a + b];
  for (const arc of rest) {
    const base128 = [arc & 0x7f];
    for (let v = arc >> 7; v > 0; v >>= 7) base128.unshift((v & 0x7f) | 0x80);
    bytes.push(...base128);
  }
  return der(0x06, Buffer.from(bytes));
}

const sequence = (...parts: Buffer[]) => der(0x30, ...parts);
const name = (commonName: string) => sequence(der(0x31, sequence(oid('2.5.4.3'), der(0x0c, Buffer.from(commonName, 'utf8')))));
const ECDSA_SHA256 = sequence(oid('1.2.840.10045.4.3.2'));
const NOT_BEFORE = '2025-01-01T00:00:00.000Z';
const NOT_AFTER = '2045-01-01T00:00:00.000Z';
/** UTCTime YYMMDDHHMMSSZ (years 1950-2049). */
const utcTime = (iso: string) =>
  der(0x17, Buffer.from(`${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`));
const colonHex = (bytes: Buffer) => bytes.toString('hex').match(/../g)!.join(':');

let keys: { ca: KeyObject; device: KeyObject } | undefined;
export function keyPair() {
  keys ??= {
    ca: generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey,
    device: generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey,
  };
  return keys;
}

export interface TestCertificate {
  pem: string;
  /** What certificateInfo must say about it (the spec's POST description: formats of the vendor's example). */
  info: CertificateInfo;
}

/** A real X.509 certificate for `commonName`, issued by `issuerName`. */
export function certificateFor(commonName: string, issuerName = `${commonName} CA`): TestCertificate {
  const { ca, device } = keyPair();
  const serial = randomBytes(16);
  serial[0] = 0x10 + (serial[0] % 0x70); // positive, no leading zero byte
  const tbs = sequence(
    der(0xa0, der(0x02, Buffer.from([2]))), // v3
    der(0x02, serial),
    ECDSA_SHA256,
    name(issuerName),
    sequence(utcTime(NOT_BEFORE), utcTime(NOT_AFTER)),
    name(commonName),
    device.export({ type: 'spki', format: 'der' }),
  );
  const signature = sign('sha256', tbs, ca);
  const body = sequence(tbs, ECDSA_SHA256, der(0x03, Buffer.from([0]), signature));
  const pem = `-----BEGIN CERTIFICATE-----\n${body
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END CERTIFICATE-----\n`;
  return {
    pem,
    info: {
      serialNumber: colonHex(serial),
      fingerprint: colonHex(createHash('sha1').update(body).digest()).toUpperCase(),
      commonName,
      issuerName,
      notValidBefore: NOT_BEFORE,
      notValidAfter: NOT_AFTER,
    },
  };
}
