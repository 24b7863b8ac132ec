import type { JsonSchema } from '../core/openApiDocument';
import type { Spec, SpecOperation, SpecParameter } from '../core/spec';
import type { CallInit } from './client';
import { GENERIC_RULES } from './genericRules';
import type { Scenario } from './scenario';

// Negative cases generated from the specs: for each operation, one request per way its request
// schema can be broken (required field missing, wrong type, enum, pattern, unexpected property).
// A faithful implementation answers each with a documented 4xx in the vendor's envelope.

const PATTERN_BREAKERS = ['!', 'a b', '~~~', 'zzzzzzzzzzzzzzzzzzzzzzzz', '0', 'x'.repeat(300), '-'];
const UNEXPECTED_PROPERTY = 'standin_unexpected_property';
const TYPE_SAMPLES: Array<[string, unknown]> = [
  ['string', 'not-the-right-type'],
  ['integer', 123],
  ['boolean', true],
  ['array', []],
  ['object', {}],
];

/** Field values a live target needs to be real (ids of resources that exist there). */
export type SampleValues = Record<string, string>;

/** What generated requests take from the vendor's contract descriptor. */
export interface RequestSamples {
  sampleValues(creds: unknown): SampleValues;
  /** Headers the vendor's signing sets itself: never filled from an example, never broken. */
  signedHeaders: readonly string[];
}

export interface Mutation {
  label: string;
  /** The parameter or body property the mutation breaks, which a 400 should name. */
  field: string;
  apply(init: CallInit): CallInit;
}

/** A schema object as the spec writes it (not a boolean schema). */
type SchemaObject = Record<string, unknown>;

const refOf = (schema: unknown): string | undefined => {
  const ref = schema ? (schema as { $ref?: unknown }).$ref : undefined;
  return typeof ref === 'string' ? ref : undefined;
};

function resolve(spec: Spec, schema: JsonSchema | undefined): SchemaObject | undefined {
  let current: unknown = schema;
  for (let i = 0; i < 10; i++) {
    const ref = refOf(current);
    if (ref === undefined) break;
    current = spec.schemas[ref.replace('#/components/schemas/', '')];
  }
  return current && typeof current === 'object' ? (current as SchemaObject) : undefined;
}

function typesOf(schema: SchemaObject): string[] | undefined {
  if (schema.type === undefined) return undefined;
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]) as string[];
  return types.includes('number') ? [...types, 'integer'] : types;
}

function wrongType(schema: SchemaObject): unknown {
  const types = typesOf(schema);
  if (!types) return undefined;
  const sample = TYPE_SAMPLES.find(([t]) => !types.includes(t) && !(t === 'integer' && types.includes('number')));
  return sample?.[1];
}

function patternBreaker(schema: SchemaObject): string | undefined {
  if (typeof schema.pattern !== 'string') return undefined;
  const re = new RegExp(schema.pattern, 'u');
  return PATTERN_BREAKERS.find((c) => !re.test(c));
}

function enumBreaker(schema: SchemaObject): string | undefined {
  const values = schema.enum;
  if (!Array.isArray(values) || !values.every((v: unknown) => typeof v === 'string')) return undefined;
  return ['NOT_A_VALID_VALUE', 'not_a_valid_value'].find((c) => !values.includes(c));
}

function paramMutations(spec: Spec, p: SpecParameter): Mutation[] {
  const schema = resolve(spec, p.schema) ?? {};
  const where = p.in === 'header' ? 'headers' : p.in === 'path' ? 'params' : 'query';
  const set =
    (value: unknown) =>
    (init: CallInit): CallInit => ({ ...init, [where]: { ...init[where], [p.name]: String(value) } });
  const out: Mutation[] = [];
  if (p.required && p.in !== 'path') {
    out.push({
      label: `${p.in} '${p.name}' missing`,
      field: p.name,
      apply: (init) => {
        const group: Record<string, unknown> = { ...init[where] };
        delete group[p.name];
        return { ...init, [where]: group };
      },
    });
  }
  const types = typesOf(schema) ?? [];
  // Parameters travel as text, so only a non-string type can be broken by one.
  if (!types.includes('string') && (types.includes('integer') || types.includes('boolean')))
    out.push({ label: `${p.in} '${p.name}' of the wrong type`, field: p.name, apply: set('not-a-number') });
  const e = enumBreaker(schema);
  if (e) out.push({ label: `${p.in} '${p.name}' outside its enum`, field: p.name, apply: set(e) });
  const pat = patternBreaker(schema);
  if (pat !== undefined) out.push({ label: `${p.in} '${p.name}' breaking its pattern`, field: p.name, apply: set(pat) });
  return out;
}

function bodyMutations(spec: Spec, op: SpecOperation): Mutation[] {
  const media = op.requestBody?.content['application/json'];
  const schema = resolve(spec, media?.schema);
  if (!schema || schema.type !== 'object' || !schema.properties) return [];
  const withBody =
    (change: (body: Record<string, unknown>) => void) =>
    (init: CallInit): CallInit => {
      const body = { ...(init.json as Record<string, unknown>) };
      change(body);
      return { ...init, json: body };
    };
  const out: Mutation[] = [];
  for (const name of (schema.required as string[] | undefined) ?? []) {
    out.push({ label: `body '${name}' missing`, field: name, apply: withBody((b) => delete b[name]) });
  }
  for (const [name, raw] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
    const prop = resolve(spec, raw);
    if (!prop) continue;
    const wrong = wrongType(prop);
    if (wrong !== undefined) out.push({ label: `body '${name}' of the wrong type`, field: name, apply: withBody((b) => (b[name] = wrong)) });
    const e = enumBreaker(prop);
    if (e) out.push({ label: `body '${name}' outside its enum`, field: name, apply: withBody((b) => (b[name] = e)) });
    const pat = patternBreaker(prop);
    if (pat !== undefined) out.push({ label: `body '${name}' breaking its pattern`, field: name, apply: withBody((b) => (b[name] = pat)) });
  }
  if (schema.additionalProperties === false) {
    out.push({ label: 'body with a property the schema forbids', field: UNEXPECTED_PROPERTY, apply: withBody((b) => (b[UNEXPECTED_PROPERTY] = 1)) });
  }
  return out;
}

