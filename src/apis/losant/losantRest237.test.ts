import { describeLosantRest } from './testing/losantRestScenario';

// losant-rest 2.3.7 (installed as the alias losant-rest-2.3.7), the oldest release the registry has:
// the same scenario as 2.8.1, unmodified client.
describeLosantRest('2.3.7', require('losant-rest-2.3.7'));
