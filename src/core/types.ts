// The engine's plain values. Nothing here knows Express or any vendor: the HTTP adapter (src/http)
// turns a Node request into an EngineRequest and an EngineResponse back into bytes on the wire.

export type Headers = Record<string, string | undefined>;
export type Query = Record<string, string | string[]>;

export interface EngineRequest {
  method: string; // upper case
  path: string; // below the API prefix, still percent-encoded, no query string
  rawQuery: string; // everything after '?', '' when absent
  query: Query;
  headers: Headers; // lower-case names
  body?: Buffer; // raw bytes; undefined when the request had none
  bodyTooLarge?: number; // the adapter's byte limit, set when the body passed it (the body is then dropped)
}

export type ResponseBody = unknown;

/** Why a request was refused, as data for the journal: the rule that refused it and what it said. Never sent on the wire. */
export interface Reason {
  rule: string;
  message: string;
}

export interface EngineResponse {
  status: number;
  headers?: Record<string, string>;
  // A Buffer is sent as bytes, a string as text, a node Readable as a stream, anything else as JSON.
  body?: ResponseBody;
  /** Set on refusals: the journal's explanation. */
  reason?: Reason;
}

export type ParamLocation = 'path' | 'query' | 'header' | 'body';

/** One reason a request or response breaks the spec. */
export interface Problem {
  in: ParamLocation;
  /** Dotted field name inside that location ('alias', 'meta.x', 'tags.0'); '' for the whole part. */
  field: string;
  /** JSON pointer inside that location. */
  pointer: string;
  /** The JSON Schema keyword that failed (required, pattern, type, enum, additionalProperties...). */
  keyword: string;
  message: string;
}

/** Errors the engine raises before a handler runs; each vendor renders them in its own envelope. */
export type EngineError =
  | { kind: 'routeNotFound'; method: string; path: string }
  | { kind: 'methodNotAllowed'; method: string; path: string; allow: string[] }
  | { kind: 'validation'; problems: Problem[] }
  | { kind: 'malformedBody'; message: string }
  | { kind: 'unsupportedMediaType'; contentType: string; expected: string[]; requiredFields: string[] }
  | { kind: 'bodyTooLarge'; limit: number }
  /** `rule` names what failed (an injected fault, the namespace cap) for the journal's reason. */
  | { kind: 'internal'; message: string; rule?: string }
  /** The state log (the data dir's disk, the shared Redis) cannot be reached: 503, worth a retry. */
  | { kind: 'unavailable'; message: string };

export interface Clock {
  now(): Date;
}
