import { readCertificateInfo } from './certificateInfo';
import { EXAMPLE_INFO, EXAMPLE_PEM, NO_CN_PEM } from './testing/certificates';

describe('readCertificateInfo (certificateInfo is read from the real certificate)', () => {
  it('derives serial (lowercase colon hex), SHA-1 fingerprint, CN, issuer CN and ISO validity', () => {
    expect(readCertificateInfo(EXAMPLE_PEM)).toEqual(EXAMPLE_INFO);
  });

  it('uses "" for a subject without CN and the issuer DN for an issuer without CN', () => {
    const info = readCertificateInfo(NO_CN_PEM)!;
    expect(info.commonName).toBe('');
    expect(info.issuerName).toBe('O=Acme Devices, OU=Line 4');
  });

  it('reads the first certificate of a chain', () => {
    expect(readCertificateInfo(EXAMPLE_PEM + NO_CN_PEM)!.commonName).toBe('example-device');
  });

  it.each([
    ['text that is no PEM', 'this is definitely not a certificate, just a long enough string'],
    ['a PEM block with garbage inside', '-----BEGIN CERTIFICATE-----\nAAAAAAAAAAAAAAAAAAAAAAAA\n-----END CERTIFICATE-----\n'],
    ['a truncated certificate', EXAMPLE_PEM.slice(0, 300) + '\n-----END CERTIFICATE-----\n'],
    ['the base64 body without PEM armour', EXAMPLE_PEM.split('\n').slice(1, -2).join('')],
  ])('refuses %s', (_name, pem) => {
    expect(readCertificateInfo(pem)).toBeUndefined();
  });
});
