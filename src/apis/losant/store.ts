import { Application } from './application';
import type { Certificate, CertificatePatch, CertificatePost } from './certificate';
import { type CertificateInfo, readCertificateInfo } from './certificateInfo';
import type { ListQuery } from './listQuery';

// Application certificates and their invariants, with no HTTP in sight. Certificates live in one
// Application per application id (application.ts), so a lookup is two Map reads and a list reads
// only its own application's sorted indexes.

export type Missing = 'applicationNotFound' | 'certificateNotFound';
export type Found = { ok: true; certificate: Certificate };
export type CreateOutcome = Found | { ok: false; reason: 'applicationNotFound' | 'invalidCertificate' };
export type LookupOutcome = Found | { ok: false; reason: Missing };
export type PatchOutcome = Found | { ok: false; reason: Missing | 'invalidCertificate' };
export type DeleteOutcome = { ok: true } | { ok: false; reason: Missing };
export type ListOutcome = { ok: true; items: Certificate[]; totalCount: number } | { ok: false; reason: 'applicationNotFound' };

/**
 * The name a certificate gets when none is sent: its common name, or its serial number when it has
 * no common name (docs.losant.com, "Device Certificate: Register Node").
 */
export function defaultName(info: CertificateInfo): string {
  return info.commonName ? info.commonName : info.serialNumber;
}

// ObjectIds are hex numbers: 575EC8... and 575ec8... name the same record, as they do in MongoDB.
const key = (id: string) => id.toLowerCase();

/** A deep copy in the vendor's field order, so no caller can reach into the stored record. */
function copy(c: Certificate): Certificate {
  return {
    id: c.id,
    applicationCertificateId: c.applicationCertificateId,
    applicationId: c.applicationId,
    creationDate: c.creationDate,
    lastUpdated: c.lastUpdated,
    name: c.name,
    status: c.status,
    ...(c.description !== undefined && { description: c.description }),
    ...(c.deviceIds !== undefined && { deviceIds: [...c.deviceIds] }),
    ...(c.deviceTags !== undefined && { deviceTags: c.deviceTags.map((t) => ({ ...t })) }),
    certificateInfo: { ...c.certificateInfo },
    filterType: c.filterType,
    pubTopics: [...c.pubTopics],
    subTopics: [...c.subTopics],
    certificate: c.certificate,
  };
}

export class LosantStore {
  private readonly applications = new Map<string, Application>();
  /** Every certificate id ever issued, so a generated id is never reused across applications. */
  private readonly issuedIds = new Set<string>();

  constructor(private readonly newId: () => string) {}

  addApplication(applicationId: string): void {
    if (!this.applications.has(key(applicationId))) this.applications.set(key(applicationId), new Application());
  }

  /** Stores a certificate exactly as given (seed data); the caller vouches for its fields. */
  insert(certificate: Certificate): void {
    const id = key(certificate.id);
    const stored = { ...copy(certificate), id, applicationCertificateId: id, applicationId: key(certificate.applicationId) };
    this.addApplication(stored.applicationId);
    this.applications.get(stored.applicationId)!.add(stored);
    this.issuedIds.add(id);
  }

  /**
   * Stores many generated certificates at once (bulk seeding). They are kept as given, not copied:
   * lowercase ids never issued before, and objects (certificateInfo, topic arrays included) that
   * nothing changes afterwards, so records may share them.
   */
  insertMany(applicationId: string, certificates: readonly Certificate[]): void {
    this.addApplication(applicationId);
    for (let i = 0; i < certificates.length; i++) {
      const c = certificates[i];
      if (c.id !== key(c.id) || c.applicationId !== key(applicationId) || this.issuedIds.has(c.id)) {
        for (let j = 0; j < i; j++) this.issuedIds.delete(certificates[j].id); // all or nothing
        throw new Error(`standin: bulk certificate ${c.id} is not a new lowercase id of application ${applicationId}`);
      }
      this.issuedIds.add(c.id);
    }
    this.applications.get(key(applicationId))!.addAll(certificates);
  }

