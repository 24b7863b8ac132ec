import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { standinError } from '../../core/standinErrors';
import type { EngineResponse } from '../../core/types';
import { PACKAGE_ROOT } from '../../paths';
import type { AdminCall } from '../call';

// The dashboard's files, served from the package's source tree (tsc copies no HTML, JS or CSS into
// dist) and swagger-ui-dist's from node_modules, so the page needs no build step and no network.

interface Asset {
  body: Buffer;
  headers: Record<string, string>;
}

const UI_DIR = join(PACKAGE_ROOT, 'src', 'admin', 'ui');
const SWAGGER_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

// Journal bodies are hostile input: even if one were ever put into the page as markup, nothing it
// carries could run or reach out (no inline script, no other origin).
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function asset(body: Buffer, type: string, cacheControl: string): Asset {
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  const headers: Record<string, string> = { 'content-type': TYPES[type]!, 'cache-control': cacheControl, etag, 'x-content-type-options': 'nosniff' };
  if (type === 'html') headers['content-security-policy'] = CSP;
  return { body, headers };
}

let files: Map<string, Asset> | undefined;

/** Read once, on the first dashboard request: a standin nobody opens the dashboard of never holds the 1.5 MB bundle. */
function staticFiles(): Map<string, Asset> {
  if (files) return files;
  const own = (name: string) => asset(readFileSync(join(UI_DIR, name)), name.split('.').pop()!, 'no-cache');
  // swagger-ui's files change only with the installed version, which the ETag follows.
  const swagger = (name: string) => asset(readFileSync(join(SWAGGER_DIR, name)), name.split('.').pop()!, 'public, max-age=86400');
  files = new Map([
    ['index.html', own('index.html')],
    ['app.js', own('app.js')],
    ['style.css', own('style.css')],
    ['swagger-ui.css', swagger('swagger-ui.css')],
    ['swagger-ui-bundle.js', swagger('swagger-ui-bundle.js')],
  ]);
  return files;
}

const SPEC_SUFFIX = '.openapi.json';
const specs = new WeakMap<object, Asset>();

/** The loaded spec as JSON, its `servers` pointing at the API's prefix here (or '/' for the root API), so "Try it out" calls this standin. */
function specAsset(call: AdminCall, api: string): Asset | undefined {
  const engine = call.deps.engines.get(api);
  if (!engine) return undefined;
  let found = specs.get(engine);
  if (!found) {
    const document = { ...engine.spec.document, servers: [{ url: call.deps.root === api ? '/' : `/${api}`, description: 'this standin' }] };
    found = asset(Buffer.from(JSON.stringify(document)), 'json', 'no-cache');
    specs.set(engine, found);
  }
  return found;
}

/** GET /__admin/ui/<file>: the page (for /__admin/ui/ itself), its script and styles, Swagger UI, and `<api>.openapi.json`. */
export function serveUi(call: AdminCall): EngineResponse {
  const name = call.arg || 'index.html';
  const found = name.endsWith(SPEC_SUFFIX) ? specAsset(call, name.slice(0, -SPEC_SUFFIX.length)) : staticFiles().get(name);
  if (!found) return standinError('NotFound', `the dashboard has no file '${name}'`);
  if (call.request.headers['if-none-match'] === found.headers.etag)
    return { status: 304, headers: { etag: found.headers.etag!, 'cache-control': found.headers['cache-control']! } };
  return { status: 200, headers: found.headers, body: found.body };
}
