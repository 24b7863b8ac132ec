import { refusedBecause } from '../../core/module';
import type { SpecOperation } from '../../core/spec';
import type { EngineError, EngineResponse, Problem } from '../../core/types';
import type { FilterError } from './parseFilter';

// Droplit's standard error structure: {errorType, errors:[{in?, path, message}]}. Where the vendor
// publishes a wire text for a kind of error (its list page, its sibling devices pages), that text is
// sent; where it publishes only the reference page's category name ("Alias Invalid", ...), the name is
// sent. Problems are mapped by where they failed, never by matching message text.

export interface DroplitErrorItem {
  in?: 'query' | 'body' | 'path' | 'header';
  path: string;
  message: string;
}

export function droplitError(status: number, errorType: string, errors: DroplitErrorItem[]): EngineResponse {
  return { status, body: { errorType, errors } };
}

/** The JSON-pointer root the vendor names when a problem is the body as a whole (devices-create sample). */
const BODY_ROOT = '#';

export const MESSAGES = {
  bodyMissing: 'Body Parameters Missing',
  noQuery: 'No Query String Allowed',
  aliasInvalid: 'Alias Invalid',
  aliasExists: 'Alias Exists',
  metaInvalid: 'Metadata Format Invalid',
  ecosystemMissing: 'Ecosystem Missing',
  // The list page names this error "Ecosystem Invalid" and shows "invalid id" on the wire; the info page
  // words "Environment Invalid" the same way, so both send the wire text.
  invalidId: 'invalid id',
  environmentNotFound: 'Environment Not Found',
  unauthorized: 'Invalid or missing token',
  tokenTypeForbidden: 'This token type may not access this endpoint',
} as const;

/** The devices-create page's wire text for absent required body fields. */
function requiredMissing(fields: string[]): DroplitErrorItem {
  return { in: 'body', path: BODY_ROOT, message: `required properties are missing: ${fields.join(', ')}` };
}

const bodyMissing = (): DroplitErrorItem => ({ in: 'body', path: BODY_ROOT, message: MESSAGES.bodyMissing });

/** Top-level `required` of an operation's JSON request schema, when the spec writes it inline. */
function requiredOf(operation: SpecOperation | undefined): string[] {
  const schema = operation?.requestBody?.content['application/json']?.schema;
  const required = typeof schema === 'object' ? schema.required : undefined;
  return Array.isArray(required) ? required.filter((f): f is string => typeof f === 'string') : [];
}

function named(p: Problem): DroplitErrorItem {
  const top = p.field.split('.')[0];
  if (p.in === 'body' && top === '') return bodyMissing();
  if (p.in === 'body' && top === 'ecosystemId') return { in: 'body', path: 'ecosystemId', message: MESSAGES.bodyMissing };
  if (p.in === 'body' && top === 'alias') return { in: 'body', path: 'alias', message: MESSAGES.aliasInvalid };
  if (p.in === 'body' && top === 'meta') return { in: 'body', path: 'meta', message: MESSAGES.metaInvalid };
  if (p.in === 'query' && top === 'ecosystemId') return { in: 'query', path: 'ecosystemId', message: MESSAGES.invalidId };
  if (p.in === 'path' && top === 'id') return { in: 'path', path: 'id', message: MESSAGES.invalidId };
  return { in: p.in, path: p.field, message: p.message };
}

/**
 * One entry per named problem (ajv may report several keywords for one field), and one entry listing
 * every absent required field, as the vendor's sample does. With no body at all, every required field is absent.
 */
function namedProblems(problems: Problem[], operation: SpecOperation | undefined): DroplitErrorItem[] {
  const absent = new Set<string>();
  const seen = new Set<string>();
  const items: DroplitErrorItem[] = [];
  for (const p of problems) {
    if (p.in === 'body' && p.keyword === 'required') {
      const fields = p.field === '' ? requiredOf(operation) : [p.field];
      for (const field of fields) absent.add(field);
      if (fields.length) continue;
    }
    const item = named(p);
    const key = `${item.in}\u0000${item.path}\u0000${item.message}`;
    if (!seen.has(key)) items.push(item);
    seen.add(key);
  }
  return absent.size ? [requiredMissing([...absent]), ...items] : items;
}

