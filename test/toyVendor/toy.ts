import { join } from 'node:path';
import type { ApiModule } from '../../src/core/module';
import type { EngineError } from '../../src/core/types';
import type { Vendors } from '../../src/vendor';
import { toyContract } from './contract';

// A sixth vendor that lives beside the tests: one module and one spec, served through
// createApp's `vendors` option without touching the registry or the core.

interface Thing {
  id: number;
  name: string;
}

interface ToyState {
  things: Thing[];
}

const STATUS: Partial<Record<EngineError['kind'], number>> = {
  routeNotFound: 404,
  methodNotAllowed: 405,
  validation: 400,
  malformedBody: 400,
  unsupportedMediaType: 415,
  bodyTooLarge: 413,
  unavailable: 503,
};

/** A bulk seed of this many fails, so /__admin/seed's failure path can be reached. */
export const FAILING_SEED_COUNT = 13;

/** The one token the toy accepts, sent as `authorization: Token <token>`. */
export const TOY_TOKEN = 'toy-demo';

const toy: ApiModule<ToyState> = {
  name: 'toy',
  specFile: join(__dirname, 'toy.yaml'),
  createState: () => ({ things: [] }),
  dumpState: (state) => state,
  authenticate: ({ request }) =>
    request.headers.authorization === `Token ${TOY_TOKEN}` ? { ok: true } : { ok: false, response: { status: 401, body: { oops: 'unauthorized' } } },
  renderError(error) {
    // A vendor renderer with a bug: what escapes the engine must still be answered in JSON.
    if (error.kind === 'routeNotFound' && error.path === '/explode') throw new Error('renderer bug');
    const fields = error.kind === 'validation' ? `: ${error.problems.map((p) => p.field).join(', ')}` : '';
    return { status: STATUS[error.kind] ?? 500, body: { oops: `${error.kind}${fields}` } };
  },
  handlers: {
    listThings: (ctx) => ({ status: 200, body: { things: ctx.state.things } }),
    createThing: (ctx) => {
      const thing = { id: ctx.state.things.length + 1, name: ctx.body.name as string };
      ctx.state.things.push(thing);
      return { status: 201, body: thing };
    },
    brokenAnswer: () => ({ status: 200, body: { id: 'not a number' } }),
  },
  seedBulk(state, { count }) {
    if (count === FAILING_SEED_COUNT) throw new Error('the toy seed fails at 13');
    for (let i = 0; i < count; i++) state.things.push({ id: state.things.length + 1, name: `seeded ${i}` });
    return { created: count };
  },
};

/** The same vendor without bulk seeding. */
const plainToy: ApiModule<ToyState> = { ...toy, name: 'plain', seedBulk: undefined };

export const TOY_VENDORS = { toy: { module: toy, contract: toyContract }, plain: { module: plainToy, contract: toyContract } } satisfies Vendors;
