import type { components, operations } from '../../types/droplit';
import type { RequestBody } from '../../types/helpers';
import { frozenMeta, type Meta } from './frozenMeta';

// Droplit state and its invariants, with no HTTP: tokens, ecosystems, and environments whose aliases
// are unique per ecosystem. Every single-record lookup goes through a Map; lists read one ecosystem's
// own index, so their cost does not grow with the other ecosystems.

export type TokenType = 'account' | 'server' | 'user' | 'client' | 'authentication';
export type { Meta };

/** `meta` objects are frozen copies, replaced on update, never changed in place, so a response may share them. */
export interface Environment {
  id: string;
  ecosystemId: string;
  alias?: string;
  meta: Meta;
  createdAt: string;
}

export interface DroplitSeed {
  tokens: Array<{ token: string; type: TokenType }>;
  ecosystems: Array<{ id: string }>;
  environments: Environment[];
}

export type CreateOutcome = { ok: true; environment: Environment } | { ok: false; reason: 'ecosystemMissing' | 'aliasExists' };
export type UpdateOutcome = { ok: true; environment: Environment } | { ok: false; reason: 'aliasExists' };
export type ResolveOutcome = { ok: true; environment: Environment } | { ok: false; reason: 'notFound' | 'ambiguous' };

export type EnvironmentInput = RequestBody<operations['createEnvironment']>;

/** `alias` null removes it and `meta` null clears it; a field left undefined is unchanged. */
export type EnvironmentPatch = components['schemas']['EnvironmentUpdate'];

const REFERENCE_PREFIX = '@';
const SCOPE_SEPARATOR = ';';

function stripReference(part: string): string {
  return part.startsWith(REFERENCE_PREFIX) ? part.slice(1) : part;
}

export class DroplitStore {
  private readonly tokens = new Map<string, TokenType>();
  private readonly byId = new Map<string, Environment>();
  /** ecosystemId -> its environments by id, in creation order (Map keeps insertion order). */
  private readonly byEcosystem = new Map<string, Map<string, Environment>>();
  /** ecosystemId -> alias -> environment id: the uniqueness index. */
  private readonly aliases = new Map<string, Map<string, string>>();
  /** alias -> ids of the environments holding it in any ecosystem, to resolve a bare alias. */
  private readonly aliasHolders = new Map<string, Set<string>>();

  constructor(seed: DroplitSeed) {
    for (const { token, type } of seed.tokens) this.tokens.set(token, type);
    for (const { id } of seed.ecosystems) this.addEcosystem(id);
    for (const env of seed.environments) {
      const outcome = this.insert({ ...env, meta: frozenMeta(env.meta ?? {}) });
      if (!outcome.ok) throw new Error(`fixtures/droplit: environment ${env.id} is invalid (${outcome.reason})`);
    }
  }

  tokenType(token: string): TokenType | undefined {
    return this.tokens.get(token);
  }

  addEcosystem(id: string): void {
    if (this.byEcosystem.has(id)) return;
    this.byEcosystem.set(id, new Map());
    this.aliases.set(id, new Map());
  }

  hasEcosystem(id: string): boolean {
    return this.byEcosystem.has(id);
  }

  /**
   * Checks and inserts in one synchronous step, so of many simultaneous creates with one alias exactly
   * one wins. `newId` is only called once the checks pass, so a refused create consumes no id.
   */
  create(input: EnvironmentInput, newId: () => string, createdAt: string): CreateOutcome {
    if (!this.byEcosystem.has(input.ecosystemId)) return { ok: false, reason: 'ecosystemMissing' };
    if (input.alias !== undefined && this.aliases.get(input.ecosystemId)!.has(input.alias)) return { ok: false, reason: 'aliasExists' };
    let id = newId();
    while (this.byId.has(id)) id = newId();
    const environment: Environment = { id, ecosystemId: input.ecosystemId, meta: frozenMeta(input.meta ?? {}), createdAt };
    if (input.alias !== undefined) environment.alias = input.alias;
    return this.insert(environment);
  }

