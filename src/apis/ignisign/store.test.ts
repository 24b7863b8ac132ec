import { generateKeyPairSync } from 'node:crypto';
import { scopeOfKey } from './apiKey';
import { IgnisignStore } from './store';
import { verifyTimestampToken } from './timestampToken';
import { createIgnisignState } from './index';

const HASH = 'uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=';
const NOW = new Date('2024-07-29T15:51:28.071Z');
const app = { appId: 'appId_demo', orgId: 'orgId_demo', appName: 'demo', status: 'ACTIVE', appType: 'LOG_CAPSULE', defaultLanguage: 'EN' };

function freshStore(): IgnisignStore {
  const { privateKey } = generateKeyPairSync('ed25519');
  const store = new IgnisignStore({ kid: 'test-kid', privateKey });
  store.addApp(app, { DEVELOPMENT: 'skv2_development_demo_devsecret', PRODUCTION: 'skv2_production_demo_prodsecret' });
  return store;
}

describe('api key format (skv2_<env>_<appIdSuffix>_<secret>)', () => {
  it('derives appId and appEnv as the SDK does', () => {
    expect(scopeOfKey('skv2_staging_demo_stgsecret')).toEqual({ appId: 'appId_demo', appEnv: 'STAGING' });
    expect(scopeOfKey('skv2_production_abc-123_s_e_c')).toEqual({ appId: 'appId_abc-123', appEnv: 'PRODUCTION' });
  });
  it('is not an skv2 key otherwise', () => {
    for (const key of ['sk_development_demo', 'skv2_test_demo_x', 'skv2_development_demo_', 'skv2_DEVELOPMENT_demo_x', ''])
      expect(scopeOfKey(key)).toBeUndefined();
  });
});

describe('IgnisignStore.findKey: a key is recognised by exact match, not by its format alone', () => {
  const store = freshStore();
  it('finds a stored key', () => {
    expect(store.findKey('skv2_development_demo_devsecret')).toEqual({ appId: 'appId_demo', appEnv: 'DEVELOPMENT' });
  });
  it('refuses a well-formed key with another secret, another env or another app', () => {
    expect(store.findKey('skv2_development_demo_devsecreT')).toBeUndefined();
    expect(store.findKey('skv2_development_demo_devsecret2')).toBeUndefined();
    expect(store.findKey('skv2_staging_demo_devsecret')).toBeUndefined();
    expect(store.findKey('skv2_development_other_devsecret')).toBeUndefined();
    expect(store.findKey('not-a-key')).toBeUndefined();
  });
  it('refuses a fixture key that names another app or env', () => {
    expect(() => store.addApp({ ...app, appId: 'appId_x' }, { DEVELOPMENT: 'skv2_development_demo_s' })).toThrow(/appId_x\/DEVELOPMENT/);
    expect(() => store.addApp({ ...app, appId: 'appId_x' }, { STAGING: 'skv2_development_x_s' })).toThrow(/STAGING/);
  });
});

describe('IgnisignStore.createCapsule', () => {
  it('keeps capsules per app and env, with increasing serials and a token signed by the store signer', () => {
    const store = freshStore();
    const first = store.createCapsule('appId_demo', 'DEVELOPMENT', HASH, NOW);
    const second = store.createCapsule('appId_demo', 'PRODUCTION', HASH, NOW);
    if (!first.ok || !second.ok) throw new Error('expected success');
    expect(first.capsule).toMatchObject({ serial: '1', hashSha256_b64: HASH, genTime: NOW.toISOString() });
    expect(second.capsule.serial).toBe('2');
    expect(store.capsulesOf('appId_demo', 'DEVELOPMENT')).toEqual([first.capsule]);
    expect(store.capsulesOf('appId_demo', 'PRODUCTION')).toEqual([second.capsule]);
    expect(store.capsulesOf('appId_demo', 'STAGING')).toEqual([]);
    expect(verifyTimestampToken(first.capsule.timestamp_b64)).toMatchObject({ valid: false, reason: 'unknownKey' });
  });
  it('accepts the same hash twice (duplicates are undocumented at the vendor)', () => {
    const store = freshStore();
    expect(store.createCapsule('appId_demo', 'DEVELOPMENT', HASH, NOW).ok).toBe(true);
    expect(store.createCapsule('appId_demo', 'DEVELOPMENT', HASH, NOW).ok).toBe(true);
    expect(store.capsulesOf('appId_demo', 'DEVELOPMENT')).toHaveLength(2);
  });
  it('stores, echoes and signs a 31- or 33-byte value the vendor lets through exactly as sent', () => {
    const store = createIgnisignState();
    for (const sent of [`${'A'.repeat(41)}B==`, Buffer.alloc(33, 5).toString('base64'), `${'A'.repeat(42)}B=`]) {
      const created = store.createCapsule('appId_demo', 'DEVELOPMENT', sent, NOW);
      if (!created.ok) throw new Error(`refused ${sent}`);
      expect(created.capsule.hashSha256_b64).toBe(sent);
      expect(verifyTimestampToken(created.capsule.timestamp_b64, { hashSha256_b64: sent })).toMatchObject({ valid: true, token: { hashSha256_b64: sent } });
    }
    expect(store.capsulesOf('appId_demo', 'DEVELOPMENT').map((c) => c.hashSha256_b64)).toEqual([
      `${'A'.repeat(41)}B==`,
      Buffer.alloc(33, 5).toString('base64'),
      `${'A'.repeat(42)}B=`,
    ]);
  });
  it('stores nothing for an invalid hash, env or app', () => {
    const store = freshStore();
    expect(store.createCapsule('appId_demo', 'DEVELOPMENT', 'abc', NOW)).toEqual({ ok: false, reason: 'invalidHash' });
    expect(store.createCapsule('appId_demo', 'development', HASH, NOW)).toEqual({ ok: false, reason: 'invalidEnv' });
    expect(store.createCapsule('appId_nope', 'DEVELOPMENT', HASH, NOW)).toEqual({ ok: false, reason: 'appNotFound' });
    expect(store.capsulesOf('appId_demo', 'DEVELOPMENT')).toEqual([]);
    expect(store.dump()).toMatchObject({ lastSerial: 0 });
  });
  it('hides key secrets from the state dump', () => {
    const dump = JSON.stringify(freshStore().dump());
    expect(dump).not.toContain('devsecret');
    expect(dump).toContain('skv2_development_demo_***');
  });
});

describe('createIgnisignState (fixtures)', () => {
  it('seeds the demo app with its three documented keys', () => {
    const store = createIgnisignState();
    expect(store.getApp('appId_demo')).toMatchObject({ appType: 'LOG_CAPSULE' });
    expect(store.findKey('skv2_development_demo_devsecret')).toEqual({ appId: 'appId_demo', appEnv: 'DEVELOPMENT' });
    expect(store.findKey('skv2_staging_demo_stgsecret')).toEqual({ appId: 'appId_demo', appEnv: 'STAGING' });
    expect(store.findKey('skv2_production_demo_prodsecret')).toEqual({ appId: 'appId_demo', appEnv: 'PRODUCTION' });
    const created = store.createCapsule('appId_demo', 'STAGING', HASH, NOW);
    expect(created.ok && verifyTimestampToken(created.capsule.timestamp_b64, { hashSha256_b64: HASH }).valid).toBe(true);
  });
});
