import type { ContractDescriptor } from './descriptor';
import type { SomeCreds } from './someCreds';

/**
 * What the contract runner takes of a vendor registry entry (src/apis/index.ts): the spec its mock
 * is built from and its contract descriptor. A registry it is handed may hold any vendors.
 */
export interface ContractVendor<C extends object = SomeCreds> {
  /** `specFile`: the spec's file name under specs/ (or an absolute path). */
  module: { specFile: string };
  contract: ContractDescriptor<C>;
}

export type ContractVendors = Record<string, ContractVendor>;
