// The parts of an OpenAPI 3.1 document that parseSpec reads, as the YAML parser returns them. Nothing
// here has been checked (Spectral lints the specs), so most fields may be missing, and a `$ref` may
// stand wherever the document allows one.

export type JsonSchema = Record<string, unknown> | boolean;

export interface Ref {
  $ref: string;
}

export type OrRef<T> = T | Ref;

export type Security = Array<Record<string, string[]>>;

type Examples = Record<string, OrRef<{ value?: unknown }>>;

export interface RawParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
  example?: unknown;
  examples?: Examples;
}

export interface RawMedia {
  schema?: JsonSchema;
  example?: unknown;
  examples?: Examples;
}

export interface RawResponse {
  description?: string;
  content?: Record<string, RawMedia>;
  headers?: Record<string, OrRef<{ required?: boolean; schema?: JsonSchema }>>;
}

export interface RawOperation {
  operationId?: string;
  summary?: string;
  parameters?: OrRef<RawParameter>[];
  requestBody?: OrRef<{ required?: boolean; content?: Record<string, RawMedia> }>;
  responses?: Record<string, OrRef<RawResponse>>;
  security?: Security;
}

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export type RawPathItem = { parameters?: OrRef<RawParameter>[] } & Partial<Record<(typeof METHODS)[number], RawOperation>>;

export interface OpenApiDocument {
  info?: { title?: string; [other: string]: unknown };
  paths?: Record<string, OrRef<RawPathItem>>;
  components?: { schemas?: Record<string, JsonSchema> };
  security?: Security;
  /** The rest (openapi, servers, tags, ...), which the engine does not read. */
  [other: string]: unknown;
}