  /** Whether an id was ever issued (so a generator can draw another). */
  isIssued(certificateId: string): boolean {
    return this.issuedIds.has(key(certificateId));
  }

  create(applicationId: string, post: CertificatePost, now: Date): CreateOutcome {
    const application = this.applications.get(key(applicationId));
    if (!application) return { ok: false, reason: 'applicationNotFound' };
    const certificateInfo = readCertificateInfo(post.certificate);
    if (!certificateInfo) return { ok: false, reason: 'invalidCertificate' };
    const id = this.uniqueId();
    const stamp = now.toISOString();
    const certificate = copy({
      ...post,
      id,
      applicationCertificateId: id,
      applicationId: key(applicationId),
      creationDate: stamp,
      lastUpdated: stamp,
      name: post.name ?? defaultName(certificateInfo),
      status: post.status ?? 'active',
      certificateInfo,
      filterType: post.filterType ?? 'all',
      pubTopics: post.pubTopics ?? [],
      subTopics: post.subTopics ?? [],
    });
    application.add(certificate);
    return { ok: true, certificate: copy(certificate) };
  }

  get(applicationId: string, certificateId: string): LookupOutcome {
    const found = this.find(applicationId, certificateId);
    return found.ok ? { ok: true, certificate: copy(found.certificate) } : found;
  }

  patch(applicationId: string, certificateId: string, patch: CertificatePatch, now: Date): PatchOutcome {
    const found = this.find(applicationId, certificateId);
    if (!found.ok) return found;
    let certificateInfo: CertificateInfo | undefined;
    if (patch.certificate !== undefined) {
      certificateInfo = readCertificateInfo(patch.certificate);
      if (!certificateInfo) return { ok: false, reason: 'invalidCertificate' };
    }
    const updated: Certificate = { ...found.certificate, lastUpdated: now.toISOString() };
    // A new certificate keeps the name it had, set or derived [standin choice].
    if (patch.name !== undefined) updated.name = patch.name;
    if (patch.status !== undefined) updated.status = patch.status;
    if (patch.description !== undefined) updated.description = patch.description;
    if (patch.filterType !== undefined) updated.filterType = patch.filterType;
    if (patch.pubTopics !== undefined) updated.pubTopics = [...patch.pubTopics];
    if (patch.subTopics !== undefined) updated.subTopics = [...patch.subTopics];
    if (patch.certificate !== undefined && certificateInfo) {
      updated.certificate = patch.certificate;
      updated.certificateInfo = certificateInfo;
    }
    this.applications.get(updated.applicationId)!.add(updated); // replaces the old record in every index
    return { ok: true, certificate: copy(updated) };
  }

  remove(applicationId: string, certificateId: string): DeleteOutcome {
    const found = this.find(applicationId, certificateId);
    if (!found.ok) return found;
    this.applications.get(found.certificate.applicationId)!.remove(found.certificate);
    return { ok: true };
  }

  list(applicationId: string, query: ListQuery): ListOutcome {
    const application = this.applications.get(key(applicationId));
    if (!application) return { ok: false, reason: 'applicationNotFound' };
    const { items, totalCount } = application.list(query);
    return { ok: true, items: items.map(copy), totalCount };
  }

  /** Plain JSON for /__admin/state: certificates grouped by application. */
  dump(): Record<string, Certificate[]> {
    const out: Record<string, Certificate[]> = {};
    for (const [applicationId, application] of this.applications) out[applicationId] = [...application.byId.values()].map(copy);
    return out;
  }

  private find(applicationId: string, certificateId: string): { ok: true; certificate: Certificate } | { ok: false; reason: Missing } {
    const application = this.applications.get(key(applicationId));
    if (!application) return { ok: false, reason: 'applicationNotFound' };
    const certificate = application.byId.get(key(certificateId));
    return certificate ? { ok: true, certificate } : { ok: false, reason: 'certificateNotFound' };
  }

  private uniqueId(): string {
    let id = key(this.newId());
    while (this.issuedIds.has(id)) id = key(this.newId());
    this.issuedIds.add(id);
    return id;
  }
}
