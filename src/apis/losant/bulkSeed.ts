import type { Faker } from '@faker-js/faker';
import type { FixtureCertificate } from './fixtures';
import type { Certificate, CertificateStatus, FilterType } from './certificate';
import { defaultName, type LosantStore } from './store';

// /__admin/seed for Losant: many certificates in one application, for scale benchmarks. Like the
// fixture's generated certificates, but built for a million records: faker draws only numbers per
// record (its string generators cost microseconds each), words come from small pools drawn once,
// records share their certificate, certificateInfo and empty topic lists, and the whole batch is
// indexed with one sort per index.

// Creation dates move forward through a fixed window (not the clock), so the same seed gives the
// same data on any day, and ids start with their creation second as MongoDB ObjectIds do.
const FROM = Date.UTC(2020, 0, 1);
const TO = Date.UTC(2025, 11, 31);
const FILTER_TYPES: FilterType[] = ['all', 'all', 'whitelist', 'blacklist', 'none'];
const TOPIC_KINDS = ['state', 'command', 'config'];
const NO_TOPICS: string[] = Object.freeze([]) as unknown as string[];

export interface BulkCertificatesOptions {
  count: number;
  applicationId: string;
  /** The PEMs the certificates take in turn (the fixture's). */
  sources: readonly FixtureCertificate[];
}

/** Six random hex digits: 24 bits stay a small integer, whose toString(16) is ten times faster than a 48-bit one's. */
const hex6 = (faker: Faker) => faker.number.int(0xffffff).toString(16).padStart(6, '0');

export function seedBulkCertificates(store: LosantStore, faker: Faker, options: BulkCertificatesOptions): { created: number } {
  const { count, sources } = options;
  const applicationId = options.applicationId.toLowerCase();
  const adjectives = faker.helpers.multiple(() => faker.commerce.productAdjective(), { count: 20 });
  const cities = faker.helpers.multiple(() => faker.location.city(), { count: 50 });
  const infos = sources.map((s) => Object.freeze({ ...s.info }));
  const names = infos.map(defaultName);
  const topics = (filterType: FilterType) =>
    filterType === 'whitelist' || filterType === 'blacklist'
      ? Array.from({ length: faker.number.int({ min: 1, max: 3 }) }, () =>
          ['devices/', hex6(faker), hex6(faker), hex6(faker), hex6(faker), '/', TOPIC_KINDS[faker.number.int(2)]].join(''),
        )
      : NO_TOPICS;
  const gap = Math.max(1, Math.floor((2 * (TO - FROM)) / count)); // mean gap (TO - FROM) / count
  const certificates: Certificate[] = new Array(count);
  let at = FROM;
  let second = -1;
  const sameSecond = new Set<string>(); // ids of this batch sharing the current creation second
  for (let i = 0; i < count; i++) {
    at += faker.number.int(gap);
    if (Math.floor(at / 1000) !== second) {
      second = Math.floor(at / 1000);
      sameSecond.clear();
    }
    let id: string;
    // join, not +: concatenation leaves a tree of string pieces, several times the size of the flat text.
    do id = [second.toString(16).padStart(8, '0'), hex6(faker), hex6(faker), hex6(faker).slice(2)].join('');
    while (store.isIssued(id) || sameSecond.has(id));
    sameSecond.add(id);
    const n = faker.number.int(sources.length - 1);
    const updated = at + faker.number.int(Math.max(0, TO - at));
    const filterType = FILTER_TYPES[faker.number.int(FILTER_TYPES.length - 1)];
    const created = new Date(at).toISOString();
    certificates[i] = {
      id,
      applicationCertificateId: id,
      applicationId,
      creationDate: created,
      lastUpdated: new Date(updated).toISOString(),
      name: names[n],
      status: (faker.number.int(3) < 3 ? 'active' : 'inactive') as CertificateStatus,
      description: [adjectives[faker.number.int(adjectives.length - 1)], infos[n].commonName, 'in', cities[faker.number.int(cities.length - 1)]].join(' '),
      certificateInfo: infos[n],
      filterType,
      pubTopics: topics(filterType),
      subTopics: topics(filterType),
      certificate: sources[n].pem,
    };
  }
  store.insertMany(applicationId, certificates);
  return { created: count };
}
