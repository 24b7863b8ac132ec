import { X509Certificate } from 'node:crypto';

export interface CertificateInfo {
  serialNumber: string;
  fingerprint: string;
  commonName: string;
  issuerName: string;
  notValidBefore: string;
  notValidAfter: string;
}

// The spec caps every certificateInfo string at 1024 characters; a certificate with a longer name
// must still produce a response that validates.
const MAX = 1024;
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----/;

/** 'AD0EFF' -> 'ad:0e:ff', the vendor example's format; odd-length serials get their leading zero back. */
function colonHex(hex: string): string {
  const even = hex.length % 2 ? `0${hex}` : hex;
  return even.toLowerCase().match(/../g)!.join(':');
}

/** node prints a distinguished name as one `KEY=value` line per attribute. */
function attributes(name: string | undefined): Array<[string, string]> {
  return (name ?? '')
    .split('\n')
    .filter((line) => line.includes('='))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]);
}

function lastCommonName(name: string | undefined): string | undefined {
  return attributes(name)
    .filter(([key]) => key === 'CN')
    .pop()?.[1];
}

/**
 * Reads certificateInfo from a PEM certificate (the first one when the PEM holds a chain), or
 * undefined when it does not parse. Derivation rules are written in specs/losant.yaml (POST).
 */
export function readCertificateInfo(pem: string): CertificateInfo | undefined {
  if (!PEM_CERTIFICATE.test(pem)) return undefined; // a bare DER/base64 blob is not a PEM
  try {
    return describe(new X509Certificate(pem));
  } catch {
    // OpenSSL refused the bytes, or a date it printed does not parse: either way not a usable certificate.
    return undefined;
  }
}

function describe(x509: X509Certificate): CertificateInfo {
  const issuerDn = attributes(x509.issuer)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return {
    serialNumber: colonHex(x509.serialNumber).slice(0, MAX),
    fingerprint: x509.fingerprint,
    commonName: (lastCommonName(x509.subject) ?? '').slice(0, MAX),
    issuerName: (lastCommonName(x509.issuer) ?? issuerDn).slice(0, MAX),
    notValidBefore: new Date(x509.validFrom).toISOString(),
    notValidAfter: new Date(x509.validTo).toISOString(),
  };
}
