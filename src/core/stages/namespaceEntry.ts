// The English-only entry: the package's main entry loads every locale, a fifth of the start-up time.
import type { Faker } from '@faker-js/faker';
import { faker as englishFaker } from '@faker-js/faker/locale/en';
import type { SpecOperation } from '../spec';
import type { EngineParts, NamespaceEntry, Outcome } from './parts';
import { INTERNAL_RULES, refuse } from './refuse';

const FakerClass = englishFaker.constructor as new (options: { locale: unknown }) => Faker;

/**
 * A fresh namespace's state, seeded from the fixtures; kept only once `admit` (or `namespaceState`) takes it.
 * `seen.clockRead` tells whether seeding read the clock (then the state depends on when it was made).
 */
export function freshEntry(parts: EngineParts, namespace: string, seen?: { clockRead: boolean }): NamespaceEntry {
  const faker = new FakerClass({ locale: englishFaker.rawDefinitions });
  faker.seed(parts.seed);
  const clock = parts.clockFor(namespace);
  const seeding = seen ? { now: () => ((seen.clockRead = true), clock.now()) } : clock;
  return { faker, clock, state: parts.module.createState({ namespace, faker, clock: seeding }) };
}

/**
 * Keeps a namespace first seen by a request that passed authentication (so refused requests, any
 * number of made-up header values, cost no memory); undefined once kept, else the refusal at the cap.
 * A command (`overflow`) is never refused: see NamespaceStates.admit.
 */
export function admit(parts: EngineParts, op: SpecOperation, namespace: string, entry: NamespaceEntry, overflow = false): Outcome | undefined {
  const { states } = parts;
  if (!states.admit(namespace, entry, overflow)) {
    const message = `standin keeps at most ${states.max} namespaces and every one has a request in progress; retry, or raise --max-namespaces`;
    return refuse(parts, op, namespace, { kind: 'internal', rule: INTERNAL_RULES.namespaceCap, message });
  }
  states.enter(namespace);
  return undefined;
}

/** For admin calls, which may create a namespace outright (past the cap when every kept one is busy, as a command may). */
export function namespaceState(parts: EngineParts, namespace: string): NamespaceEntry {
  const { states } = parts;
  const kept = states.get(namespace);
  if (kept) return kept;
  const entry = freshEntry(parts, namespace);
  states.admit(namespace, entry, true);
  return entry;
}
