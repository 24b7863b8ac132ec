import { isAbsolute } from 'node:path';
import type { Faker } from '@faker-js/faker';
import type { ApiModule } from '../module';
import type { NamespaceStates } from '../namespaceStates';
import type { Router } from '../router';
import type { Spec } from '../spec';
import type { Clock, EngineResponse, Problem } from '../types';
import type { ResponseProblem, SpecValidators } from '../validators';
import type { Faults } from './faults';
import type { SpareEntry } from './spareEntry';

// What every stage of one engine's pipeline reads: built once when the engine starts, passed by
// reference to each stage, so a request allocates nothing to reach them.

export type ResponseValidation = 'strict' | 'warn' | 'off';

/** What the adapter needs to write the answer and journal it. */
export interface Outcome {
  response: EngineResponse;
  operationId?: string;
  requestProblems?: Problem[];
  responseProblems?: ResponseProblem[];
}

/** One namespace's state with the seeded faker and the clock it was made with. */
export interface NamespaceEntry {
  state: unknown;
  faker: Faker;
  clock: Clock;
}

export interface EngineParts {
  module: ApiModule;
  spec: Spec;
  validators: SpecValidators;
  router: Router;
  states: NamespaceStates<NamespaceEntry>;
  /** The fresh state of a namespace not kept yet, shared by the requests refused before it is. */
  spare: SpareEntry<NamespaceEntry>;
  faults: Faults;
  clock: Clock;
  clockFor: (namespace: string) => Clock;
  seed: number;
  responseValidation: ResponseValidation;
  onViolation?: (operationId: string, problems: ResponseProblem[]) => void;
}

/** The spec file as a message names it: under specs/, or the path a module gave. */
export function specLabel(module: ApiModule): string {
  return isAbsolute(module.specFile) ? module.specFile : `specs/${module.specFile}`;
}
