import type { Vendor } from '../vendor';
import { altr } from './altr';
import { droplit } from './droplit';
import { ignisign } from './ignisign';
import { losant } from './losant';
import { signatures } from './signatures';

// The one list of vendors. A vendor is its folder under src/apis/ and its spec under specs/; the
// core and the contract runner take what this registry hands them and never name a vendor.

export const VENDORS = {
  ignisign: { module: ignisign },
  altr: { module: altr },
  signatures: { module: signatures },
  losant: { module: losant },
  droplit: { module: droplit },
} satisfies Record<string, Vendor>;

export type ApiName = keyof typeof VENDORS;

export const API_NAMES = Object.keys(VENDORS) as ApiName[];

/** The mock modules by name (what the engines are built from). */
export const API_MODULES = Object.fromEntries(API_NAMES.map((name) => [name, VENDORS[name].module])) as Record<ApiName, (typeof VENDORS)[ApiName]['module']>;
