import { mergeDescending, SortedIndex } from '../../core/sortedIndex';

// The ncanode signature store: one signature per (document, thread), versioned with optimistic
// concurrency, every version kept in its chain. No HTTP here; handlers translate the outcomes.

export interface SignatureVersion {
  readonly version: number;
  readonly cms: string;
  readonly createdBy: string | null;
  readonly comment: string | null;
  readonly tags: readonly string[];
  /** version_created_at */
  readonly createdAtMs: number;
}

export interface SignatureRecord {
  readonly id: number;
  readonly document: string;
  readonly thread: string;
  readonly createdAtMs: number;
  /** created_at truncated to the second: what clients see, so what lists order by. */
  readonly createdSec: number;
  updatedAtMs: number;
  /** Every version, oldest first; the last one is the current version. */
  readonly chain: SignatureVersion[];
}

export interface SaveInput {
  document: string;
  thread: string;
  cms: string;
  /** Ignored on the first save of a pair; must equal the stored version afterwards. */
  version?: number;
  createdBy?: string | null;
  comment?: string | null;
  tags?: readonly string[];
}

export type SaveOutcome =
  | { ok: true; created: boolean; signature: SignatureRecord }
  | { ok: false; reason: 'versionMissing' }
  | { ok: false; reason: 'versionMismatch'; actual: number };

/** A whole signature at once, for bulk seeding: versions oldest first, numbered 1.. in that order. */
export interface ChainInput {
  document: string;
  thread: string;
  versions: ReadonlyArray<{ cms: string; createdBy: string | null; comment: string | null; tags: readonly string[]; at: number }>;
}

export interface ListFilter {
  document?: string;
  /** The thread (the list route calls it `chain`). */
  thread?: string;
  /** Any of these tags. */
  tags?: readonly string[];
}

export interface ListPage {
  /** 0 means none. */
  offset?: number;
  /** 0 means no limit. */
  limit?: number;
  /** Also return the number of matches before paging. */
  count?: boolean;
}

export interface ListResult {
  items: SignatureRecord[];
  total?: number;
}

interface Source {
  /** Number of records walked (an upper bound on the matches). */
  size: number;
  /** True when every record walked matches, so no per-record check and size is the total. */
  exact: boolean;
  walk(): Iterable<SignatureRecord>;
  /** Number of matches, for `count` when not exact. */
  count(): number;
}

export function currentVersion(signature: SignatureRecord): SignatureVersion {
  return signature.chain[signature.chain.length - 1];
}

type Index = SortedIndex<SignatureRecord>;

/** Creation order, so an index walked descending lists newest first (ties by id). */
const byCreation = (a: SignatureRecord, b: SignatureRecord) => a.createdSec - b.createdSec || a.id - b.id;

function indexIn(map: Map<string, Index>, key: string): Index {
  let index = map.get(key);
  if (!index) map.set(key, (index = new SortedIndex(byCreation)));
  return index;
}

function removeFrom(map: Map<string, Index>, key: string, signature: SignatureRecord): void {
  const index = map.get(key);
  if (!index) return;
  index.remove(signature);
  if (index.size === 0) map.delete(key); // unused tags/documents must not pin memory
}

/** Tags are a set on the real service (one row per name); keep the first occurrence's order. */
function normalizeTags(tags: readonly string[] | undefined): string[] {
  return [...new Set(tags ?? [])];
}

/**
 * How many current versions carry each tag list. Tags come from small vocabularies, so there are
 * few distinct lists: a count of "any of these tags" sums a handful of entries instead of walking
 * hundreds of thousands of records. Versions share the list's frozen array, which also keeps a
 * million records from holding a million copies of the same two tags.
 */
class TagSets {
  private readonly sets = new Map<string, { tags: readonly string[]; count: number }>();

  get size(): number {
    return this.sets.size;
  }

  /** The shared frozen copy of `tags` (already normalized). */
  intern(tags: readonly string[]): readonly string[] {
    return this.sets.get(JSON.stringify(tags))?.tags ?? Object.freeze([...tags]);
  }

