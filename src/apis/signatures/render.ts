import type { components } from '../../types/signatures';
import { currentVersion, type SignatureRecord, type SignatureStore, type SignatureVersion } from './store';
import { formatTimestamp } from './time';

// openapi-typescript writes the schema's `properties` beside its `anyOf` (cms or signature) as one
// more member of a union, so the member that holds `id` is the one with every field.
type RenderedSignature = Extract<components['schemas']['Signature'], { id: number }>;

// The wire shape of a signature. The real service names the CMS `cms`, the docs `signature`: both are sent.

export function renderSignature(signature: SignatureRecord) {
  const current = currentVersion(signature);
  return {
    id: signature.id,
    version: current.version,
    document: signature.document,
    thread: signature.thread,
    cms: current.cms,
    signature: current.cms,
    version_created_by: current.createdBy,
    version_created_at: formatTimestamp(current.createdAtMs),
    version_comment: current.comment,
    tags: [...current.tags],
    created_at: formatTimestamp(signature.createdAtMs),
    updated_at: formatTimestamp(signature.updatedAtMs),
  } satisfies RenderedSignature;
}

function renderVersion(version: SignatureVersion) {
  return {
    version: version.version,
    cms: version.cms,
    version_created_by: version.createdBy,
    version_created_at: formatTimestamp(version.createdAtMs),
    version_comment: version.comment,
    tags: [...version.tags],
  };
}

/** /__admin/state/signatures: every signature in id order, with its chain (no route exposes it). */
export function dumpSignatures(store: SignatureStore) {
  return {
    count: store.size,
    signatures: [...store.values()].map((s) => ({ ...renderSignature(s), chain: s.chain.map(renderVersion) })),
  };
}
