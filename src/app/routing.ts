import type { Engine } from '../core/engine';

// Which owner a path belongs to, as plain values: /__admin, one engine (under its prefix, or at the
// root), or nothing served.

export interface Target {
  engine?: Engine;
  /** The path below the owner's prefix. */
  path: string;
  admin?: boolean;
}

export type Resolver = (pathname: string) => Target;

/** The main port: /__admin, then each API under its prefix, or the `root` API at '/'. */
export function mainResolver(engines: Map<string, Engine>, root: string | undefined): Resolver {
  const rootEngine = root === undefined ? undefined : engines.get(root);
  return (pathname) => {
    if (pathname === '/__admin' || pathname.startsWith('/__admin/')) return { admin: true, path: pathname.slice('/__admin'.length) };
    if (root) return { engine: rootEngine, path: pathname };
    const slash = pathname.indexOf('/', 1);
    const prefix = slash === -1 ? pathname.slice(1) : pathname.slice(1, slash);
    return { engine: engines.get(prefix), path: slash === -1 ? '/' : pathname.slice(slash) };
  };
}

/** One API at the root of its own port: every path is its, and there is no /__admin. */
export function rootResolver(engines: Map<string, Engine>, api: string): Resolver {
  const engine = engines.get(api);
  if (!engine) throw new Error(`'${api}' is not served (serving: ${[...engines.keys()].join(', ')})`);
  return (pathname) => ({ engine, path: pathname });
}