function filterMessage(filter: string, error: FilterError): string {
  switch (error.kind) {
    case 'syntax':
      return `Invalid input '${error.input}' from filter '${filter}'. Expected ${error.expected.map((e) => `'${e}'`).join(',')} after '${error.consumed}'`;
    case 'tooDeep':
      return `Invalid input '${error.input}' from filter '${filter}'. Expected at most ${error.limit} nested operators after '${error.consumed}'`;
    case 'tooLong':
      return `Invalid input from filter: it is longer than ${error.limit} characters`;
  }
}

export const errors = {
  noQueryString: (names: string[]) =>
    refusedBecause(
      droplitError(
        400,
        'InvalidParams',
        (names.length ? names : ['']).map((path) => ({ in: 'query' as const, path, message: MESSAGES.noQuery })),
      ),
      'rule-droplit-no-query',
      `droplit.no-query: this operation takes no query string (sent: ${names.join(', ') || '?'})`,
    ),
  aliasExists: (alias: string, ecosystemId: string) =>
    refusedBecause(
      droplitError(400, 'InvalidBody', [{ in: 'body', path: 'alias', message: MESSAGES.aliasExists }]),
      'rule-droplit-alias-exists',
      `droplit.alias: alias ${alias} already used in ecosystem ${ecosystemId}`,
    ),
  metaInvalid: () =>
    refusedBecause(
      droplitError(400, 'InvalidParams', [{ in: 'body', path: 'meta', message: MESSAGES.metaInvalid }]),
      'rule-droplit-meta-invalid',
      'droplit.meta: meta nests deeper than 99 levels',
    ),
  ecosystemMissing: (id: string) =>
    refusedBecause(
      droplitError(404, 'NotFound', [{ in: 'body', path: 'ecosystemId', message: MESSAGES.ecosystemMissing }]),
      'rule-droplit-ecosystem-missing',
      `droplit.ecosystem: no ecosystem ${id}`,
    ),
  /** The list page documents this 404 as plain text, not the JSON envelope. */
  ecosystemNotFound: (id: string): EngineResponse =>
    refusedBecause({ status: 404, body: `Ecosystem with id ${id} does not exist.` }, 'rule-droplit-list-ecosystem', `droplit.ecosystem: no ecosystem ${id}`),
  filterInvalid: (filter: string, error: FilterError) => {
    const message = filterMessage(filter, error);
    return refusedBecause(droplitError(400, 'InvalidBody', [{ path: 'query', message }]), 'rule-droplit-filter-invalid', `droplit.filter: ${message}`);
  },
  environmentInvalid: (ref: string) =>
    refusedBecause(
      droplitError(400, 'InvalidParams', [{ in: 'path', path: 'id', message: MESSAGES.invalidId }]),
      'rule-droplit-env-ref',
      `droplit.env-ref: ${JSON.stringify(ref)} names environments in several ecosystems, or is malformed`,
    ),
  environmentNotFound: (ref: string) =>
    refusedBecause(
      droplitError(404, 'NotFound', [{ in: 'path', path: 'id', message: MESSAGES.environmentNotFound }]),
      'rule-droplit-env-ref',
      `droplit.env-ref: no environment ${JSON.stringify(ref)}`,
    ),
};

export function renderDroplitError(error: EngineError, env: { operation?: SpecOperation } = {}): EngineResponse {
  switch (error.kind) {
    case 'routeNotFound':
      return droplitError(404, 'NotFound', [{ path: error.path, message: `Cannot ${error.method} ${error.path}` }]);
    case 'methodNotAllowed':
      return droplitError(405, 'MethodNotAllowed', [{ path: error.path, message: `${error.method} is not allowed; use ${error.allow.join(', ')}` }]);
    case 'validation':
      return droplitError(400, 'InvalidParams', namedProblems(error.problems, env.operation));
    case 'malformedBody':
      return droplitError(400, 'InvalidBody', [{ in: 'body', path: BODY_ROOT, message: error.message }]);
    case 'unsupportedMediaType':
      // The create page: a body sent with another content type is not read, so its required fields are absent.
      return droplitError(400, 'InvalidParams', [error.requiredFields.length ? requiredMissing(error.requiredFields) : bodyMissing()]);
    case 'bodyTooLarge':
      return droplitError(413, 'PayloadTooLarge', [{ in: 'body', path: BODY_ROOT, message: `Request body is larger than ${error.limit} bytes` }]);
    case 'internal':
      return droplitError(500, 'InternalError', [{ path: '', message: error.message }]);
    case 'unavailable':
      return droplitError(503, 'ServiceUnavailable', [{ path: '', message: error.message }]);
  }
}
