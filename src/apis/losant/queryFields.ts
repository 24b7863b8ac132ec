import type { Certificate } from './certificate';

// The fields of Losant's advancedApplicationCertQuery (specs/losant.yaml, AdvancedApplicationCertQuery)
// and where each one is read on a stored certificate. queryFields.test.ts holds this table to the
// spec's list, both ways.

/**
 * How a field's values compare: `string` by code point, `id` as lowercase 24-hex (ids are
 * case-insensitive), `date` by time (stored as ISO 8601 text).
 */
export type QueryFieldType = 'string' | 'id' | 'date';

/** A field's value on a certificate: one value, several (an array field), or none (absent). */
export type FieldValue = string | readonly string[] | undefined;

export interface QueryField {
  type: QueryFieldType;
  read(c: Certificate): FieldValue;
}

const absent = (): FieldValue => undefined;

export const QUERY_FIELDS: Readonly<Record<string, QueryField>> = {
  id: { type: 'id', read: (c) => c.id },
  name: { type: 'string', read: (c) => c.name },
  creationDate: { type: 'date', read: (c) => c.creationDate },
  lastUpdated: { type: 'date', read: (c) => c.lastUpdated },
  status: { type: 'string', read: (c) => c.status },
  filterType: { type: 'string', read: (c) => c.filterType },
  pubTopics: { type: 'string', read: (c) => c.pubTopics },
  subTopics: { type: 'string', read: (c) => c.subTopics },
  // Address filtering and the issuer's serial belong to a newer certificate model than the one
  // standin stores: every certificate lacks them [standin choice, written in the spec].
  addressFilterType: { type: 'string', read: absent },
  addresses: { type: 'string', read: absent },
  issuerSerialNumber: { type: 'string', read: absent },
  // The certificate's associated device: standin keeps the 2.8.1 model's `deviceIds` list.
  deviceId: { type: 'id', read: (c) => c.deviceIds },
  serialNumber: { type: 'string', read: (c) => c.certificateInfo.serialNumber },
  fingerprint: { type: 'string', read: (c) => c.certificateInfo.fingerprint },
  commonName: { type: 'string', read: (c) => c.certificateInfo.commonName },
  issuerName: { type: 'string', read: (c) => c.certificateInfo.issuerName },
  notValidBefore: { type: 'date', read: (c) => c.certificateInfo.notValidBefore },
  notValidAfter: { type: 'date', read: (c) => c.certificateInfo.notValidAfter },
};
