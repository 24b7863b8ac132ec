import { foldCase } from './foldCase';
import { globMatcher, literalPrefix } from './glob';
import { pageOf } from './listing';
import { descendingPage, SortedIndex } from '../../core/sortedIndex';
import type { Certificate } from './certificate';
import type { FilterField, ListQuery, SortField, TextFilterField } from './listQuery';

// One Losant application's certificates and the indexes its lists read. Lists never sort: the
// certificates are kept sorted by every sort field (all of them, and per status, for the status
// filter), so a page is a slice found by rank and totalCount is an index size.

/** A field's value for sorting and filtering: one monomorphic function per field, as comparators run millions of times in a bulk seed. */
const GETTERS: Record<SortField, (c: Certificate) => string> = {
  name: (c) => c.name,
  'certificateInfo.commonName': (c) => c.certificateInfo.commonName ?? '',
  status: (c) => c.status,
  id: (c) => c.id,
  creationDate: (c) => c.creationDate,
  lastUpdated: (c) => c.lastUpdated,
};
const getter = (field: SortField | FilterField) => GETTERS[field];
export const SORT_FIELDS = Object.keys(GETTERS) as SortField[];

// Code-point order, like a database's binary collation; ISO dates of one format sort chronologically.
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Ties break by id ascending whatever the direction, so paging is stable.
function orderBy(field: SortField, descending = false): (a: Certificate, b: Certificate) => number {
  const sign = descending ? -1 : 1;
  if (field === 'id') return (a, b) => sign * byCodePoint(a.id, b.id);
  const value = getter(field);
  return (a, b) => sign * byCodePoint(value(a), value(b)) || byCodePoint(a.id, b.id);
}

/**
 * `inIdOrder` in (field, id) order when the field has few distinct values (status, a device
 * model's commonName): grouping keeps each group in id order, so no comparison sort is needed.
 */
