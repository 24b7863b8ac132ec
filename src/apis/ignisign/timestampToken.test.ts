import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsaKeyFixture } from './fixtures';
import { canonicalTokenBytes, createTimestampToken, type TimestampToken, verifyTimestampToken } from './timestampToken';

const HASH = 'uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=';
const OTHER_HASH = Buffer.alloc(32, 7).toString('base64');
const GEN_TIME = '2024-07-29T15:51:28.071Z';

const encode = (token: unknown) => Buffer.from(JSON.stringify(token), 'utf8').toString('base64');
const issue = () => createTimestampToken({ hashSha256_b64: HASH, genTime: GEN_TIME, serial: '1' });

describe('timestamp token', () => {
  it('a token from the demo TSA verifies, and carries version, hash, genTime, serial, kid and an Ed25519 signature', () => {
    const { token_b64, token } = issue();
    const result = verifyTimestampToken(token_b64, { hashSha256_b64: HASH });
    expect(result).toEqual({ valid: true, token });
    expect(token).toMatchObject({ v: 1, alg: 'Ed25519', kid: tsaKeyFixture().kid, hashAlg: 'SHA-256', hashSha256_b64: HASH, genTime: GEN_TIME, serial: '1' });
    expect(Buffer.from(token.sig, 'base64')).toHaveLength(64);
  });

  it('is deterministic for the same inputs (Ed25519 signatures are)', () => {
    expect(issue().token_b64).toBe(issue().token_b64);
  });

  it.each<[string, Partial<TimestampToken>]>([
    ['a changed hash', { hashSha256_b64: OTHER_HASH }],
    ['a changed genTime', { genTime: '2024-07-29T15:51:29.071Z' }],
    ['a changed serial', { serial: '2' }],
  ])('a token with %s does not verify', (_name, change) => {
    const tampered = encode({ ...issue().token, ...change });
    expect(verifyTimestampToken(tampered)).toMatchObject({ valid: false, reason: 'badSignature' });
  });

  it('a token with a changed signature does not verify', () => {
    const { token } = issue();
    const sig = Buffer.from(token.sig, 'base64');
    sig[10] ^= 1;
    expect(verifyTimestampToken(encode({ ...token, sig: sig.toString('base64') }))).toMatchObject({ valid: false, reason: 'badSignature' });
  });

  it('a valid token over another hash is refused when the expected hash is given', () => {
    expect(verifyTimestampToken(issue().token_b64, { hashSha256_b64: OTHER_HASH })).toMatchObject({ valid: false, reason: 'hashMismatch' });
  });

  it('a token signed by another key does not verify against the demo key, but does against its own', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const foreignSameKid = createTimestampToken({ hashSha256_b64: HASH, genTime: GEN_TIME, serial: '1' }, { kid: tsaKeyFixture().kid, privateKey });
    expect(verifyTimestampToken(foreignSameKid.token_b64)).toMatchObject({ valid: false, reason: 'badSignature' });
    const foreign = createTimestampToken({ hashSha256_b64: HASH, genTime: GEN_TIME, serial: '1' }, { kid: 'elsewhere', privateKey });
    expect(verifyTimestampToken(foreign.token_b64)).toMatchObject({ valid: false, reason: 'unknownKey' });
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(verifyTimestampToken(foreign.token_b64, { publicKeyPem }).valid).toBe(true);
    expect(verifyTimestampToken(foreign.token_b64, { publicKeyPem: 'nope' })).toMatchObject({ valid: false, reason: 'badPublicKey' });
  });

  it('refuses what is not a token', () => {
    expect(verifyTimestampToken('not base64!')).toMatchObject({ valid: false, reason: 'notBase64' });
    expect(verifyTimestampToken(Buffer.from('hello').toString('base64'))).toMatchObject({ valid: false, reason: 'notJson' });
    expect(verifyTimestampToken(encode([1]))).toMatchObject({ valid: false, reason: 'malformed' });
    const { token } = issue();
    expect(verifyTimestampToken(encode({ ...token, extra: 1 }))).toMatchObject({ valid: false, reason: 'malformed' });
    expect(verifyTimestampToken(encode({ ...token, serial: 1 }))).toMatchObject({ valid: false, reason: 'malformed' });
    expect(verifyTimestampToken(encode({ ...token, genTime: '2024-07-29 15:51:28' }))).toMatchObject({ valid: false, reason: 'malformed' });
    expect(verifyTimestampToken(encode({ ...token, v: 2 }))).toMatchObject({ valid: false, reason: 'unsupportedVersion' });
    expect(verifyTimestampToken(encode({ ...token, alg: 'HS256' }))).toMatchObject({ valid: false, reason: 'unsupportedAlgorithm' });
  });

  it('signs the sorted compact JSON that `jq -cjS "del(.sig)"` prints, so openssl can verify it (README recipe)', () => {
    const { token } = issue();
    const canonical = canonicalTokenBytes(token).toString('utf8');
    expect(canonical).toBe(`{"alg":"Ed25519","genTime":"${GEN_TIME}","hashAlg":"SHA-256","hashSha256_b64":"${HASH}","kid":"${token.kid}","serial":"1","v":1}`);
    let jq: string;
    try {
      jq = execFileSync('jq', ['-cjS', 'del(.sig)'], { input: JSON.stringify(token) }).toString('utf8');
    } catch {
      return; // jq is optional on the test machine; the literal above pins the format
    }
    expect(jq).toBe(canonical);
    const dir = mkdtempSync(join(tmpdir(), 'ignisign-tsa-'));
    writeFileSync(join(dir, 'tsa.pub'), tsaKeyFixture().publicKeyPem);
    writeFileSync(join(dir, 'signed.bin'), canonical);
    writeFileSync(join(dir, 'sig.bin'), Buffer.from(token.sig, 'base64'));
    try {
      const out = execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'tsa.pub', '-rawin', '-in', 'signed.bin', '-sigfile', 'sig.bin'], {
        cwd: dir,
      }).toString();
      expect(out).toMatch(/Signature Verified Successfully/);
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') return; // no openssl here
      throw e;
    }
  });
});
