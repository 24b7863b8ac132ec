import { metaOut } from './meta';
import type { Environment } from './store';

// Response bodies built from stored environments. Key order follows the vendor's examples.

export function environmentView(env: Environment, prefix?: string): Record<string, unknown> {
  const view: Record<string, unknown> = { createdAt: env.createdAt, ecosystemId: env.ecosystemId, id: env.id };
  if (env.alias !== undefined) view.alias = env.alias;
  view.meta = metaOut(env.meta, prefix);
  return view;
}

export function listItemView(env: Environment): Record<string, unknown> {
  const view: Record<string, unknown> = { id: env.id, ecosystemId: env.ecosystemId };
  if (env.alias !== undefined) view.alias = env.alias;
  view.meta = env.meta;
  view.createdAt = env.createdAt;
  // standin models no edge devices.
  view.edgeIds = [];
  return view;
}
