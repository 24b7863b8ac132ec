import { Faker, en } from '@faker-js/faker';
import { seedBulkCertificates } from './bulkSeed';
import { losantFixtures } from './fixtures';
import { LosantStore } from './store';

const APP = '575ec8687ae143cd83dc4a97';

function seeded(count: number, seed = 1337) {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  const store = new LosantStore(() => faker.database.mongodbObjectId());
  expect(seedBulkCertificates(store, faker, { count, applicationId: APP, sources: losantFixtures().generatedCertificates })).toEqual({ created: count });
  return store;
}

describe('seedBulkCertificates (/__admin/seed for Losant)', () => {
  it('adds count certificates with ObjectId-like ids that start with their creation time', () => {
    const certificates = seeded(3000).dump()[APP];
    expect(certificates).toHaveLength(3000);
    expect(new Set(certificates.map((c) => c.id)).size).toBe(3000);
    for (const c of certificates) {
      expect(c.id).toMatch(/^[0-9a-f]{24}$/);
      expect(parseInt(c.id.slice(0, 8), 16)).toBe(Math.floor(Date.parse(c.creationDate) / 1000));
      expect(c.lastUpdated >= c.creationDate).toBe(true);
      expect(c.applicationCertificateId).toBe(c.id);
      expect(c.name).toBe(c.certificateInfo.commonName || c.certificateInfo.serialNumber);
    }
    const statuses = new Set(certificates.map((c) => c.status));
    expect(statuses).toEqual(new Set(['active', 'inactive']));
  });

  it('is deterministic for a seed', () => {
    expect(seeded(300).dump()).toEqual(seeded(300).dump());
    expect(seeded(300).dump()).not.toEqual(seeded(300, 7).dump());
  });

  it('lists the seeded certificates like any others', () => {
    const store = seeded(1000);
    const outcome = store.list(APP, {
      sortField: 'certificateInfo.commonName',
      descending: false,
      page: 0,
      perPage: 100,
      filter: { field: 'status', glob: 'active' },
    });
    expect(outcome.ok && outcome.items.every((c) => c.status === 'active')).toBe(true);
    expect(outcome.ok && outcome.totalCount).toBe(store.dump()[APP].filter((c) => c.status === 'active').length);
  });
});
