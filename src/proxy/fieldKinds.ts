import type { Spec } from '../core/spec';

// How two answers' fields are compared, decided per field name once per spec: ids and tokens are
// made afresh by each side (compared through the id map), timestamps and clock-derived values
// differ by when they were made (compared by type), error messages are the vendor's prose (compared
// by presence); every other field must be equal.

export type FieldKind = 'id' | 'time' | 'message' | 'exact';

const ID_NAME = /^(id|_id|uuid|guid)$|(Id|_id|ID|Ids|Uuid|Token|_token|Nonce|nonce)$/;
const TIME_NAME = /(At|_at|Date|_date|Time|_time|timestamp|Timestamp|lastUpdated|Expiry|expires|_b64)$|^(date|time|created|updated|timestamp)$/;
const MESSAGE_NAME = /(^|_)message$|Message$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Property names whose schema declares a time or uuid format, anywhere in the spec. */
function formatNames(spec: Spec): { time: Set<string>; id: Set<string> } {
  const time = new Set<string>();
  const id = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const properties = (node as { properties?: Record<string, { format?: string }> }).properties;
    if (properties && typeof properties === 'object') {
      for (const [name, schema] of Object.entries(properties)) {
        const format = schema && typeof schema === 'object' ? schema.format : undefined;
        if (format === 'date-time' || format === 'date' || format === 'time') time.add(name);
        if (format === 'uuid') id.add(name);
      }
    }
    for (const child of Object.values(node)) walk(child);
  };
  walk(spec.document);
  return { time, id };
}

export type FieldKindOf = (name: string, value: unknown, isError: boolean) => FieldKind;

export function fieldKinds(spec: Spec): FieldKindOf {
  const formats = formatNames(spec);
  return (name, value, isError) => {
    if (formats.time.has(name) || TIME_NAME.test(name)) return 'time';
    if (formats.id.has(name) || ID_NAME.test(name)) return 'id';
    if (isError && MESSAGE_NAME.test(name)) return 'message';
    if (typeof value === 'string' && (ISO_TIME.test(value) || UUID.test(value))) return ISO_TIME.test(value) ? 'time' : 'id';
    return 'exact';
  };
}
