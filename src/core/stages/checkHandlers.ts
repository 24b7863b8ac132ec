import type { ApiModule } from '../module';
import type { Spec } from '../spec';
import { specLabel } from './parts';

/** Start-up: every spec operation has a handler and every handler an operation, or the engine refuses to start. */
export function checkHandlers(module: ApiModule, spec: Spec): void {
  const specIds = new Set(spec.operations.map((o) => o.operationId));
  const handlerIds = new Set(Object.keys(module.handlers));
  const missing = [...specIds].filter((id) => !handlerIds.has(id));
  const extra = [...handlerIds].filter((id) => !specIds.has(id));
  if (missing.length || extra.length) {
    const lines = [
      `standin: the ${module.name} handlers do not match ${specLabel(module)}:`,
      ...missing.map((id) => `  - operation ${id} has no handler`),
      ...extra.map((id) => `  - handler ${id} has no operation in the spec`),
    ];
    throw new Error(lines.join('\n'));
  }
}
