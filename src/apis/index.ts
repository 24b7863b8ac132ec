import type { Vendor } from '../vendor';
import { altr } from './altr';
import { altrContract } from './altr/contract';
import { droplit } from './droplit';
import { droplitContract } from './droplit/contract';
import { ignisign } from './ignisign';
import { ignisignContract } from './ignisign/contract';
import { losant } from './losant';
import { losantContract } from './losant/contract';
import { signatures } from './signatures';
import { signaturesContract } from './signatures/contract';

// The one list of vendors. A vendor is its folder under src/apis/ and its spec under specs/; the
// core and the contract runner take what this registry hands them and never name a vendor.

export const VENDORS = {
  ignisign: { module: ignisign, contract: ignisignContract },
  altr: { module: altr, contract: altrContract },
  signatures: { module: signatures, contract: signaturesContract },
  losant: { module: losant, contract: losantContract },
  droplit: { module: droplit, contract: droplitContract },
} satisfies Record<string, Vendor>;

export type ApiName = keyof typeof VENDORS;

export const API_NAMES = Object.keys(VENDORS) as ApiName[];

/** The mock modules by name (what the engines are built from). */
export const API_MODULES = Object.fromEntries(API_NAMES.map((name) => [name, VENDORS[name].module])) as Record<ApiName, (typeof VENDORS)[ApiName]['module']>;
