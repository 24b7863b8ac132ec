/** What an ALTR call needs: a key and its secret; the other keys unlock the permission scenarios. */
export interface AltrCredentials {
  key: string;
  secret: string;
  readOnlyKey?: string;
  readOnlySecret?: string;
  writeOnlyKey?: string;
  writeOnlySecret?: string;
  /** The organization data cap, when known (standin's demo organization). */
  dataCapBytes?: number;
}

/** The documented demo keys standin accepts, and its demo organization's data cap. */
export const ALTR_DEMO_CREDENTIALS: AltrCredentials = {
  key: 'ALTR-demo-rw',
  secret: 'demo-rw-secret',
  readOnlyKey: 'ALTR-demo-ro',
  readOnlySecret: 'demo-ro-secret',
  writeOnlyKey: 'ALTR-demo-wo',
  writeOnlySecret: 'demo-wo-secret',
  dataCapBytes: 1048576,
};

/** What an ALTR scenario may need of the credentials: a read-only key, a write-only key. */
export type AltrNeed = 'readonly-key' | 'writeonly-key';