const isSigned = (signedHeaders: readonly string[], name: string) => signedHeaders.includes(name.toLowerCase());

/**
 * A valid request from the spec's examples, with live resource ids swapped in by field name; the
 * signed headers are left to the signing (an example value would only spoil the signature).
 */
export function validInit(op: SpecOperation, values: SampleValues, signedHeaders: readonly string[]): CallInit {
  const pick = (p: SpecParameter) =>
    values[p.name] ?? (typeof p.example === 'string' ? p.example : p.example === undefined ? undefined : JSON.stringify(p.example));
  const params: Record<string, string> = {};
  const query: Record<string, string> = {};
  const headers: Record<string, string> = {};
  for (const p of op.parameters) {
    const value = pick(p);
    if (value === undefined) continue;
    if (p.in === 'path') params[p.name] = value;
    else if (p.in === 'query' && p.required) query[p.name] = value;
    else if (p.in === 'header' && p.required && !isSigned(signedHeaders, p.name)) headers[p.name.toLowerCase()] = value;
  }
  const init: CallInit = { params, query, headers };
  const [mediaType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
  if (!mediaType || !(op.requestBody?.required || media.example !== undefined) || op.method === 'GET') return init;
  if (mediaType === 'application/json') {
    const example = structuredClone(media.example ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(example)) if (values[key] !== undefined) example[key] = values[key];
    init.json = example;
  } else {
    init.body = Buffer.from(String(media.example ?? ''));
    init.headers = { ...headers, 'content-type': mediaType };
  }
  return init;
}

/** A valid request for `op` on a target with these credentials. */
export function validRequest(op: SpecOperation, samples: RequestSamples, creds: unknown): CallInit {
  return validInit(op, samples.sampleValues(creds), samples.signedHeaders);
}

/** Each way the operation's request schema can be broken, one mutation of a valid request each. */
export function operationMutations(spec: Spec, op: SpecOperation, signedHeaders: readonly string[]): Mutation[] {
  return [
    ...op.parameters.filter((p) => p.in !== 'cookie' && !isSigned(signedHeaders, p.name)).flatMap((p) => paramMutations(spec, p)),
    ...bodyMutations(spec, op),
  ];
}

export function negativeScenarios(api: string, spec: Spec, samples: RequestSamples): Scenario[] {
  const scenarios: Scenario[] = [];
  for (const op of spec.operations) {
    const mutations = operationMutations(spec, op, samples.signedHeaders);
    const documented4xx = Object.keys(op.responses).filter((s) => /^4/.test(s));
    for (const m of mutations) {
      scenarios.push({
        api,
        name: `generated: ${op.operationId} with ${m.label} gets a documented 4xx`,
        needs: op.method === 'GET' ? [] : ['writes'],
        // The request schema is the vendor's; where the spec is stricter, it says so as a deviation.
        basis: 'vendor',
        readme: [GENERIC_RULES.schema],
        async run(t) {
          const ex = await t.client.call(op.operationId, { ...m.apply(validRequest(op, samples, t.creds)), invalid: true });
          t.expect.that(
            ex,
            /^4/.test(String(ex.status)) && documented4xx.includes(String(ex.status)),
            `expected a documented 4xx, got ${ex.status}`,
            documented4xx.join(', '),
          );
        },
      });
    }
  }
  return scenarios;
}

/** For each documented 5xx, the vendor envelope when the backend fails (standin's fault injection). */
export function faultScenarios(api: string, spec: Spec, samples: RequestSamples): Scenario[] {
  return spec.operations.flatMap((op) =>
    Object.keys(op.responses)
      .filter((s) => /^5/.test(s))
      .map((status) => ({
        api,
        name: `${op.operationId} answers ${status} in the vendor envelope when the backend fails`,
        needs: ['standin' as const],
        basis: 'vendor' as const,
        readme: [GENERIC_RULES.faults],
        async run(t) {
          await t.fault(op.operationId);
          const ex = await t.client.call(op.operationId, validRequest(op, samples, t.creds));
          t.expect.answer(ex, Number(status));
        },
      })),
  );
}

/** One valid request per operation, for targets that can only be checked for shape (prism mock). */
export function schemaScenarios(api: string, spec: Spec, samples: RequestSamples): Scenario[] {
  return spec.operations.map((op) => ({
    api,
    name: `schema: ${op.operationId} answers a documented response to a valid request`,
    basis: 'vendor' as const,
    readme: [],
    async run(t) {
      const ex = await t.client.call(op.operationId, validRequest(op, samples, t.creds));
      t.expect.that(ex, ex.status < 500, `a valid request got ${ex.status}`, Object.keys(op.responses).join(', '));
    },
  }));
}
