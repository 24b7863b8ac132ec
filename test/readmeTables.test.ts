import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_ROUTES } from '../src/admin/routes';
import { STANDIN_ERRORS } from '../src/core/standinErrors';
import { PACKAGE_ROOT } from '../src/paths';
import { PROXY_ADMIN_ROUTES } from '../src/proxy/driftAnswer';

// The README's admin table and the route tables (the mock's and the proxy's own) say the same:
// every route standin answers is documented, and every documented route is answered. Likewise its
// error table and the error catalogue, code for code and status for status.

/** The section under the heading that starts with `title`, up to the next heading of any level. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n### ${title}`);
  if (start === -1) throw new Error(`README has no "### ${title}" section`);
  const next = markdown.slice(start + 1).search(/\n#{1,6} /);
  return next === -1 ? markdown.slice(start) : markdown.slice(start, start + 1 + next);
}

/**
 * "METHOD /__admin/path" for each route the table's first column names: `GET /__admin/journal?api=`
 * is GET /__admin/journal, a bare `DELETE` after it is DELETE on the same path, a `{body}` is dropped.
 */
function documentedRoutes(markdown: string): string[] {
  const routes: string[] = [];
  for (const row of section(markdown, 'Admin API')
    .split('\n')
    .filter((line) => line.startsWith('| `'))) {
    let path: string | undefined;
    for (const [, code] of row.split('|')[1].matchAll(/`([^`]+)`/g)) {
      const full = /^(GET|POST|PUT|DELETE|PATCH) (\/__admin\/[^\s?{]*)/.exec(code);
      if (full) path = full[2];
      const method = full?.[1] ?? /^(GET|POST|PUT|DELETE|PATCH)$/.exec(code)?.[1];
      if (method && path) routes.push(`${method} ${path}`);
    }
  }
  return routes;
}

describe('README admin routes', () => {
  const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');
  const documented = documentedRoutes(readme);
  const served = [...ADMIN_ROUTES, ...PROXY_ADMIN_ROUTES].map((route) => `${route.method} ${route.path}`);

  it('reads the README table (a guard on the parser itself)', () => {
    expect(documented.length).toBeGreaterThan(5);
  });

  it('documents every admin route standin answers', () => {
    expect(served.filter((route) => !documented.includes(route))).toEqual([]);
  });

  it('lists no admin route standin does not answer', () => {
    expect(documented.filter((route) => !served.includes(route))).toEqual([]);
  });
});

describe("README's standin error table", () => {
  const rows = section(readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8'), "standin's own errors")
    .split('\n')
    .map((line) => /^\| `(\w+)` \| (\d{3}) \|/.exec(line))
    .filter((match) => match !== null)
    .map((match) => `${match[1]} ${match[2]}`);

  it('lists every catalogued code with its status, and nothing else', () => {
    const catalogued = Object.entries(STANDIN_ERRORS).map(([code, { status }]) => `${code} ${status}`);
    expect(rows.sort()).toEqual(catalogued.sort());
  });
});
