import type { ApiModule } from './core/module';
import type { ContractDescriptor } from './contract/descriptor';

/** What a vendor folder hands the registry: the mock's module and its contract descriptor. */
export interface Vendor {
  module: ApiModule;
  /** What `standin contract` knows of the vendor: credentials, auth, envelope, scenarios. */
  contract: ContractDescriptor;
}

export type Vendors = Record<string, Vendor>;

/** What serving a vendor takes of it: the module. A test's toy vendor need bring nothing else. */
export type ServedVendor = Pick<Vendor, 'module'>;

export type ServedVendors = Record<string, ServedVendor>;
