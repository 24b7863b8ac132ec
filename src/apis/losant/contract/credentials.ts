/** What a Losant call needs: a token and the application; the other tokens unlock the scope scenarios. */
export interface LosantCredentials {
  token: string;
  readToken?: string;
  noScopeToken?: string;
  /** A token holding only a `*.bounded` scope (e.g. all.Application.bounded), which every certificate operation accepts. */
  boundedToken?: string;
  applicationId: string;
}

/** The documented demo tokens and application standin accepts. */
export const LOSANT_DEMO_CREDENTIALS: LosantCredentials = {
  token: 'losant-demo-all',
  readToken: 'losant-demo-read',
  noScopeToken: 'losant-demo-none',
  boundedToken: 'losant-demo-bounded',
  applicationId: '575ec8687ae143cd83dc4a97',
};

/** What a Losant scenario may need of the credentials: tokens with read-only and with no scope. */
export type LosantNeed = 'scoped-tokens';
