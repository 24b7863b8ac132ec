import { describeLosantRest } from './testing/losantRestScenario';

// losant-rest 2.3.7 (installed as the alias losant-rest-2.3.7), the oldest release the registry has:
// the same scenario as 2.8.1, unmodified client.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- losant-rest ships no types; LosantRest is the part the scenario uses
describeLosantRest('2.3.7', require('losant-rest-2.3.7'));
