import type { Faker } from '@faker-js/faker';
import type { StateContext } from '../../core/module';
import { type FixtureCertificate, losantFixtures } from './fixtures';
import type { Certificate, FilterType } from './certificate';
import { defaultName, LosantStore } from './store';

export interface LosantState {
  store: LosantStore;
  /** token -> scopes; per namespace, so a namespace could hold tokens of its own. */
  tokens: Map<string, ReadonlySet<string>>;
}

// Generated records get dates from a fixed window, not the clock, so two starts give the same data.
const GENERATED_FROM = '2020-01-01T00:00:00.000Z';
const GENERATED_TO = '2025-12-31T00:00:00.000Z';
const FILTER_TYPES: FilterType[] = ['all', 'all', 'whitelist', 'blacklist', 'none'];

function topics(faker: Faker, filterType: FilterType): string[] {
  if (filterType !== 'whitelist' && filterType !== 'blacklist') return [];
  return faker.helpers.multiple(() => `devices/${faker.database.mongodbObjectId()}/${faker.helpers.arrayElement(['state', 'command', 'config'])}`, {
    count: { min: 1, max: 3 },
  });
}

function generated(faker: Faker, applicationId: string, source: FixtureCertificate): Certificate {
  const id = faker.database.mongodbObjectId();
  const created = faker.date.between({ from: GENERATED_FROM, to: GENERATED_TO });
  const updated = faker.date.between({ from: created, to: GENERATED_TO });
  const filterType = faker.helpers.arrayElement(FILTER_TYPES);
  return {
    id,
    applicationCertificateId: id,
    applicationId,
    creationDate: created.toISOString(),
    lastUpdated: updated.toISOString(),
    name: defaultName(source.info),
    status: faker.helpers.weightedArrayElement([
      { weight: 3, value: 'active' as const },
      { weight: 1, value: 'inactive' as const },
    ]),
    description: `${faker.commerce.productAdjective()} ${source.info.commonName} in ${faker.location.city()}`,
    certificateInfo: source.info,
    filterType,
    pubTopics: topics(faker, filterType),
    subTopics: topics(faker, filterType),
    certificate: source.pem,
  };
}

export function createLosantState(ctx: StateContext): LosantState {
  const fixtures = losantFixtures();
  const store = new LosantStore(() => ctx.faker.database.mongodbObjectId());
  let next = 0;
  for (const app of fixtures.applications) {
    store.addApplication(app.id);
    for (const certificate of app.certificates) store.insert(certificate);
    for (let i = 0; i < app.generated; i++) {
      const source = fixtures.generatedCertificates[next++ % fixtures.generatedCertificates.length];
      store.insert(generated(ctx.faker, app.id, source));
    }
  }
  const tokens = new Map(fixtures.tokens.map(({ token, scopes }) => [token, new Set(scopes)]));
  return { store, tokens };
}

/** Tokens are shown by their first and last characters only: the dump may end up in CI logs. */
function hint(token: string): string {
  return token.length <= 8 ? '…' : `${token.slice(0, 4)}…${token.slice(-4)}`;
}

export function dumpLosantState(state: LosantState): unknown {
  return {
    applications: state.store.dump(),
    tokens: [...state.tokens].map(([token, scopes]) => ({ token: hint(token), scopes: [...scopes] })),
  };
}
