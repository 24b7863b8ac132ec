import { timingSafeEqual } from 'node:crypto';
import { NAMESPACE_HEADER, NAMESPACE_PATTERN } from '../core/namespace';
import { standinError } from '../core/standinErrors';
import type { EngineRequest, EngineResponse } from '../core/types';
import { type AdminCall, type AdminDeps, one } from './call';
import { ADMIN_ROUTES, type AdminRoute } from './routes';

// /__admin: standin's own control surface, never under a vendor prefix, answering in its own
// envelope {standin:{error,message}} on failure. Every route that acts on state or time is scoped by
// namespace, taken from the body, else the query, else the x-standin-namespace header a parallel
// worker already sends; acting on every namespace at once has to be asked for.

export type { AdminDeps } from './call';

/**
 * Routes by method and first path segment: `/state/<api>` is found as `GET state`; a route with a
 * fixed second segment (`/journal/stream`) as `GET journal/stream`, tried first.
 */
const BY_RESOURCE = new Map<string, AdminRoute>(
  ADMIN_ROUTES.map((route) => {
    const [, , resource, sub] = route.path.split('/');
    return [sub && !sub.startsWith('<') ? `${route.method} ${resource}/${sub}` : `${route.method} ${resource}`, route];
  }),
);

function tokenMatches(header: string | undefined, token: string): boolean {
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function jsonBody(request: EngineRequest): Record<string, unknown> | undefined {
  if (!request.body || request.body.length === 0) return {};
  try {
    const value = JSON.parse(request.body.toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The dashboard's own files hold no data (its data calls carry the token): a browser must load them to ask for the token. */
const isDashboardFile = (request: EngineRequest) => request.method === 'GET' && /^\/+ui(\/|$)/.test(request.path);

/** The request read for its route, or the answer that refuses it before any route runs. */
function readCall(deps: AdminDeps, request: EngineRequest, arg: string | undefined): AdminCall | EngineResponse {
  if (deps.adminToken && !isDashboardFile(request) && !tokenMatches(request.headers.authorization, deps.adminToken)) {
    return standinError('Unauthorized', 'this /__admin needs Authorization: Bearer <admin token> (see --admin-token)');
  }
  const body = jsonBody(request);
  if (body === undefined) return standinError('MalformedBody', 'the body must be a JSON object');
  const pick = (name: string) => (body[name] as string | undefined) ?? one(request.query[name]);
  const namespace = pick('namespace') ?? request.headers[NAMESPACE_HEADER];
  // An explicit {"all": true} wins over the namespace a worker's client adds to every request.
  const all = body.all === true || ['true', '1'].includes(one(request.query.all) ?? '');
  if (namespace !== undefined && (typeof namespace !== 'string' || !NAMESPACE_PATTERN.test(namespace))) {
    return standinError('InvalidNamespace', `the namespace (body, query or ${NAMESPACE_HEADER}) must match ${NAMESPACE_PATTERN}`);
  }
  return { deps, request, body, arg, pick, namespace, all, scope: all ? undefined : namespace };
}

/** A promise only for a reset or seed that goes through a state log. */
export function handleAdmin(deps: AdminDeps, request: EngineRequest): EngineResponse | Promise<EngineResponse> {
  const [resource, arg] = request.path.replace(/^\/+|\/+$/g, '').split('/');
  const call = readCall(deps, request, arg);
  if (!('deps' in call)) return call;
  const route = (arg !== undefined && BY_RESOURCE.get(`${request.method} ${resource}/${arg}`)) || BY_RESOURCE.get(`${request.method} ${resource ?? ''}`);
  if (!route) return standinError('NotFound', `no admin route ${request.method} /__admin/${request.path.replace(/^\/+/, '')}`);
  return route.handler(call);
}
