import type { components } from '../../types/droplit';
import { metaOut } from './meta';
import type { Environment } from './store';

// Response bodies built from stored environments. Key order follows the vendor's examples.

type Schemas = components['schemas'];

export function environmentView(env: Environment, prefix?: string): Schemas['Environment'] {
  return {
    createdAt: env.createdAt,
    ecosystemId: env.ecosystemId,
    id: env.id,
    ...(env.alias !== undefined && { alias: env.alias }),
    meta: metaOut(env.meta, prefix),
  };
}

export function listItemView(env: Environment): Schemas['EnvironmentListItem'] {
  return {
    id: env.id,
    ecosystemId: env.ecosystemId,
    ...(env.alias !== undefined && { alias: env.alias }),
    meta: env.meta,
    createdAt: env.createdAt,
    // standin models no edge devices.
    edgeIds: [],
  };
}
