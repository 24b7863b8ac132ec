import type { ApiModule } from './core/module';

/** What a vendor folder hands the registry: the mock's module (and, later, its contract descriptor). */
export interface Vendor {
  module: ApiModule;
}

export type Vendors = Record<string, Vendor>;
