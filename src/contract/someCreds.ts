/**
 * Some vendor's credentials, in a list that holds several vendors. Scenarios and descriptors take
 * their credentials as a parameter, so a Scenario<AltrCreds> is not a Scenario<unknown>, and
 * TypeScript has no existential type to say "each with its own": the defaults are this.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the existential described above
export type SomeCreds = any;
