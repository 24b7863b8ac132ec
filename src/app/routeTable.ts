import { ADMIN_ROUTES } from '../admin/routes';
import type { Engine } from '../core/engine';

const METHOD_ORDER = ['GET', 'POST', 'PUT', 'DELETE'] as const;

function routesOf(engine: Engine, prefix: string): string[] {
  return engine.spec.operations.map((op) => `  ${op.method.padEnd(7)}${prefix}${op.pathTemplate}  ${op.operationId}`);
}

/** The admin routes by method: GETs on one line, every other method on the next. */
function adminLines(): string[] {
  const groups = METHOD_ORDER.map((method) => ({
    method,
    paths: ADMIN_ROUTES.filter((r) => r.method === method)
      .map((r) => r.path)
      .join(', '),
  })).filter((g) => g.paths);
  const [first, ...rest] = groups;
  return [`  ${first.method.padEnd(7)}${first.paths}`, `  ${rest.map((g, i) => `${i === 0 ? g.method.padEnd(7) : `${g.method} `}${g.paths}`).join('   ')}`];
}

export interface RouteTableInput {
  root?: string;
  apiPorts: Partial<Record<string, number>>;
  engines: Map<string, Engine>;
  /** Each extra port's URL, once listening. */
  bound: Partial<Record<string, string>>;
}

/** Human-readable route table, printed at start-up: the main port's routes, then each extra port's. */
export function routeTable({ root, apiPorts, engines, bound }: RouteTableInput): string {
  const lines: string[] = [];
  for (const [name, engine] of engines) {
    lines.push(`${name} (${engine.spec.title})`, ...routesOf(engine, root ? '' : `/${name}`));
  }
  lines.push('admin', ...adminLines());
  for (const [api, port] of Object.entries(apiPorts) as [string, number][]) {
    const where = bound[api] ?? (port === 0 ? 'a free port' : `port ${port}`);
    lines.push(`${api} at the root of ${where} (--api-port; same state as the main port, no /__admin)`, ...routesOf(engines.get(api)!, ''));
  }
  return lines.join('\n');
}
