import type { RouteMatch } from '../router';
import type { EngineRequest } from '../types';
import type { EngineParts, Outcome } from './parts';
import { renderError } from './refuse';

export type FoundRoute = Extract<RouteMatch, { kind: 'found' }>;

/** First stage: the operation the method and path name, or the vendor's 404 / 405 (with Allow). */
export function matchRoute(parts: EngineParts, request: EngineRequest): FoundRoute | Outcome {
  const { module } = parts;
  const path = module.rewritePath ? module.rewritePath(request.path) : request.path;
  const match = parts.router.match(request.method, path);
  if (match.kind === 'found') return match;
  if (match.kind === 'notFound') return { response: renderError(parts, { kind: 'routeNotFound', method: request.method, path }) };
  const response = renderError(parts, { kind: 'methodNotAllowed', method: request.method, path, allow: match.allow });
  return { response: { ...response, headers: { ...response.headers, allow: match.allow.join(', ') } } };
}