function groupedBy(inIdOrder: readonly Certificate[], value: (c: Certificate) => string, maxGroups = 1024): Certificate[] | undefined {
  const groups = new Map<string, Certificate[]>();
  for (const c of inIdOrder) {
    const v = value(c);
    let group = groups.get(v);
    if (!group) {
      if (groups.size >= maxGroups) return undefined;
      groups.set(v, (group = []));
    }
    group.push(c);
  }
  return [...groups.keys()].sort(byCodePoint).flatMap((v) => groups.get(v)!);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * `inIdOrder` by a date field: a stable sort of positions by the parsed time, so equal dates stay
 * in id order. Comparing two numbers in one array instead of two strings in two far-apart objects
 * is what makes a million-record sort take a second rather than ten (the cache misses were the cost).
 */
function byDate(inIdOrder: readonly Certificate[], value: (c: Certificate) => string): Certificate[] | undefined {
  const times = new Float64Array(inIdOrder.length);
  for (let i = 0; i < inIdOrder.length; i++) {
    const text = value(inIdOrder[i]);
    times[i] = ISO_DATE.test(text) ? Date.parse(text) : NaN;
    if (Number.isNaN(times[i])) return undefined;
  }
  const positions = Array.from({ length: inIdOrder.length }, (_, i) => i).sort((a, b) => times[a] - times[b]);
  return positions.map((i) => inIdOrder[i]);
}

/**
 * `inIdOrder` in (field, id) order, the cheapest way the values allow. A candidate only: the index
 * checks the order as it takes it (and sorts if, say, two date texts parse to the same time).
 */
function sortedBy(inIdOrder: readonly Certificate[], field: SortField): readonly Certificate[] {
  if (field === 'id') return inIdOrder;
  const value = getter(field);
  return groupedBy(inIdOrder, value) ?? (field === 'creationDate' || field === 'lastUpdated' ? byDate(inIdOrder, value) : undefined) ?? inIdOrder;
}

/** One group of certificates, kept sorted by every sort field. */
class SortedViews {
  private readonly indexes = new Map<SortField, SortedIndex<Certificate>>(SORT_FIELDS.map((field) => [field, new SortedIndex(orderBy(field))]));

  get size(): number {
    return this.indexes.get('id')!.size;
  }

  add(c: Certificate): void {
    for (const index of this.indexes.values()) index.add(c);
  }

  remove(c: Certificate): void {
    for (const index of this.indexes.values()) index.remove(c);
  }

  /** Many new certificates, given in (field, id) order or close to it (bulk seeding). */
  addAll(field: SortField, certificates: readonly Certificate[]): void {
    this.indexes.get(field)!.addAll(certificates);
  }

  page(query: ListQuery, offset: number, limit: number): Certificate[] {
    const index = this.indexes.get(query.sortField)!;
    if (!query.descending) return index.slice(offset, limit);
    return descendingPage(index, getter(query.sortField), offset, limit);
  }
}

const TEXT_FIELDS: TextFilterField[] = ['name', 'certificateInfo.commonName'];
const isTextField = (field: FilterField): field is TextFilterField => field !== 'status';

/** By the case-folded value of a text field, then id: a glob with a literal prefix reads one range of it. */
function foldedIndex(field: TextFilterField): SortedIndex<Certificate> {
  const value = getter(field);
  return new SortedIndex<Certificate>((a, b) => byCodePoint(foldCase(value(a)), foldCase(value(b))) || byCodePoint(a.id, b.id));
}

export class Application {
  /** In insertion order, which dumps keep. */
  readonly byId = new Map<string, Certificate>();
  private readonly all = new SortedViews();
  private readonly byStatus = new Map<string, SortedViews>();
  private readonly folded = new Map<TextFilterField, SortedIndex<Certificate>>(TEXT_FIELDS.map((field) => [field, foldedIndex(field)]));

  /** Adds, or replaces the record with the same id (keeping its place in id-map order, for dumps). */
  add(c: Certificate): void {
    const previous = this.byId.get(c.id);
    if (previous) this.unindex(previous);
    this.byId.set(c.id, c);
    this.all.add(c);
    this.statusViews(c.status).add(c);
    for (const index of this.folded.values()) index.add(c);
  }

  remove(c: Certificate): void {
    this.byId.delete(c.id);
    this.unindex(c);
  }

  /** New ids only (bulk seeding): one sort per index instead of an insert per record. */
  addAll(certificates: readonly Certificate[]): void {
    for (const c of certificates) this.byId.set(c.id, c);
    const inIdOrder = [...certificates].sort(orderBy('id'));
    const statuses = new Set(certificates.map((c) => c.status));
    for (const field of SORT_FIELDS) {
      // One sort per field; each status's share of it is already in order.
      const ordered = sortedBy(inIdOrder, field);
      this.all.addAll(field, ordered);
      for (const status of statuses)
        this.statusViews(status).addAll(
          field,
          ordered.filter((c) => c.status === status),
        );
    }
    for (const [field, index] of this.folded) {
      const value = getter(field);
      index.addAll(groupedBy(inIdOrder, (c) => foldCase(value(c))) ?? inIdOrder);
    }
  }

  list(query: ListQuery): { items: Certificate[]; totalCount: number } {
    const offset = query.page * query.perPage;
    if (query.where) {
      const matches = [...this.byId.values()].filter(query.where);
      return { items: pageOf(matches, orderBy(query.sortField, query.descending), offset, query.perPage), totalCount: matches.length };
    }
    const views = this.viewsFor(query.filter);
    if (views) return { items: views.page(query, offset, query.perPage), totalCount: views.size };
    // A filter no index answers exactly: the candidates it narrows to are filtered and paged.
    const { field, glob } = query.filter!;
    const match = globMatcher(glob);
    const value = getter(field);
    const matches = this.candidates(field, glob).filter((c) => match(value(c)));
    return { items: pageOf(matches, orderBy(query.sortField, query.descending), offset, query.perPage), totalCount: matches.length };
  }

  private unindex(c: Certificate): void {
    this.all.remove(c);
    this.statusViews(c.status).remove(c);
    for (const index of this.folded.values()) index.remove(c);
  }

  /** The views holding exactly the matches, when there are such: no filter, or a status glob. */
  private viewsFor(filter: ListQuery['filter']): SortedViews | undefined {
    if (!filter) return this.all;
    if (filter.field !== 'status') return undefined;
    const match = globMatcher(filter.glob);
    const present = [...this.byStatus].filter(([, views]) => views.size > 0);
    const matching = present.filter(([status]) => match(status));
    if (matching.length === present.length) return this.all;
    if (matching.length === 0) return EMPTY_VIEWS;
    if (matching.length === 1) return matching[0][1];
    return undefined;
  }

  /** Certificates that may match: the range of a text field sharing the glob's literal prefix, or all. */
  private candidates(field: FilterField, glob: string): Certificate[] {
    const prefix = isTextField(field) ? foldCase(literalPrefix(glob)) : '';
    if (!isTextField(field) || !prefix) return [...this.byId.values()];
    const index = this.folded.get(field)!;
    const value = getter(field);
    const fold = (c: Certificate) => foldCase(value(c));
    const start = index.firstRank((c) => fold(c) >= prefix);
    const end = index.firstRank((c) => fold(c) > prefix && !fold(c).startsWith(prefix));
    return index.slice(start, end - start);
  }

  private statusViews(status: string): SortedViews {
    let views = this.byStatus.get(status);
    if (!views) this.byStatus.set(status, (views = new SortedViews()));
    return views;
  }
}

const EMPTY_VIEWS = new SortedViews();
