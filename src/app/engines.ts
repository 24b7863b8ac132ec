import type { SettableClock } from '../core/clock';
import { createEngine, type Engine } from '../core/engine';
import { loadApiSpec } from '../core/precompiled';
import type { ServedVendors } from '../vendor';
import type { Config } from '../config';

/** One engine per API the config serves, each over its module's spec, sharing one clock. */
/** `onEvict` hears of each namespace an engine drops for room (a state log records it); absent in memory mode. */
export function buildEngines(
  config: Config<string>,
  vendors: ServedVendors,
  clock: SettableClock,
  onEvict?: (api: string, namespace: string) => void,
): Map<string, Engine> {
  const engines = new Map<string, Engine>();
  for (const name of config.apis) {
    const { module } = vendors[name];
    const { spec, validators } = loadApiSpec(module.specFile);
    engines.set(
      name,
      createEngine({
        module,
        spec,
        validators,
        clock,
        clockFor: (namespace) => clock.forNamespace(namespace),
        maxNamespaces: config.maxNamespaces,
        seed: config.seed,
        responseValidation: config.responseValidation,
        onEvict: onEvict && ((namespace) => onEvict(name, namespace)),
        onViolation: (operationId, problems) =>
          process.stderr.write(`standin: ${name} ${operationId} response breaks the spec: ${problems.map((p) => `${p.pointer} ${p.message}`).join('; ')}\n`),
      }),
    );
  }
  return engines;
}
