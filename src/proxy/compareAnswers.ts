import { mediaTypeOf } from '../core/validators';
import type { Violation } from './checkExchange';
import type { FieldKindOf } from './fieldKinds';
import type { IdMap } from './idMap';

// Where two answers to the same request differ, by rule: status, envelope (the error's shape),
// schema (a spec problem one side has and the other not), field (a stable body field's value).
// `vendor` is the recorded or live side, `mock` the side it is compared against.

export type DifferenceRule = 'status' | 'envelope' | 'schema' | 'field';

export interface Difference {
  rule: DifferenceRule;
  pointer: string;
  vendor: string;
  mock: string;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  /** The parsed JSON body, when there is one. */
  json?: unknown;
  /** Its spec problems (response side). */
  violations: Violation[];
}

const show = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value).slice(0, 200));

/** A value's shape: its keys, nested, and the types at its leaves; arrays by their first item. */
function shape(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length ? shape(value[0]) : ''}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${k}:${shape((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return value === null ? 'null' : typeof value;
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function compareValues(
  vendor: unknown,
  mock: unknown,
  pointer: string,
  name: string,
  ctx: { kinds: FieldKindOf; ids: IdMap; isError: boolean; out: Difference[] },
): void {
  if (vendor === undefined || mock === undefined) {
    if (vendor !== mock) ctx.out.push({ rule: 'field', pointer, vendor: show(vendor), mock: show(mock) });
    return;
  }
  if (Array.isArray(vendor) && Array.isArray(mock)) {
    if (vendor.length !== mock.length) ctx.out.push({ rule: 'field', pointer, vendor: `${vendor.length} items`, mock: `${mock.length} items` });
    for (let i = 0; i < Math.min(vendor.length, mock.length); i++) compareValues(vendor[i], mock[i], `${pointer}/${i}`, name, ctx);
    return;
  }
  if (vendor && mock && typeof vendor === 'object' && typeof mock === 'object' && !Array.isArray(vendor) && !Array.isArray(mock)) {
    const v = vendor as Record<string, unknown>;
    const m = mock as Record<string, unknown>;
    for (const key of new Set([...Object.keys(v), ...Object.keys(m)])) compareValues(v[key], m[key], `${pointer}/${escape(key)}`, key, ctx);
    return;
  }
  const kind = ctx.kinds(name, vendor, ctx.isError);
  if (kind === 'exact' || typeof vendor !== typeof mock || typeof vendor === 'object') {
    if (JSON.stringify(vendor) !== JSON.stringify(mock)) ctx.out.push({ rule: 'field', pointer, vendor: show(vendor), mock: show(mock) });
    return;
  }
  if (kind !== 'id') return;
  const from = String(vendor);
  const to = String(mock);
  const known = ctx.ids.get(from);
  // The same vendor id met again must be the same mock id: one made earlier, not just any id.
  if (known !== undefined && known !== to) ctx.out.push({ rule: 'field', pointer, vendor: show(vendor), mock: `${show(mock)} (expected ${show(known)})` });
  else ctx.ids.learn(from, to);
}

function problemKey(v: Violation): string {
  return `${v.pointer} ${v.message}`;
}

export function compareAnswers(vendor: Answer, mock: Answer, kinds: FieldKindOf, ids: IdMap): Difference[] {
  const out: Difference[] = [];
  if (vendor.status !== mock.status) out.push({ rule: 'status', pointer: '/status', vendor: String(vendor.status), mock: String(mock.status) });
  const vendorType = mediaTypeOf(vendor.headers['content-type']);
  const mockType = mediaTypeOf(mock.headers['content-type']);
  if (vendorType !== mockType) out.push({ rule: 'field', pointer: '/headers/content-type', vendor: vendorType || '(none)', mock: mockType || '(none)' });
  const bothErrors = vendor.status >= 400 && mock.status >= 400;
  const shapesDiffer = bothErrors && shape(vendor.json) !== shape(mock.json);
  if (shapesDiffer) out.push({ rule: 'envelope', pointer: '/body', vendor: shape(vendor.json), mock: shape(mock.json) });
  const vendorProblems = new Map(vendor.violations.filter((v) => v.in === 'response').map((v) => [problemKey(v), v]));
  const mockProblems = new Map(mock.violations.filter((v) => v.in === 'response').map((v) => [problemKey(v), v]));
  for (const [key, v] of vendorProblems) if (!mockProblems.has(key)) out.push({ rule: 'schema', pointer: v.pointer, vendor: v.message, mock: 'valid' });
  for (const [key, v] of mockProblems) if (!vendorProblems.has(key)) out.push({ rule: 'schema', pointer: v.pointer, vendor: 'valid', mock: v.message });
  // Field by field only where both sides answered alike: another status or envelope is already the difference.
  if (vendor.status === mock.status && !shapesDiffer) compareValues(vendor.json, mock.json, '/body', '', { kinds, ids, isError: vendor.status >= 400, out });
  return out;
}
