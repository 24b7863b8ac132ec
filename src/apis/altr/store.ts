import { createHash } from 'node:crypto';
import type { components } from '../../types/altr';

// ALTR's state and its invariants, without HTTP: who may sign, what each organization has stored,
// and the two byte rules (the 3072-byte hint truncation and the organization data cap).

export type Permission = 'read' | 'write';

export interface ApiKey {
  key: string;
  secret: string;
  organizationId: string;
  permissions: Permission[];
}

export interface Organization {
  id: string;
  name: string;
  dataCapBytes: number;
  /** Bytes stored so far (after truncation); metadata is not counted. */
  usedBytes: number;
}

export interface AltrRecord {
  referenceToken: string;
  organizationId: string;
  bytes: Buffer;
  metadata?: string;
  /** Lowercase hex MD5 of `bytes`, sent as X-Expected-Hash. */
  md5: string;
  createdAtMs: number;
}

export interface SeedRecord {
  referenceToken: string;
  organizationId: string;
  dataUtf8?: string;
  dataBase64?: string;
  metadata?: string;
  createdAt: string;
}

export interface AltrSeed {
  organizations: Array<Omit<Organization, 'usedBytes'>>;
  apiKeys: ApiKey[];
  records: SeedRecord[];
}

export type PutOutcome =
  | { ok: true; record: AltrRecord }
  | { ok: false; reason: 'dataCapExceeded'; usedBytes: number; dataCapBytes: number; size: number }
  | { ok: false; reason: 'unknownOrganization' };

export type GetOutcome = { ok: true; record: AltrRecord } | { ok: false; reason: 'notFound' };

export type TokenStatus = components['schemas']['TokenStatusResponse']['response']['data'];

/** "3kb" in ALTR's X-Content-Length-Hint rule. */
export const HINT_TRUNCATION_BYTES = 3072;
/** The vendor's availability threshold: larger data waits for its key to be protected. */
const SMALL_DATA_BYTES = 500;
/** [standin choice] How long after the write the encryption key counts as protected, in clock time. */
export const PROTECTION_DELAY_MS = 1000;

export const md5Hex = (bytes: Buffer): string => createHash('md5').update(bytes).digest('hex');

/**
 * The bytes PutData keeps. Without Content-Length (a chunked upload) a hint under 3072 caps the
 * stored data at 3072 bytes; a Content-Length, when present, wins and everything is kept.
 */
export function bytesToStore(body: Buffer, framing: { hasContentLength: boolean; lengthHint?: number }): Buffer {
  const { hasContentLength, lengthHint } = framing;
  if (hasContentLength || lengthHint === undefined || lengthHint >= HINT_TRUNCATION_BYTES) return body;
  return body.length > HINT_TRUNCATION_BYTES ? body.subarray(0, HINT_TRUNCATION_BYTES) : body;
}

/**
 * [standin choice] Writes are synchronous, so the token is active at once; the encryption key is
 * protected PROTECTION_DELAY_MS of clock time after the write (a pinned clock makes this testable).
 * Per the vendor, data of 500 bytes or less is available once written, larger data once protected.
 */
export function tokenStatus(record: AltrRecord, nowMs: number): TokenStatus {
  const dataProtected = nowMs - record.createdAtMs >= PROTECTION_DELAY_MS;
  return { token_active: true, data_protected: dataProtected, data_available: record.bytes.length <= SMALL_DATA_BYTES || dataProtected };
}

export class AltrStore {
  private readonly keys = new Map<string, ApiKey>();
  private readonly organizations = new Map<string, Organization>();
  private readonly records = new Map<string, AltrRecord>();

  /** `newToken` must be deterministic (the namespace's seeded faker) so two starts give the same tokens. */
  constructor(
    seed: AltrSeed,
    private readonly newToken: () => string,
  ) {
    for (const org of seed.organizations) this.organizations.set(org.id, { ...org, usedBytes: 0 });
    for (const key of seed.apiKeys) this.keys.set(key.key, { ...key, permissions: [...key.permissions] });
    for (const r of seed.records) {
      const bytes = r.dataBase64 !== undefined ? Buffer.from(r.dataBase64, 'base64') : Buffer.from(r.dataUtf8 ?? '', 'utf8');
      const outcome = this.insert(r.organizationId, r.referenceToken, bytes, r.metadata, Date.parse(r.createdAt));
      if (!outcome.ok) throw new Error(`fixtures/altr: seed record ${r.referenceToken} cannot be stored (${outcome.reason})`);
    }
  }

  findKey(key: string): ApiKey | undefined {
    return this.keys.get(key);
  }

  organization(id: string): Organization | undefined {
    return this.organizations.get(id);
  }

  /** Stores all of `bytes` or nothing: a write that would pass the organization's cap changes no state. */
  put(organizationId: string, bytes: Buffer, metadata: string | undefined, now: Date): PutOutcome {
    let token = this.newToken();
    while (this.records.has(token)) token = this.newToken();
    return this.insert(organizationId, token, bytes, metadata, now.getTime());
  }

  /** A token stored by another organization is reported as not found, like an unknown one. */
  get(organizationId: string, referenceToken: string): GetOutcome {
    const record = this.records.get(referenceToken);
    if (!record || record.organizationId !== organizationId) return { ok: false, reason: 'notFound' };
    return { ok: true, record };
  }

  private insert(organizationId: string, token: string, bytes: Buffer, metadata: string | undefined, createdAtMs: number): PutOutcome {
    const org = this.organizations.get(organizationId);
    if (!org) return { ok: false, reason: 'unknownOrganization' };
    if (org.usedBytes + bytes.length > org.dataCapBytes) {
      return { ok: false, reason: 'dataCapExceeded', usedBytes: org.usedBytes, dataCapBytes: org.dataCapBytes, size: bytes.length };
    }
    // Copy: the caller's buffer may be a view into a larger request body.
    const record: AltrRecord = { referenceToken: token, organizationId, bytes: Buffer.from(bytes), metadata, md5: md5Hex(bytes), createdAtMs };
    this.records.set(token, record);
    org.usedBytes += bytes.length;
    return { ok: true, record };
  }

  /** Plain JSON for /__admin/state/altr. Secrets are left out. */
  dump(): unknown {
    return {
      organizations: [...this.organizations.values()].map((o) => ({ ...o })),
      apiKeys: [...this.keys.values()].map(({ key, organizationId, permissions }) => ({ key, organizationId, permissions: [...permissions] })),
      records: [...this.records.values()].map((r) => ({
        referenceToken: r.referenceToken,
        organizationId: r.organizationId,
        size: r.bytes.length,
        md5: r.md5,
        metadata: r.metadata ?? null,
        createdAt: new Date(r.createdAtMs).toISOString(),
        dataBase64: r.bytes.toString('base64'),
      })),
    };
  }
}
