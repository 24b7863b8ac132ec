import type { ClientVendor } from './client';
import type { SampleValues } from './negative';
import type { Scenario } from './scenario';
import type { SomeCreds } from './someCreds';

// What a vendor folder hands the contract runner (src/apis/<api>/contract/index.ts): everything
// the runner must know of that vendor, so the runner itself names none. How a request is
// authenticated, how its credentials are masked and which error envelope its answers carry come
// from ClientVendor (client.ts), the part the client uses.

/** The live config's values for one API (config file, then environment), as strings. */
export type LiveValues = Record<string, string | undefined>;

/** Why a target's credentials cannot meet a need (a skip reason), or undefined when they can. */
export type NeedCheck<C> = (creds: C) => string | undefined;

export interface ContractDescriptor<C extends object = SomeCreds, N extends string = string> extends ClientVendor<C> {
  /** The documented demo credentials standin accepts (in-process, --base-url and Prism targets). */
  demoCredentials: C;
  /**
   * The live config's fields besides baseUrl, in the order a hint lists them, and whether a live run
   * needs each; each can also come from STANDIN_CONTRACT_<API>_<FIELD> (the field in UPPER_SNAKE).
   */
  liveFields: Record<string, 'required' | 'optional'>;
  /** The credentials of a live run, from its config values (the required ones are present). */
  credentials(live: LiveValues): C;
  /** Request headers the vendor's signing sets itself: generated requests neither fill nor break them. */
  signedHeaders: readonly string[];
  /** The vendor's own scenario needs (beyond writes, standin, standin-itself and creds:<field>). */
  needs: { [K in N]: NeedCheck<C> };
  /** Values a generated request must carry to reach real resources on the target, by field name. */
  sampleValues(creds: C): SampleValues;
  /** The hand-written scenarios, one behaviour rule each, in the order they run. */
  scenarios: Array<Scenario<C, N>>;
}
