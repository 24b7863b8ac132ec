import type { ContractDescriptor, LiveValues } from './descriptor';

// A live run's endpoints and credentials: a config file, overridden field by field by
// STANDIN_CONTRACT_<API>_<FIELD> variables. Which fields exist is each vendor's descriptor's.

export interface LiveApiConfig {
  baseUrl?: string;
  [field: string]: string | number | undefined;
}

export interface ContractConfig {
  allowWrites?: boolean;
  apis?: Record<string, LiveApiConfig>;
}

/** The variable a field may come from: camelCase becomes UPPER_SNAKE (readOnlyKey -> READ_ONLY_KEY). */
export function envName(api: string, field: string): string {
  return `STANDIN_CONTRACT_${api.toUpperCase()}_${field.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

/** Every field a live config of this vendor reads, baseUrl first. */
function liveFieldNames(contract: ContractDescriptor): string[] {
  return ['baseUrl', ...Object.keys(contract.liveFields)];
}

/** The fields a live run cannot do without, baseUrl first. */
export function requiredLiveFields(contract: ContractDescriptor): string[] {
  return [
    'baseUrl',
    ...Object.entries(contract.liveFields)
      .filter(([, need]) => need === 'required')
      .map(([field]) => field),
  ];
}

/** Merges the config file's values with STANDIN_CONTRACT_<API>_<FIELD> variables (the environment wins). */
export function liveApiConfig(api: string, contract: ContractDescriptor, config: ContractConfig, env: NodeJS.ProcessEnv): LiveApiConfig {
  const out: LiveApiConfig = { ...(config.apis?.[api] ?? {}) };
  for (const field of liveFieldNames(contract)) {
    const value = env[envName(api, field)];
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/** The config's values as the descriptor's `credentials` reads them: strings, or undefined. */
export function liveValues(contract: ContractDescriptor, c: LiveApiConfig): LiveValues {
  return Object.fromEntries(Object.keys(contract.liveFields).map((k) => [k, c[k] === undefined ? undefined : String(c[k])]));
}