  update(id: string, patch: EnvironmentPatch): UpdateOutcome {
    const env = this.byId.get(id);
    if (!env) throw new Error(`update of unknown environment ${id}; resolve it first`);
    const ecosystemAliases = this.aliases.get(env.ecosystemId)!;
    if (typeof patch.alias === 'string' && patch.alias !== env.alias && ecosystemAliases.has(patch.alias)) {
      return { ok: false, reason: 'aliasExists' };
    }
    if (patch.alias !== undefined && patch.alias !== env.alias) {
      if (env.alias !== undefined) this.unindexAlias(env);
      if (patch.alias === null) delete env.alias;
      else {
        env.alias = patch.alias;
        this.indexAlias(env);
      }
    }
    if (patch.meta !== undefined) env.meta = frozenMeta(patch.meta ?? {});
    return { ok: true, environment: env };
  }

  /** Removes the environment and frees its alias; false when no environment has this id. */
  delete(id: string): boolean {
    const env = this.byId.get(id);
    if (!env) return false;
    if (env.alias !== undefined) this.unindexAlias(env);
    this.byEcosystem.get(env.ecosystemId)!.delete(id);
    this.byId.delete(id);
    return true;
  }

  get(id: string): Environment | undefined {
    return this.byId.get(id);
  }

  /**
   * Resolves an id or alias reference: an environment id; `<ecosystemId>;<alias>` (either part may carry `@`);
   * or a bare `alias` / `@alias`, which must name exactly one environment across ecosystems.
   */
  resolve(reference: string): ResolveOutcome {
    const separator = reference.indexOf(SCOPE_SEPARATOR);
    if (separator !== -1) {
      const ecosystemId = stripReference(reference.slice(0, separator));
      const alias = stripReference(reference.slice(separator + 1));
      const id = this.aliases.get(ecosystemId)?.get(alias);
      return id === undefined ? { ok: false, reason: 'notFound' } : { ok: true, environment: this.byId.get(id)! };
    }
    if (!reference.startsWith(REFERENCE_PREFIX)) {
      const env = this.byId.get(reference);
      if (env) return { ok: true, environment: env };
    }
    const holders = this.aliasHolders.get(stripReference(reference));
    if (!holders || holders.size === 0) return { ok: false, reason: 'notFound' };
    if (holders.size > 1) return { ok: false, reason: 'ambiguous' };
    const [id] = holders;
    return { ok: true, environment: this.byId.get(id)! };
  }

  /** The ecosystem's environments in creation order, or undefined when the ecosystem is unknown. */
  list(ecosystemId: string): Iterable<Environment> | undefined {
    return this.byEcosystem.get(ecosystemId)?.values();
  }

  findByAlias(ecosystemId: string, alias: string): Environment | undefined {
    const id = this.aliases.get(ecosystemId)?.get(alias);
    return id === undefined ? undefined : this.byId.get(id);
  }

  dump(): unknown {
    return {
      tokens: [...this.tokens.values()].map((type) => ({ type, token: '(redacted)' })),
      ecosystems: [...this.byEcosystem].map(([id, envs]) => ({ id, environments: [...envs.values()].map((e) => structuredClone(e)) })),
    };
  }

  private insert(env: Environment): CreateOutcome {
    const envs = this.byEcosystem.get(env.ecosystemId);
    if (!envs) return { ok: false, reason: 'ecosystemMissing' };
    if (env.alias !== undefined && this.aliases.get(env.ecosystemId)!.has(env.alias)) return { ok: false, reason: 'aliasExists' };
    this.byId.set(env.id, env);
    envs.set(env.id, env);
    if (env.alias !== undefined) this.indexAlias(env);
    return { ok: true, environment: env };
  }

  private indexAlias(env: Environment): void {
    this.aliases.get(env.ecosystemId)!.set(env.alias!, env.id);
    let holders = this.aliasHolders.get(env.alias!);
    if (!holders) this.aliasHolders.set(env.alias!, (holders = new Set()));
    holders.add(env.id);
  }

  private unindexAlias(env: Environment): void {
    this.aliases.get(env.ecosystemId)!.delete(env.alias!);
    const holders = this.aliasHolders.get(env.alias!);
    holders?.delete(env.id);
    if (holders?.size === 0) this.aliasHolders.delete(env.alias!);
  }
}
