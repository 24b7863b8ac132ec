import type { SpecOperation } from './spec';

// Routes compiled once from the spec's path templates. A trailing slash is not significant
// ('/api/v1/single/' and '/api/v1/single' are the same route), because vendors document both forms.

export type RouteMatch =
  { kind: 'found'; operation: SpecOperation; params: Record<string, string> } | { kind: 'methodNotAllowed'; allow: string[] } | { kind: 'notFound' };

interface Route {
  regex: RegExp;
  names: string[];
  byMethod: Map<string, SpecOperation>;
  literalSegments: number; // routes with more literal text win over templated ones
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileTemplate(template: string): { regex: RegExp; names: string[]; literalSegments: number } {
  const names: string[] = [];
  let literalSegments = 0;
  const source = trimSlash(template)
    .split('/')
    .map((segment) => {
      const parts = segment.split(/(\{[^}]+\})/).filter(Boolean);
      if (parts.every((p) => !p.startsWith('{'))) literalSegments++;
      return parts
        .map((part) => {
          if (!part.startsWith('{')) return escapeRegex(part);
          names.push(part.slice(1, -1));
          return '([^/]+)';
        })
        .join('');
    })
    .join('/');
  return { regex: new RegExp(`^${source}/?$`), names, literalSegments };
}

export class Router {
  private readonly routes: Route[] = [];
  /**
   * Templates without a parameter, by their path: a path equal to one can match no other route first
   * (routes go most literal first, and one with every segment literal ties only with itself).
   */
  private readonly literal = new Map<string, Route>();

  constructor(operations: SpecOperation[]) {
    const byTemplate = new Map<string, Route>();
    for (const op of operations) {
      const key = trimSlash(op.pathTemplate);
      let route = byTemplate.get(key);
      if (!route) {
        route = { ...compileTemplate(op.pathTemplate), byMethod: new Map() };
        byTemplate.set(key, route);
        this.routes.push(route);
        if (route.names.length === 0) this.literal.set(key, route);
      }
      route.byMethod.set(op.method, op);
    }
    this.routes.sort((a, b) => b.literalSegments - a.literalSegments);
  }

  match(method: string, path: string): RouteMatch {
    const literal = this.literal.get(trimSlash(path));
    if (literal) return found(literal, method, {});
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      for (let i = 0; i < route.names.length; i++) params[route.names[i]] = safeDecode(m[i + 1]);
      return found(route, method, params);
    }
    return { kind: 'notFound' };
  }
}

function found(route: Route, method: string, params: Record<string, string>): RouteMatch {
  const operation = route.byMethod.get(method) ?? (method === 'HEAD' ? route.byMethod.get('GET') : undefined);
  if (!operation) return { kind: 'methodNotAllowed', allow: [...route.byMethod.keys()] };
  return { kind: 'found', operation, params };
}

function safeDecode(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape stays as sent; validation will name it
  }
}
