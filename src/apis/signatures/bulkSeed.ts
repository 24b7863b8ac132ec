import type { Faker } from '@faker-js/faker';
import type { SignatureStore } from './store';

// /__admin/seed for ncanode: many signatures at once, for scale benchmarks. Same shape as the
// fixture's generated signatures (doc_N / ticket_N pairs, 1-3 versions, 1-2 tags from the fixture's
// pool), but built for a million records: faker draws only numbers per record (its string
// generators cost microseconds each), strings repeat through small pools, every signature is
// written once with its whole chain, and times only move forward so every index insert is an append.

// A fixed window, not the clock, so the same seed gives the same data on any day.
const FROM = Date.UTC(2022, 0, 1);
const SPAN = Date.UTC(2025, 0, 1) - FROM;
const HOUR = 3_600_000;
/** Threads per document pool: ticket_100 .. ticket_199, as in the fixtures. */
const THREADS = Array.from({ length: 100 }, (_, i) => `ticket_${100 + i}`);
// The DER SEQUENCE header every real CMS starts with ("MIIIrw..."), then noise.
const CMS_PREFIX = 'MIIIrwYJKoZIhvcNAQcCoIIIoDCCCJwCAQExDzANBglghkgBZQMEAgEFADCB';

export interface BulkSignaturesOptions {
  count: number;
  /** Pool the tags are drawn from (the fixture's). */
  tags: readonly string[];
}

/** The CMS values versions take: a pool, since what a list costs does not depend on their bytes. */
const CMS_POOL = 4096;

/** Base64-looking noise from two draws: 14 characters of [0-9a-z], so the CMS stays a multiple of 4 long. */
function cms(faker: Faker): string {
  const a = faker.number.int(0xffffffff).toString(36).padStart(7, '0');
  const b = faker.number.int(0xffffffff).toString(36).padStart(7, '0');
  return [CMS_PREFIX, a, b].join(''); // join, not +: a flat string, not a tree of pieces
}

/** Adds `count` new signatures; pairs already in the store are skipped and drawn again. */
export function seedBulkSignatures(store: SignatureStore, faker: Faker, options: BulkSignaturesOptions): { created: number } {
  const { count, tags } = options;
  // About four signatures per document, like the fixture's generator; names built once and shared.
  const documents: string[] = new Array(Math.max(50, Math.ceil(count / 4)));
  const documentName = (n: number) => (documents[n] ??= `doc_${100 + n}`);
  const cmsPool = Array.from({ length: Math.min(CMS_POOL, count) }, () => cms(faker));
  const authors = faker.helpers.multiple(() => faker.internet.username(), { count: 20 });
  const comments = faker.helpers.multiple(() => faker.lorem.sentence(), { count: 20 });
  const tagLists = tags.flatMap((a, i) => [[a], ...tags.slice(i + 1).map((b) => [a, b])]);
  const gap = Math.max(1000, Math.floor((2 * SPAN) / count)); // mean gap SPAN / count
  let at = FROM;
  let created = 0;
  let misses = 0;
  while (created < count) {
    at += faker.number.int(gap);
    const document = documentName(faker.number.int(documents.length - 1));
    const thread = THREADS[faker.number.int(THREADS.length - 1)];
    const versions = [];
    const start = Math.floor(at / 1000) * 1000;
    for (let v = 0, when = start, n = faker.number.int({ min: 1, max: 3 }); v < n; v++, when += faker.number.int({ min: 1, max: 48 }) * HOUR) {
      versions.push({
        cms: cmsPool[faker.number.int(cmsPool.length - 1)],
        createdBy: authors[faker.number.int(authors.length - 1)],
        comment: faker.number.int(9) < 6 ? comments[faker.number.int(comments.length - 1)] : null,
        tags: tagLists.length ? tagLists[faker.number.int(tagLists.length - 1)] : [],
        at: when,
      });
    }
    if (store.add({ document, thread, versions })) {
      created++;
      misses = 0;
    } else if (++misses > 1000) {
      throw new Error(`standin: cannot find a free document/thread pair after ${created} signatures`);
    }
  }
  return { created };
}