  add(tags: readonly string[], delta: 1 | -1): void {
    const key = JSON.stringify(tags); // unambiguous whatever characters the tags hold
    const entry = this.sets.get(key);
    if (!entry) {
      if (delta > 0) this.sets.set(key, { tags: Object.isFrozen(tags) ? tags : Object.freeze([...tags]), count: 1 });
      return;
    }
    entry.count += delta;
    if (entry.count <= 0) this.sets.delete(key);
  }

  /** Current versions carrying any of `tags`. */
  countAny(tags: ReadonlySet<string>): number {
    let n = 0;
    for (const { tags: list, count } of this.sets.values()) if (list.some((t) => tags.has(t))) n += count;
    return n;
  }
}

const EMPTY: Source = { size: 0, exact: true, walk: () => [], count: () => 0 };

function single(index: Index | undefined, exact: boolean, matches: (s: SignatureRecord) => boolean): Source {
  if (!index) return EMPTY;
  return { size: index.size, exact, walk: () => index.descending(), count: () => index.countWhere(matches) };
}

/** Signatures with any of `tags`: a merge of the tag indexes, each record once. */
function tagUnion(tags: string[], byTag: Map<string, Index>, tagSets: TagSets, onlyFilter: boolean, matches: (s: SignatureRecord) => boolean): Source {
  const known = tags.filter((tag) => byTag.has(tag));
  if (!known.length) return EMPTY;
  const indexes = known.map((tag) => byTag.get(tag)!);
  if (indexes.length === 1) return single(indexes[0], onlyFilter, matches);
  const size = indexes.reduce((sum, index) => sum + index.size, 0);
  return {
    size,
    exact: false,
    walk: () => mergeDescending(indexes),
    // With tags the only filter, the count is a sum over the distinct tag lists (few). Otherwise a
    // record is counted in the first of the given tags' indexes it appears in, without merging.
    count: () =>
      onlyFilter && tagSets.size < size
        ? tagSets.countAny(new Set(known))
        : indexes.reduce((sum, index, i) => {
            const earlier = known.slice(0, i);
            const first = (s: SignatureRecord) => !earlier.some((t) => currentVersion(s).tags.includes(t));
            if (onlyFilter) return sum + (i === 0 ? index.size : index.countWhere(first));
            return sum + index.countWhere((s) => matches(s) && first(s));
          }, 0),
  };
}

export class SignatureStore {
  private nextId = 1;
  private readonly byId = new Map<number, SignatureRecord>();
  private readonly byPair = new Map<string, Map<string, SignatureRecord>>();
  private readonly all: Index = new SortedIndex(byCreation);
  private readonly byDocument = new Map<string, Index>();
  private readonly byThread = new Map<string, Index>();
  private readonly byTag = new Map<string, Index>();
  private readonly tagSets = new TagSets();

  get size(): number {
    return this.byId.size;
  }

  get(document: string, thread: string): SignatureRecord | undefined {
    return this.byPair.get(document)?.get(thread);
  }

  /** Every signature in id order (creation order). */
  values(): IterableIterator<SignatureRecord> {
    return this.byId.values();
  }

  /**
   * Creates version 1 of a new pair, or adds a version to an existing one when `version` equals the
   * stored one. Synchronous, so the check and the write cannot interleave with another request.
   */
  save(input: SaveInput, now: Date): SaveOutcome {
    const at = now.getTime();
    const tags = this.tagSets.intern(normalizeTags(input.tags));
    const existing = this.get(input.document, input.thread);
    const next = (version: number): SignatureVersion => ({
      version,
      cms: input.cms,
      createdBy: input.createdBy ?? null,
      comment: input.comment ?? null,
      tags,
      createdAtMs: at,
    });
    if (!existing) {
      const signature: SignatureRecord = {
        id: this.nextId++,
        document: input.document,
        thread: input.thread,
        createdAtMs: at,
        createdSec: Math.floor(at / 1000),
        updatedAtMs: at,
        chain: [next(1)],
      };
      this.insert(signature);
      return { ok: true, created: true, signature };
    }
    const current = currentVersion(existing);
    // The vendor tests `!$version`, so 0 counts as missing.
    if (input.version === undefined || input.version === 0) return { ok: false, reason: 'versionMissing' };
    if (input.version !== current.version) return { ok: false, reason: 'versionMismatch', actual: current.version };
    for (const tag of current.tags) removeFrom(this.byTag, tag, existing);
    this.tagSets.add(current.tags, -1);
    existing.chain.push(next(current.version + 1));
    existing.updatedAtMs = at;
    for (const tag of tags) indexIn(this.byTag, tag).add(existing);
    this.tagSets.add(tags, 1);
    return { ok: true, created: false, signature: existing };
  }

