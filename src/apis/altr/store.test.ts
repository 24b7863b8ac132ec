import { altrSeed } from './fixtures';
import { AltrStore, type AltrSeed, bytesToStore, HINT_TRUNCATION_BYTES, md5Hex, PROTECTION_DELAY_MS, tokenStatus } from './store';

const ORG = 'org_test';
const NOW = new Date('2024-05-01T12:00:00.000Z');

function seed(cap = 100): AltrSeed {
  return {
    organizations: [
      { id: ORG, name: 'test', dataCapBytes: cap },
      { id: 'org_other', name: 'other', dataCapBytes: cap },
    ],
    apiKeys: [{ key: 'k', secret: 's', organizationId: ORG, permissions: ['read', 'write'] }],
    records: [],
  };
}

function counterTokens(): () => string {
  let n = 0;
  return () => `t${++n}`;
}

describe('AltrStore', () => {
  it('stores the bytes, metadata and MD5 and reads them back by token (read-after-write)', () => {
    const store = new AltrStore(seed(), counterTokens());
    const bytes = Buffer.from([0, 255, 10, 13]);
    const put = store.put(ORG, bytes, 'm.txt', NOW);
    if (!put.ok) throw new Error(put.reason);
    const got = store.get(ORG, put.record.referenceToken);
    expect(got).toMatchObject({ ok: true, record: { metadata: 'm.txt', md5: md5Hex(bytes) } });
    expect(got.ok && got.record.bytes.equals(bytes)).toBe(true);
  });

  it('copies the bytes, so later changes to the caller buffer do not reach the record', () => {
    const store = new AltrStore(seed(), counterTokens());
    const bytes = Buffer.from('abc');
    const put = store.put(ORG, bytes, undefined, NOW);
    bytes[0] = 0x7a;
    expect(put.ok && put.record.bytes.toString()).toBe('abc');
  });

  it('data cap: a write reaching the cap exactly is accepted; one byte more stores nothing', () => {
    const store = new AltrStore(seed(100), counterTokens());
    expect(store.put(ORG, Buffer.alloc(60), undefined, NOW).ok).toBe(true);
    const refused = store.put(ORG, Buffer.alloc(41), undefined, NOW);
    expect(refused).toEqual({ ok: false, reason: 'dataCapExceeded', usedBytes: 60, dataCapBytes: 100, size: 41 });
    expect(store.organization(ORG)!.usedBytes).toBe(60);
    expect(store.get(ORG, 't2')).toEqual({ ok: false, reason: 'notFound' }); // no token was issued
    expect(store.put(ORG, Buffer.alloc(40), undefined, NOW).ok).toBe(true);
    expect(store.organization(ORG)!.usedBytes).toBe(100);
    expect(store.put(ORG, Buffer.alloc(1), undefined, NOW).ok).toBe(false);
  });

  it('data cap is per organization', () => {
    const store = new AltrStore(seed(10), counterTokens());
    expect(store.put(ORG, Buffer.alloc(10), undefined, NOW).ok).toBe(true);
    expect(store.put('org_other', Buffer.alloc(10), undefined, NOW).ok).toBe(true);
  });

  it('a token of another organization reads as not found', () => {
    const store = new AltrStore(seed(), counterTokens());
    const put = store.put(ORG, Buffer.from('x'), undefined, NOW);
    expect(put.ok && store.get('org_other', put.record.referenceToken)).toEqual({ ok: false, reason: 'notFound' });
  });

  it('an unknown organization is a typed outcome, not a throw', () => {
    const store = new AltrStore(seed(), counterTokens());
    expect(store.put('nope', Buffer.from('x'), undefined, NOW)).toEqual({ ok: false, reason: 'unknownOrganization' });
  });

  it('draws a new token when the generator repeats one', () => {
    const tokens = ['a', 'a', 'b'];
    const store = new AltrStore(seed(), () => tokens.shift()!);
    store.put(ORG, Buffer.from('1'), undefined, NOW);
    const second = store.put(ORG, Buffer.from('2'), undefined, NOW);
    expect(second.ok && second.record.referenceToken).toBe('b');
  });

  it('seeds the demo fixtures: both keys in one organization with a 1 MiB cap, and the example record', () => {
    const store = new AltrStore(altrSeed(), counterTokens());
    const rw = store.findKey('ALTR-demo-rw')!;
    const ro = store.findKey('ALTR-demo-ro')!;
    expect(rw).toMatchObject({ secret: 'demo-rw-secret', permissions: ['read', 'write'] });
    expect(ro).toMatchObject({ secret: 'demo-ro-secret', permissions: ['read'] });
    expect(ro.organizationId).toBe(rw.organizationId);
    expect(store.organization(rw.organizationId)).toMatchObject({ dataCapBytes: 1_048_576, usedBytes: 16 });
    const seeded = store.get(rw.organizationId, '9f2b6c1e4d7a4b0c8e3f5a2d1c6b9e70');
    expect(seeded.ok && seeded.record.bytes.toString()).toBe('Hello, chainAPI!');
  });

  it('dumps plain JSON without secrets', () => {
    const store = new AltrStore(altrSeed(), counterTokens());
    const dump = JSON.stringify(store.dump());
    expect(dump).not.toContain('demo-rw-secret');
    expect(JSON.parse(dump).records[0]).toMatchObject({ size: 16, metadata: 'filename.txt', dataBase64: Buffer.from('Hello, chainAPI!').toString('base64') });
  });
});

describe('bytesToStore (X-Content-Length-Hint)', () => {
  const body = Buffer.alloc(5000, 1);

  it('truncates to 3072 bytes when there is no Content-Length and the hint is under 3072', () => {
    expect(bytesToStore(body, { hasContentLength: false, lengthHint: 500 })).toHaveLength(HINT_TRUNCATION_BYTES);
    expect(bytesToStore(body, { hasContentLength: false, lengthHint: 3071 })).toHaveLength(HINT_TRUNCATION_BYTES);
  });

  it('keeps everything when Content-Length is present, whatever the hint', () => {
    expect(bytesToStore(body, { hasContentLength: true, lengthHint: 500 })).toHaveLength(5000);
  });

  it('keeps everything when the hint is 3072 or more, or absent', () => {
    expect(bytesToStore(body, { hasContentLength: false, lengthHint: 3072 })).toHaveLength(5000);
    expect(bytesToStore(body, { hasContentLength: false })).toHaveLength(5000);
  });

  it('leaves a body of 3072 bytes or less untouched', () => {
    expect(bytesToStore(Buffer.alloc(100), { hasContentLength: false, lengthHint: 10 })).toHaveLength(100);
  });
});

describe('tokenStatus (protection delay, 500-byte availability rule)', () => {
  const record = (size: number) => ({ referenceToken: 't', organizationId: ORG, bytes: Buffer.alloc(size), md5: '', createdAtMs: 0 });

  it('data of 500 bytes or less is available at once; larger data once protected', () => {
    expect(tokenStatus(record(500), 0)).toEqual({ token_active: true, data_protected: false, data_available: true });
    expect(tokenStatus(record(501), 0)).toEqual({ token_active: true, data_protected: false, data_available: false });
  });

  it('protection comes exactly PROTECTION_DELAY_MS after the write', () => {
    expect(tokenStatus(record(501), PROTECTION_DELAY_MS - 1).data_protected).toBe(false);
    expect(tokenStatus(record(501), PROTECTION_DELAY_MS)).toEqual({ token_active: true, data_protected: true, data_available: true });
  });
});
