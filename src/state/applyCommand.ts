import type { Engine } from '../core/engine';
import type { Apply, Command } from './command';
import { replayedRequest } from './recordedRequest';

// The one way a command changes state, live or replayed: the engines' own calls, nothing else, so
// a replay cannot take a path the live request did not.

/** What a seed command gives back; a failure is a value, not a throw, so every replay meets it the same way. */
export type SeedResult = { created: number } | { unsupported: true } | { failed: string };

/** A reset gives back the APIs it reset. */
export type ResetResult = { apis: string[] };

function reset(engines: Map<string, Engine>, api: string | undefined, namespace: string | undefined): ResetResult {
  const targets = api === undefined ? [...engines.values()] : [engines.get(api)].filter((e): e is Engine => e !== undefined);
  for (const engine of targets) engine.reset(namespace);
  return { apis: targets.map((e) => e.name) };
}

function seed(engine: Engine, namespace: string, count: number): SeedResult {
  try {
    return engine.seedBulk(namespace, count) ?? { unsupported: true };
  } catch (e) {
    return { failed: (e as Error).message };
  }
}

/**
 * The `Apply` a StateLog is opened with. A command for an API this process does not serve (a log
 * written with another --api) changes nothing here and gives back undefined.
 */
export function createApply(engines: Map<string, Engine>): Apply {
  return (command: Command) => {
    switch (command.kind) {
      case 'request':
        return engines.get(command.api)?.handleCommand(replayedRequest(command.request), command.namespace, command.at);
      case 'reset':
        return reset(engines, command.api, command.namespace);
      case 'seed': {
        const engine = engines.get(command.api);
        return engine && seed(engine, command.namespace, command.count);
      }
      case 'evict':
        return engines.get(command.api)?.reset(command.namespace);
    }
  };
}
