import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { API_NAMES, type ApiName, VENDORS } from '../apis';
import { createApp } from '../server';
import type { ContractConfig } from './liveConfig';
import { consoleReport, coverageJson, junitReport } from './report';
import { type ContractOptions, passed, runContract } from './runner';

export const CONTRACT_USAGE = `Usage:
  standin contract [options]   check an implementation of the five APIs against the specs

Targets (default: the mock, in-process, no port):
  --base-url URL         a running standin in prefix mode (e.g. http://127.0.0.1:4010)
  --admin-token TOKEN    its /__admin token, if it was started with one
  --config FILE          live endpoints and credentials per API (see README "Contract tests against a live API");
                         STANDIN_CONTRACT_<API>_<FIELD> variables override the file
Options:
  --api NAME             only this API (repeatable)
  --allow-writes         let a live run create, change and delete data
  --strict-choices       a [standin choice] the target does not share fails the run (default: listed
                         under "choices: N differ", exit status unaffected; on standin they always fail)
  --body-limit BYTES     the --body-limit of the standin under test, if not the default 5242880
  --schema-only          one valid request per operation with the generic checks (stateless targets)
  --grep TEXT            only scenarios whose name contains TEXT
  --junit FILE           write JUnit XML
  --coverage-file FILE   where the (operation, status) coverage JSON goes (default reports/contract-coverage.json)
  --verbose              list passing scenarios too
`;

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

export function contractOptions(argv: string[], env: NodeJS.ProcessEnv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      'base-url': { type: 'string' },
      'admin-token': { type: 'string' },
      config: { type: 'string' },
      api: { type: 'string', multiple: true },
      'allow-writes': { type: 'boolean' },
      'strict-choices': { type: 'boolean' },
      'body-limit': { type: 'string' },
      'schema-only': { type: 'boolean' },
      grep: { type: 'string' },
      junit: { type: 'string' },
      'coverage-file': { type: 'string' },
      verbose: { type: 'boolean' },
    },
  });
  const apis = (values.api ?? [...API_NAMES]) as ApiName[];
  for (const api of apis) if (!API_NAMES.includes(api)) throw new Error(`unknown API '${api}' (known: ${API_NAMES.join(', ')})`);
  if (values['base-url'] && values.config) throw new Error('--base-url and --config name different targets; give one');
  const rawLimit = values['body-limit'];
  if (rawLimit !== undefined && !/^[1-9][0-9]{0,14}$/.test(rawLimit)) throw new Error(`--body-limit must be a positive integer of bytes, got '${rawLimit}'`);
  const bodyLimit = rawLimit === undefined ? undefined : Number(rawLimit);
  if (bodyLimit !== undefined && values.config) throw new Error('--body-limit describes a standin target; a live target (--config) has its own');
  let target: ContractOptions['target'];
  if (values.config) target = { kind: 'live', config: JSON.parse(readFileSync(values.config, 'utf8')) as ContractConfig };
  else if (values['base-url'])
    target = { kind: 'base-url', baseUrl: values['base-url'], adminToken: values['admin-token'] ?? env.STANDIN_ADMIN_TOKEN, bodyLimit };
  else target = { kind: 'in-process', app: createApp({ apis, bodyLimit }).listener, bodyLimit };
  const options: ContractOptions = {
    vendors: VENDORS,
    apis,
    target,
    allowWrites: values['allow-writes'],
    schemaOnly: values['schema-only'],
    grep: values.grep,
    strictChoices: values['strict-choices'],
    env,
  };
  return { options, junit: values.junit, coverageFile: values['coverage-file'] ?? 'reports/contract-coverage.json', verbose: Boolean(values.verbose) };
}

/**
 * Runs the suite; exit 0 only when no check failed, 1 when one did, 2 when nothing could be checked.
 * A [standin choice] the target does not share is listed apart and counts only with --strict-choices.
 */
export async function contractMain(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { options, junit, coverageFile, verbose } = contractOptions(argv, env);
  const report = await runContract(options);
  process.stdout.write(`${consoleReport(report, verbose)}\n`);
  if (junit) write(junit, junitReport(report));
  write(coverageFile, coverageJson(report));
  if (!report.results.some((r) => r.outcome !== 'skipped')) {
    process.stdout.write('standin contract: nothing was checked (every API or scenario was skipped)\n');
    return 2;
  }
  return passed(report) ? 0 : 1;
}
