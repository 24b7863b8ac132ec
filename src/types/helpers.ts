// Shorthands over one entry of the `operations` interface that scripts/genTypes.js writes for each
// spec (src/types/<api>.ts): `RequestBody<operations['createEnvironment']>` instead of the path
// through requestBody, content and media type.

/** The parts of a generated operation these shorthands read. */
export interface Operation {
  parameters: { query?: unknown; header?: unknown; path?: unknown; cookie?: unknown };
  requestBody?: { content: Record<string, unknown> };
  responses: Record<number | string, { headers: unknown; content?: Record<string, unknown> }>;
}

/** A parameter group the operation does not declare is empty rather than `never`. */
type Group<T> = [NonNullable<T>] extends [never] ? Record<string, never> : NonNullable<T>;

export type PathParams<Op extends Operation> = Group<Op['parameters']['path']>;

/** As sent; the mock's engine also fills in the spec's defaults, which these types leave optional. */
export type QueryParams<Op extends Operation> = Group<Op['parameters']['query']>;

/** The body of one media type; `undefined` is included when the spec makes the body optional. */
export type RequestBody<Op extends Operation, Media extends string = 'application/json'> = Op['requestBody'] extends infer Body
  ? Body extends { content: infer C }
    ? Media extends keyof C
      ? C[Media]
      : never
    : undefined
  : never;

export type ResponseStatus<Op extends Operation> = keyof Op['responses'];

/** One documented response's body, `undefined` for a response that has none. */
export type ResponseBody<Op extends Operation, Status extends ResponseStatus<Op>, Media extends string = 'application/json'> = Op['responses'][Status] extends {
  content: infer C;
}
  ? Media extends keyof C
    ? C[Media]
    : never
  : undefined;

/**
 * A response value as a mock handler returns it, checked against one documented status:
 * `return { status: 201, body } satisfies Reply<operations['createEnvironment'], 201>`.
 */
export type Reply<Op extends Operation, Status extends ResponseStatus<Op>, Media extends string = 'application/json'> = {
  status: Status;
  headers?: Record<string, string>;
} & (ResponseBody<Op, Status, Media> extends undefined ? { body?: undefined } : { body: ResponseBody<Op, Status, Media> });

/**
 * Parameters after the mock's engine filled in the spec's defaults: name the keys the spec gives a
 * default, e.g. `WithDefaults<QueryParams<Op>, 'page' | 'perPage'>`.
 */
export type WithDefaults<Params, Keys extends keyof Params> = Params & Required<Pick<Params, Keys>>;
