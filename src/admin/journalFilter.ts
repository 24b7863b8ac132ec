// The journal's filters, as GET /__admin/journal and /__admin/journal/stream take them in the query,
// read once per call into a predicate over what a ring slot holds (no entry is built to filter it).

export interface JournalFilter {
  api?: string;
  namespace?: string;
  operationId?: string;
  /** An exact status ('401') or a class ('4xx'). */
  status?: string;
  /** Entries after this id ('42'), or after this ISO 8601 time. */
  since?: string | number;
  /** The newest N of those that match. */
  limit?: number | string;
}

/** What a filter looks at: the fields a slot keeps without building its entry. */
export interface Filterable {
  id: number;
  at: number;
  api?: string;
  namespace: string;
  operationId?: string;
  status: number;
}

export interface CompiledFilter {
  matches(slot: Filterable): boolean;
  limit?: number;
}

export class InvalidFilterError extends Error {}

const ISO_TIME = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/;

function statusTest(status: string | undefined): ((s: number) => boolean) | undefined {
  if (status === undefined || status === '') return undefined;
  if (/^[1-5]\d\d$/.test(status)) return (s) => s === Number(status);
  if (/^[1-5]xx$/i.test(status)) {
    const hundreds = Number(status[0]);
    return (s) => Math.floor(s / 100) === hundreds;
  }
  throw new InvalidFilterError(`status must be a status ('401') or a class ('4xx'), not ${JSON.stringify(status)}`);
}

function sinceTest(since: string | number | undefined): ((slot: Filterable) => boolean) | undefined {
  if (since === undefined || since === '') return undefined;
  const text = String(since);
  if (/^\d+$/.test(text)) {
    const id = Number(text);
    return (slot) => slot.id > id;
  }
  const at = ISO_TIME.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(at)) throw new InvalidFilterError(`since must be an entry id or an ISO 8601 time, not ${JSON.stringify(text)}`);
  return (slot) => slot.at > at;
}

function limitOf(limit: number | string | undefined): number | undefined {
  if (limit === undefined || limit === '') return undefined;
  const text = String(limit);
  if (!/^\d+$/.test(text)) throw new InvalidFilterError(`limit must be a whole number, not ${JSON.stringify(text)}`);
  return Number(text) || undefined;
}

/** Throws InvalidFilterError naming the value it cannot read. */
export function compileFilter(filter: JournalFilter = {}): CompiledFilter {
  const status = statusTest(filter.status);
  const since = sinceTest(filter.since);
  const { api, namespace, operationId } = filter;
  return {
    limit: limitOf(filter.limit),
    matches: (slot) =>
      (!api || slot.api === api) &&
      (!namespace || slot.namespace === namespace) &&
      (!operationId || slot.operationId === operationId) &&
      (!status || status(slot.status)) &&
      (!since || since(slot)),
  };
}
