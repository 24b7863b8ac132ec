/** The ncanode service takes no credentials. */
export type SignaturesCredentials = Record<string, never>;
