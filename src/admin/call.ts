import type { SettableClock } from '../core/clock';
import type { Engine } from '../core/engine';
import type { EngineRequest } from '../core/types';
import type { StateLog } from '../state/stateLog';
import type { Journal } from './journal';

/** A state log in use, with the replay every state change must wait for. */
export interface LogInUse {
  log: StateLog;
  ready: () => Promise<void>;
}

export interface AdminDeps {
  engines: Map<string, Engine>;
  journal: Journal;
  clock: SettableClock;
  adminToken?: string;
  startedAt: number;
  /** The one API served at '/' (`--api NAME`): its reference's `servers` points there. */
  root?: string;
  /** Resets and seeds go through it when state is logged; absent in memory mode. */
  log?: LogInUse;
}

/** One admin request, read once for every route: its JSON body and the namespace it acts on. */
export interface AdminCall {
  deps: AdminDeps;
  request: EngineRequest;
  body: Record<string, unknown>;
  /** The path segment after the route's own (`/state/<api>`). */
  arg?: string;
  /** A field from the body, else the query. */
  pick(name: string): string | undefined;
  /** The body's, the query's, else the x-standin-namespace header's; undefined when none names one. */
  namespace?: string;
  /** {"all": true} (or ?all=true): every namespace, whatever the header says. */
  all: boolean;
  /** The namespace acted on; undefined for every namespace. */
  scope?: string;
}

export const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
