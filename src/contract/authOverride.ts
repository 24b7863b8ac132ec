/**
 * Lets a scenario call with other credentials (another key, a token without the scope) or a
 * deliberately wrong part; each vendor's `authHeaders` reads the fields its scheme has.
 */
export interface AuthOverride {
  /** A bearer or raw token. */
  token?: string;
  /** The key of a key-and-secret scheme. */
  key?: string;
  /** The secret a request is signed with. */
  secret?: string;
  /** The date a signature covers. */
  date?: string;
}
