/** What a Droplit call needs: an account token and its ecosystem; the others unlock more scenarios. */
export interface DroplitCredentials {
  accountToken: string;
  userToken?: string;
  serverToken?: string;
  /** A token type no environment operation accepts (Droplit's client tokens). */
  clientToken?: string;
  ecosystemId: string;
  /** A second ecosystem the account may create in (aliases are unique per ecosystem only). */
  otherEcosystemId?: string;
}

/** The documented demo tokens and ecosystems standin accepts. */
export const DROPLIT_DEMO_CREDENTIALS: DroplitCredentials = {
  accountToken: 'droplit-demo-account',
  userToken: 'droplit-demo-user',
  serverToken: 'droplit-demo-server',
  clientToken: 'droplit-demo-client',
  ecosystemId: 'C599343aecca8fba8297a3195',
  otherEcosystemId: 'C5a0b1c2d3e4f5a6b7c8d9e0f',
};

/** What a Droplit scenario may need of the credentials: a user token. */
export type DroplitNeed = 'scoped-tokens';
