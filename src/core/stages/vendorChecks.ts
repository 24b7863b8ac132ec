import type { AuthResult } from '../module';
import type { EngineRequest, EngineResponse } from '../types';
import type { FoundRoute } from './matchRoute';
import type { EngineParts, NamespaceEntry } from './parts';

// The vendor's own checks before the spec's: its authentication scheme, then any rule it applies
// ahead of validation. Both see the namespace's state, not yet kept.

const NO_AUTHENTICATION: AuthResult = { ok: true };

export function authenticate(parts: EngineParts, request: EngineRequest, route: FoundRoute, entry: NamespaceEntry): AuthResult {
  const { module } = parts;
  if (!module.authenticate) return NO_AUTHENTICATION;
  return module.authenticate({ request, operation: route.operation, params: route.params, state: entry.state, clock: entry.clock });
}

export function precheck(parts: EngineParts, request: EngineRequest, route: FoundRoute, entry: NamespaceEntry, principal: unknown): EngineResponse | undefined {
  return parts.module.precheck?.({ request, operation: route.operation, params: route.params, state: entry.state, clock: entry.clock, principal });
}
