import type { ContractDescriptor } from '../../src/contract/descriptor';
import { fields, string } from '../../src/contract/envelopeFields';
import type { Scenario } from '../../src/contract/scenario';

// The toy vendor's contract descriptor: what `standin contract` must know of it, and one rule of
// its own. The generic checks (documented status, content type, body schema, generated negative
// cases) come from the runner, driven by toy.yaml alone.

export interface ToyCredentials {
  token: string;
}

const scenarios: Scenario<ToyCredentials, never>[] = [
  {
    api: 'toy',
    name: 'a created thing is listed',
    needs: ['writes'],
    basis: 'vendor',
    async run(t) {
      const name = t.unique('thing');
      const made = await t.client.call('createThing', { json: { name } });
      t.expect.answer(made, 201, { name });
      const listed = await t.client.call('listThings', {});
      const things = (listed.json?.things ?? []) as Array<{ name: string }>;
      t.expect.that(
        listed,
        things.some((thing) => thing.name === name),
        'the list holds the new thing',
      );
    },
  },
];

export const toyContract: ContractDescriptor<ToyCredentials, never> = {
  demoCredentials: { token: 'toy-demo' },
  liveFields: { token: 'required' },
  credentials: (live) => ({ token: live.token! }),
  authHeaders: (creds, _op, _params, override) => ({ authorization: `Token ${override.token ?? creds.token}` }),
  signedHeaders: [],
  needs: {},
  sampleValues: () => ({}),
  envelope: { documented: '{oops: string}', problems: (body, ctx) => fields(body, '/body', { oops: string }, ctx) },
  scenarios,
};
