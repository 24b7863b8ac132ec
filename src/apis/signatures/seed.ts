import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Faker } from '@faker-js/faker';
import { FIXTURES_DIR } from '../../paths';
import { currentVersion, type SignatureStore } from './store';
import { parseTimestamp } from './time';

// Seed state: the fixture signatures (doc_12 / ticket_42 as the vendor's docs show it) plus a few
// generated with the namespace's seeded faker, so every start holds the same data.

export interface FixtureVersion {
  at: string;
  cms: string;
  version_created_by?: string | null;
  version_comment?: string | null;
  tags?: string[];
}

export interface SignaturesFixture {
  signatures: Array<{ document: string; thread: string; versions: FixtureVersion[] }>;
  generated: GenerateOptions;
}

export interface GenerateOptions {
  count: number;
  /** Window of created_at, 'YYYY-MM-DD HH:mm:ss' UTC. */
  from: string;
  to: string;
  /** Pool the generated tags are drawn from. */
  tags: string[];
}

let cached: SignaturesFixture | undefined;

/** Read once per process; callers only read it (the store copies what it keeps). */
export function loadSignaturesFixture(): SignaturesFixture {
  cached ??= JSON.parse(readFileSync(join(FIXTURES_DIR, 'signatures', 'signatures.json'), 'utf8')) as SignaturesFixture;
  return cached;
}

function saveOrThrow(store: SignatureStore, document: string, thread: string, v: FixtureVersion): void {
  const existing = store.get(document, thread);
  const outcome = store.save(
    {
      document,
      thread,
      cms: v.cms,
      version: existing && currentVersion(existing).version,
      createdBy: v.version_created_by,
      comment: v.version_comment,
      tags: v.tags,
    },
    new Date(parseTimestamp(v.at)),
  );
  if (!outcome.ok) throw new Error(`fixtures/signatures: cannot save ${document}/${thread} at ${v.at}: ${outcome.reason}`);
}

export function loadFixtureSignatures(store: SignatureStore, fixture: SignaturesFixture): void {
  for (const s of fixture.signatures) for (const v of s.versions) saveOrThrow(store, s.document, s.thread, v);
}

function fakeCms(faker: Faker): string {
  // A DER SEQUENCE header, so it starts with "MII" like a real CMS; the rest is noise derived from
  // one faker draw (drawing every byte from faker made a million records take minutes).
  const noise = createHash('sha512').update(String(faker.number.int())).digest().subarray(0, 44);
  return Buffer.concat([Buffer.from([0x30, 0x82, 0x08, 0xaf]), noise]).toString('base64');
}

/**
 * Adds `count` signatures with 1-3 versions each, created within [from, to] in id order (as a real
 * database would number them). Also usable to fill a store for benchmarks.
 */
export function generateSignatures(store: SignatureStore, faker: Faker, options: GenerateOptions): void {
  const from = parseTimestamp(options.from);
  const to = parseTimestamp(options.to);
  const starts = Array.from({ length: options.count }, () => faker.number.int({ min: from, max: to })).sort((a, b) => a - b);
  const documents = Math.max(50, Math.ceil(options.count / 4));
  // Small pools of authors and comments: realistic enough, and shared strings keep a million records cheap.
  const authors = faker.helpers.multiple(() => faker.internet.username(), { count: 20 });
  const comments = faker.helpers.multiple(() => faker.lorem.sentence(), { count: 20 });
  for (const start of starts) {
    let document: string;
    let thread: string;
    do {
      document = `doc_${faker.number.int({ min: 100, max: 99 + documents })}`;
      thread = `ticket_${faker.number.int({ min: 100, max: 199 })}`;
    } while (store.get(document, thread));
    let at = Math.floor(start / 1000) * 1000;
    const versions = faker.number.int({ min: 1, max: 3 });
    for (let v = 1; v <= versions; v++) {
      const existing = store.get(document, thread);
      store.save(
        {
          document,
          thread,
          cms: fakeCms(faker),
          version: existing && currentVersion(existing).version,
          createdBy: faker.helpers.arrayElement(authors),
          comment: faker.helpers.maybe(() => faker.helpers.arrayElement(comments), { probability: 0.6 }) ?? null,
          tags: faker.helpers.arrayElements(options.tags, { min: 1, max: 2 }),
        },
        new Date(at),
      );
      at += faker.number.int({ min: 1, max: 48 }) * 3_600_000;
    }
  }
}
