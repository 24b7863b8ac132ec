import type { EngineError, EngineResponse, Problem } from '../../core/types';

// Droplit's standard error structure: {errorType, errors:[{in?, path, message}]}. The reference names
// each 400 (Body Parameters Missing, Alias Invalid, ...); this maps the spec's validation problems onto
// those names by where they failed, never by matching message text.

export interface DroplitErrorItem {
  in?: 'query' | 'body' | 'path' | 'header';
  path: string;
  message: string;
}

export function droplitError(status: number, errorType: string, errors: DroplitErrorItem[]): EngineResponse {
  return { status, body: { errorType, errors } };
}

export const MESSAGES = {
  bodyMissing: 'Body Parameters Missing',
  noQuery: 'No Query String Allowed',
  aliasInvalid: 'Alias Invalid',
  aliasExists: 'Alias Exists',
  metaInvalid: 'Metadata Format Invalid',
  ecosystemMissing: 'Ecosystem Missing',
  // The list page names this error "Ecosystem Invalid"; its example, the only wire sample, says "invalid id".
  ecosystemInvalid: 'invalid id',
  environmentInvalid: 'Environment Invalid',
  environmentNotFound: 'Environment Not Found',
  unauthorized: 'Invalid or missing token',
  tokenTypeForbidden: 'This token type may not access this endpoint',
} as const;

function named(p: Problem): DroplitErrorItem {
  const top = p.field.split('.')[0];
  if (p.in === 'body' && (p.keyword === 'required' || top === '' || top === 'ecosystemId')) return { in: 'body', path: top, message: MESSAGES.bodyMissing };
  if (p.in === 'body' && top === 'alias') return { in: 'body', path: 'alias', message: MESSAGES.aliasInvalid };
  if (p.in === 'body' && top === 'meta') return { in: 'body', path: 'meta', message: MESSAGES.metaInvalid };
  if (p.in === 'query' && top === 'ecosystemId') return { in: 'query', path: 'ecosystemId', message: MESSAGES.ecosystemInvalid };
  if (p.in === 'path' && top === 'id') return { in: 'path', path: 'id', message: MESSAGES.environmentInvalid };
  return { in: p.in, path: p.field, message: p.message };
}

/** One entry per named problem: ajv may report several keywords for one field (type and pattern). */
function namedProblems(problems: Problem[]): DroplitErrorItem[] {
  const seen = new Set<string>();
  const items: DroplitErrorItem[] = [];
  for (const item of problems.map(named)) {
    const key = `${item.in}\u0000${item.path}\u0000${item.message}`;
    if (!seen.has(key)) items.push(item);
    seen.add(key);
  }
  return items;
}

export const errors = {
  noQueryString: (names: string[]) =>
    droplitError(400, 'InvalidParams', (names.length ? names : ['']).map((path) => ({ in: 'query' as const, path, message: MESSAGES.noQuery }))),
  aliasExists: () => droplitError(400, 'InvalidBody', [{ in: 'body', path: 'alias', message: MESSAGES.aliasExists }]),
  ecosystemMissing: () => droplitError(404, 'NotFound', [{ in: 'body', path: 'ecosystemId', message: MESSAGES.ecosystemMissing }]),
  ecosystemNotFound: (id: string) => droplitError(404, 'NotFound', [{ in: 'query', path: 'ecosystemId', message: `Ecosystem with id ${id} does not exist.` }]),
  filterInvalid: (filter: string) => droplitError(400, 'InvalidBody', [{ path: 'query', message: `Invalid input '${filter}' from filter` }]),
  environmentInvalid: () => droplitError(400, 'InvalidParams', [{ in: 'path', path: 'id', message: MESSAGES.environmentInvalid }]),
  environmentNotFound: () => droplitError(404, 'NotFound', [{ in: 'path', path: 'id', message: MESSAGES.environmentNotFound }]),
};

export function renderDroplitError(error: EngineError): EngineResponse {
  switch (error.kind) {
    case 'routeNotFound':
      return droplitError(404, 'NotFound', [{ path: error.path, message: `Cannot ${error.method} ${error.path}` }]);
    case 'methodNotAllowed':
      return droplitError(405, 'MethodNotAllowed', [{ path: error.path, message: `${error.method} is not allowed; use ${error.allow.join(', ')}` }]);
    case 'validation':
      return droplitError(400, 'InvalidParams', namedProblems(error.problems));
    case 'malformedBody':
      return droplitError(400, 'InvalidBody', [{ in: 'body', path: '', message: error.message }]);
    case 'unsupportedMediaType': {
      // The reference: "Body Parameters Missing" is what a wrong content-type produces.
      const fields = error.requiredFields.length ? error.requiredFields : [''];
      return droplitError(400, 'InvalidParams', fields.map((path) => ({ in: 'body' as const, path, message: MESSAGES.bodyMissing })));
    }
    case 'bodyTooLarge':
      return droplitError(413, 'PayloadTooLarge', [{ in: 'body', path: '', message: `Request body is larger than ${error.limit} bytes` }]);
    case 'internal':
      return droplitError(500, 'InternalError', [{ path: '', message: error.message }]);
  }
}