  /** Deletes the signature and its whole chain; false when there was none. */
  remove(document: string, thread: string): boolean {
    const signature = this.get(document, thread);
    if (!signature) return false;
    const threads = this.byPair.get(document)!;
    threads.delete(thread);
    if (threads.size === 0) this.byPair.delete(document);
    this.byId.delete(signature.id);
    this.all.remove(signature);
    removeFrom(this.byDocument, document, signature);
    removeFrom(this.byThread, thread, signature);
    for (const tag of currentVersion(signature).tags) removeFrom(this.byTag, tag, signature);
    this.tagSets.add(currentVersion(signature).tags, -1);
    return true;
  }

  /**
   * Adds a new pair with its whole chain in one step (bulk seeding: one index insert per signature
   * instead of one re-tag per version). Undefined, storing nothing, when the pair already exists.
   */
  add(input: ChainInput): SignatureRecord | undefined {
    if (!input.versions.length || this.get(input.document, input.thread)) return undefined;
    const chain = input.versions.map((v, i): SignatureVersion => ({
      version: i + 1,
      cms: v.cms,
      createdBy: v.createdBy,
      comment: v.comment,
      tags: this.tagSets.intern(normalizeTags(v.tags)),
      createdAtMs: v.at,
    }));
    const first = input.versions[0].at;
    const signature: SignatureRecord = {
      id: this.nextId++,
      document: input.document,
      thread: input.thread,
      createdAtMs: first,
      createdSec: Math.floor(first / 1000),
      updatedAtMs: input.versions[input.versions.length - 1].at,
      chain,
    };
    this.insert(signature);
    return signature;
  }

  /**
   * Current versions, newest first (created_at desc, id desc). Walks the smallest index that covers
   * a filter and checks the other filters per record, so a page costs offset + limit steps (plus a
   * full walk of that index when a total is asked for and cannot be read off an index size).
   */
  list(filter: ListFilter, page: ListPage = {}): ListResult {
    const tags = normalizeTags(filter.tags);
    const active = Number(Boolean(filter.document)) + Number(Boolean(filter.thread)) + Number(tags.length > 0);
    const tagSet = new Set(tags);
    const matches = (s: SignatureRecord) =>
      (!filter.document || s.document === filter.document) &&
      (!filter.thread || s.thread === filter.thread) &&
      (!tagSet.size || currentVersion(s).tags.some((t) => tagSet.has(t)));

    const sources: Source[] = [];
    if (filter.document) sources.push(single(this.byDocument.get(filter.document), active === 1, matches));
    if (filter.thread) sources.push(single(this.byThread.get(filter.thread), active === 1, matches));
    if (tags.length) sources.push(tagUnion(tags, this.byTag, this.tagSets, active === 1, matches));
    if (!sources.length) sources.push(single(this.all, true, matches));
    const source = sources.reduce((best, s) => (s.size < best.size ? s : best));

    const offset = page.offset || 0;
    const limit = page.limit || Infinity;
    const items: SignatureRecord[] = [];
    let seen = 0;
    if (limit > 0 && source.size > offset) {
      for (const signature of source.walk()) {
        if (!source.exact && !matches(signature)) continue;
        if (seen++ >= offset) items.push(signature);
        if (items.length >= limit) break;
      }
    }
    return { items, total: page.count ? (source.exact ? source.size : source.count()) : undefined };
  }

  private insert(signature: SignatureRecord): void {
    this.byId.set(signature.id, signature);
    let threads = this.byPair.get(signature.document);
    if (!threads) this.byPair.set(signature.document, (threads = new Map()));
    threads.set(signature.thread, signature);
    this.all.add(signature);
    indexIn(this.byDocument, signature.document).add(signature);
    indexIn(this.byThread, signature.thread).add(signature);
    for (const tag of currentVersion(signature).tags) indexIn(this.byTag, tag).add(signature);
    this.tagSets.add(currentVersion(signature).tags, 1);
  }
}
