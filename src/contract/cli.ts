import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { API_NAMES, type ApiName, VENDORS } from '../apis';
import { CONFIG_RANGES } from '../config';
import { FlagError, intFlag, parseFlags, readJsonFile, wantsHelp } from '../flagValues';
import { createApp } from '../server';
import { junitReport } from './junit';
import { type ContractConfig, liveApiConfig } from './liveConfig';
import { preflight, PREFLIGHT_TIMEOUT_MS } from './preflight';
import { createProgress } from './progress';
import { consoleReport, coverageJson } from './report';
import { type ContractOptions, passed, runContract } from './runner';
import { resolveTarget } from './target';
import { planTargets, type TargetPlan, targetFromProbes } from './targetPlan';

export const CONTRACT_USAGE = `Usage:
  standin contract [options]   check an implementation of the five APIs against the specs

Targets (default: the mock, in-process, no port):
  --base-url URL         a running standin in prefix mode (e.g. http://127.0.0.1:4010): each API under /<api>
  --base-url NAME=URL    API NAME at URL, paths straight below it (repeatable): a standin's /NAME, Prism, an
                         implementation; without --api only the APIs named run. Not a standin: the demo
                         credentials, unless --config names others
  --no-prefix            the plain --base-url URL serves the one --api NAME at its root (no /<api>)
  --admin-token TOKEN    a standin target's /__admin token, if it was started with one (env STANDIN_ADMIN_TOKEN)
  --config FILE          live endpoints and credentials per API (see README "Against a live API");
                         STANDIN_CONTRACT_<API>_<FIELD> variables override the file; with --base-url NAME=URL
                         the URL wins and the file gives the credentials
Each target origin is asked GET /__admin/health once before the run: unreachable or not HTTP exits 2.
Options:
  --api NAME             only this API (repeatable; one of ${API_NAMES.join(', ')})
  --allow-writes         let a live run create, change and delete data
  --strict-choices       a [standin choice] the target does not share fails the run (default: listed
                         under "choices: N differ", exit status unaffected; on standin they always fail)
  --body-limit BYTES     the --body-limit of the standin under test (${CONFIG_RANGES.bodyLimit.min}-${CONFIG_RANGES.bodyLimit.max}), if not the default 5242880
  --schema-only          one valid request per operation with the generic checks (stateless targets, prism mock)
  --grep TEXT            only scenarios whose name contains TEXT
  --junit FILE           write JUnit XML (valid against Jenkins xUnit's junit-10.xsd)
  --coverage-file FILE   where the (operation, status) coverage JSON goes (default reports/contract-coverage.json)
  --verbose              list passing scenarios too
  --quiet                no progress on stderr (the summary still goes to stdout)
  -h, --help             this text
Exit status: 0 every check passed, 1 one failed, 2 nothing could be checked (bad flags, target unreachable).
`;

export const CONTRACT_FLAGS = {
  'base-url': { type: 'string', multiple: true },
  'no-prefix': { type: 'boolean' },
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
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** The flags as a run's options; a target given by URL is only planned here, and decided after the preflight. */
export function contractOptions(argv: string[], env: NodeJS.ProcessEnv) {
  const { values } = parseFlags('contract', argv, CONTRACT_FLAGS);
  const rawLimit = values['body-limit'];
  const bodyLimit = rawLimit === undefined ? undefined : intFlag('--body-limit', rawLimit, CONFIG_RANGES.bodyLimit);
  const config = values.config === undefined ? undefined : readConfig(values.config);
  const plan = planTargets({
    baseUrls: values['base-url'] ?? [],
    noPrefix: Boolean(values['no-prefix']),
    apis: values.api,
    config,
    configFile: values.config,
    configBaseUrl: (api) => {
      const url = liveApiConfig(api, VENDORS[api as ApiName].contract, config ?? {}, env).baseUrl;
      return url === undefined ? undefined : String(url);
    },
    adminToken: values['admin-token'] ?? env.STANDIN_ADMIN_TOKEN,
    bodyLimit,
    known: API_NAMES,
  });
  const apis = plan.apis as ApiName[];
  let target: ContractOptions['target'];
  if (plan.endpoints) target = { kind: 'endpoints', endpoints: {} };
  else if (config) target = { kind: 'live', config };
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
  return {
    options,
    plan,
    junit: values.junit,
    coverageFile: values['coverage-file'] ?? 'reports/contract-coverage.json',
    verbose: Boolean(values.verbose),
    quiet: Boolean(values.quiet),
  };
}

function readConfig(file: string): ContractConfig {
  const value = readJsonFile('--config', file);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new FlagError(`--config ${file}: must hold a JSON object ({"apis": {...}})`);
  const apis = (value as ContractConfig).apis;
  if (apis !== undefined && (typeof apis !== 'object' || apis === null || Array.isArray(apis)))
    throw new FlagError(`--config ${file}: "apis" must be an object of API name to its settings`);
  return value as ContractConfig;
}

export interface ContractIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal: a live progress line, else plain lines. */
  isTTY: boolean;
  now(): number;
  preflightTimeoutMs: number;
}

const PROCESS_IO: ContractIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  get isTTY() {
    return Boolean(process.stderr.isTTY);
  },
  now: Date.now,
  preflightTimeoutMs: PREFLIGHT_TIMEOUT_MS,
};

/** The origins a run will send to: those of the APIs that are not skipped anyway (no credentials). */
function liveOrigins(options: ContractOptions, plan: TargetPlan): string[] {
  if (plan.endpoints) return Object.values(plan.endpoints).map((e) => e.origin);
  if (options.target.kind !== 'live') return [];
  const out: string[] = [];
  for (const api of options.apis) {
    const t = resolveTarget(api, options.vendors[api], options.target, { allowWrites: false, env: options.env });
    const origin = plan.configOrigins[api];
    if (!t.skip && origin) out.push(origin);
  }
  return out;
}

/**
 * Runs the suite; exit 0 only when no check failed, 1 when one did, 2 when nothing could be checked
 * (a target unreachable, or every API or scenario skipped). A bad flag throws a FlagError (exit 2).
 */
export async function contractMain(argv: string[], env: NodeJS.ProcessEnv = process.env, io: ContractIo = PROCESS_IO): Promise<number> {
  if (wantsHelp(argv)) {
    io.stdout(CONTRACT_USAGE);
    return 0;
  }
  const { options, plan, junit, coverageFile, verbose, quiet } = contractOptions(argv, env);
  const origins = liveOrigins(options, plan);
  if (origins.length) {
    const probes = await preflight(origins, { adminToken: plan.adminToken, timeoutMs: io.preflightTimeoutMs });
    const decided = targetFromProbes(plan, probes);
    if ('problems' in decided) {
      for (const line of decided.problems) io.stderr(`standin contract: ${line}\n`);
      return 2;
    }
    if (decided.target) options.target = decided.target;
    if (!quiet) for (const line of decided.found) io.stderr(`standin contract: ${line}\n`);
  }
  if (!quiet) options.progress = createProgress({ write: io.stderr, isTTY: io.isTTY, now: io.now });
  const report = await runContract(options);
  io.stdout(`${consoleReport(report, verbose)}\n`);
  if (junit) write(junit, junitReport(report));
  write(coverageFile, coverageJson(report));
  if (!report.results.some((r) => r.outcome !== 'skipped')) {
    io.stdout('standin contract: nothing was checked (every API or scenario was skipped)\n');
    return 2;
  }
  return passed(report) ? 0 : 1;
}
