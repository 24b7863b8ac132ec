import { timingSafeEqual } from 'node:crypto';
import { one } from '../admin/call';
import { standinError } from '../core/standinErrors';
import type { EngineRequest, EngineResponse } from '../core/types';
import type { Shadow } from './shadow';

// GET /__admin/drift, on the proxy's port only: what --shadow found, per operation and rule, and the
// latest drift entries.

function tokenMatches(header: string | undefined, token: string): boolean {
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The routes only the proxy's port has, in the shape of ADMIN_ROUTES (for the README's admin table). */
export const PROXY_ADMIN_ROUTES = [
  { method: 'GET', path: '/__admin/drift', summary: 'standin proxy --shadow: drift per operation and rule, and the latest drift entries' },
] as const;

const DRIFT_PATH = /^\/drift\/?$/;

/** Whether an admin path (below /__admin) is one of the proxy's own routes. */
export const isProxyAdminPath = (path: string) => DRIFT_PATH.test(path);

export function driftAnswer(request: EngineRequest, adminToken: string | undefined, shadow: Shadow | undefined): EngineResponse {
  if (adminToken && !tokenMatches(request.headers.authorization, adminToken)) {
    return standinError('Unauthorized', 'this /__admin needs Authorization: Bearer <admin token> (see --admin-token)');
  }
  if (request.method !== 'GET') return standinError('NotFound', `no admin route ${request.method} /__admin/drift (GET only)`);
  if (!shadow) return standinError('NotFound', 'GET /__admin/drift needs a proxy started with --shadow');
  const api = one(request.query.api);
  const operationId = one(request.query.operationId);
  const limit = Math.min(Number(one(request.query.limit) ?? 50) || 50, shadow.drift.capacity);
  const { drift } = shadow;
  return {
    status: 200,
    body: {
      compared: drift.compared,
      drifted: drift.drifted,
      pending: shadow.queued,
      dropped: shadow.dropped,
      skipped: shadow.skipped,
      operations: drift.operations().filter((o) => (!api || o.api === api) && (!operationId || o.operationId === operationId)),
      entries: drift.entries({ api, operationId, limit }),
    },
  };
}
