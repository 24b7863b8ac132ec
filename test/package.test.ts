import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// The package as a consumer gets it: packed, installed from the tarball into a fresh project, and
// the README's snippets compiled by TypeScript and run, in CommonJS and in ESM. The README is read
// as written (STANDIN_README points at a proposed text instead).
const ROOT = join(__dirname, '..');
const README = process.env.STANDIN_README ?? join(ROOT, 'README.md');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
// What the snippets need besides standin; linked from this checkout, never standin itself.
const SNIPPET_DEPS = ['supertest', '@types/supertest', '@types/node', '@types/jest'];

/** The first ```ts block after the marker comment naming it. */
function snippet(name: string): string {
  const text = readFileSync(README, 'utf8');
  const at = text.indexOf(`<!-- ${name} snippet:`);
  if (at < 0) throw new Error(`${README} has no '<!-- ${name} snippet: ... -->' marker`);
  const m = /```ts\n([\s\S]*?)```/.exec(text.slice(at));
  if (!m) throw new Error(`no \`\`\`ts block after the ${name} snippet marker`);
  return m[1];
}

const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60000 });

/**
 * `npm install <tgz>` from the npm cache; where the cache lacks a runtime dependency's metadata (it
 * holds the tarballs a lock file names, not the registry's listings), the tarball is unpacked as npm
 * would and only its runtime dependencies are linked from this checkout.
 */
function installOffline(project: string, tgz: string): void {
  try {
    run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tgz], project);
    return;
  } catch (err) {
    if (!/ENOTCACHED/.test(String((err as { stderr?: string }).stderr))) throw err;
  }
  const target = join(project, 'node_modules', 'standin');
  mkdirSync(target, { recursive: true });
  run('tar', ['xzf', tgz, '-C', target, '--strip-components=1'], project);
  const { dependencies, bin } = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    bin: Record<string, string>;
  };
  for (const dep of Object.keys(dependencies)) link(project, dep);
  mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true });
  for (const [name, file] of Object.entries(bin)) symlinkSync(join('..', 'standin', file), join(project, 'node_modules', '.bin', name));
  chmodSync(join(target, bin.standin), 0o755);
}

function link(project: string, dep: string): void {
  mkdirSync(join(project, 'node_modules', dep, '..'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules', dep), join(project, 'node_modules', dep));
}

describe('the packed package in a consumer project', () => {
  let work: string;
  let tgz: string;
  let files: string[];

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'standin-package-'));
    // --ignore-scripts: prepack would build into the shared dist/ mid-suite; npm test builds first.
    const [packed] = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT)) as {
      filename: string;
      files: { path: string }[];
    }[];
    tgz = join(work, packed.filename);
    files = packed.files.map((f) => f.path);
  }, 60000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('ships LICENSE, CHANGELOG, what exports names, and no source map pointing at an unshipped file', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      private?: boolean;
      license: string;
      exports: Record<string, Record<string, string>>;
    };
    expect(pkg.private).toBeUndefined();
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'CHANGELOG.md', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli.js']));
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} standin contributors\n/);
    expect(pkg.license).toBe('MIT');
    for (const api of ['ignisign', 'altr', 'signatures', 'losant', 'droplit', 'helpers']) {
      expect(files).toContain(pkg.exports['./types/*'].types.replace('./', '').replace('*', api));
      expect(files).toContain(pkg.exports['./types/*'].default.replace('./', '').replace('*', api));
    }
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.test.js') || f.endsWith('.test.d.ts'))).toEqual([]);
  });

  it('no declaration a consumer reaches imports a package it does not get (express types)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    // From the entry points along relative imports: what `standin` and `standin/types/*` pull in.
    const pending = files.filter((f) => f === 'dist/src/index.d.ts' || /^dist\/src\/types\/[^/]+\.d\.ts$/.test(f));
    const seen = new Set<string>();
    const outside = new Set<string>();
    while (pending.length) {
      const file = pending.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const [, spec] of readFileSync(join(ROOT, file), 'utf8').matchAll(/(?:from|import\()\s*'([^']+)'/g)) {
        if (spec.startsWith('.')) {
          const base = join(dirname(file), spec);
          pending.push(files.includes(`${base}.d.ts`) ? `${base}.d.ts` : join(base, 'index.d.ts'));
        } else outside.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
      }
    }
    expect(seen.size).toBeGreaterThan(10);
    expect(seen).toContain('dist/src/app/createApp.d.ts');
    const unshipped = [...outside].filter(
      (name) => !name.startsWith('node:') && !(name in pkg.dependencies) && !['http', 'net', 'stream', 'events'].includes(name),
    );
    expect(unshipped).toEqual([]);
    expect(outside).not.toContain('express');
  });

  it.each([
    ['CommonJS', 'commonjs', { module: 'commonjs', target: 'es2022', esModuleInterop: true }],
    ['ESM', 'module', { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022' }],
  ])(
    'installs offline and the README snippets compile and run as written in %s',
    (_name, type, compilerOptions) => {
      const project = join(work, type);
      mkdirSync(project);
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: `consumer-${type}`, version: '1.0.0', private: true, type }));
      installOffline(project, tgz);
      for (const dep of SNIPPET_DEPS) link(project, dep);
      writeFileSync(join(project, 'inProcess.ts'), snippet('in-process'));
      // The snippet's `app` must be typed, not silently `any` (a missing type import degrades to any).
      writeFileSync(
        join(project, 'typed.ts'),
        "import { createApp, type HttpApp } from 'standin';\nimport type { components } from 'standin/types/losant';\n" +
          'type IsAny<T> = 0 extends 1 & T ? true : false;\n' +
          "const notAny: IsAny<ReturnType<typeof createApp>['app']> = false;\nconst app: HttpApp = createApp().app;\n" +
          "const cert: components['schemas']['ApplicationCertificate'] | undefined = undefined;\nexport { notAny, app, cert };\n",
      );
      writeFileSync(join(project, 'jest.test.ts'), snippet('jest'));
      writeFileSync(
        join(project, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: { ...compilerOptions, strict: true, outDir: 'out', types: ['node', 'jest'] },
          files: ['inProcess.ts', 'typed.ts', 'jest.test.ts'],
        }),
      );
      run(process.execPath, [TSC, '-p', 'tsconfig.json'], project);
      const output = run(process.execPath, [join('out', 'inProcess.js')], project);
      expect(output).toMatch(/^200\nlosant at the root of port \d+\n\{[\s\S]*main: 'http:\/\/127\.0\.0\.1:\d+'[\s\S]*ignisign: 'http:\/\/127\.0\.0\.1:\d+'/);
      if (type === 'commonjs') {
        // The jest snippet, compiled above, run by jest itself (this checkout's; the test file is plain CommonJS by now).
        const jest = spawnSync(
          process.execPath,
          [
            join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
            '--ci',
            '--config',
            JSON.stringify({ rootDir: join(project, 'out'), testMatch: ['**/jest.test.js'] }),
          ],
          { cwd: project, encoding: 'utf8', timeout: 60000 },
        );
        expect(jest.stderr).toMatch(/Tests:\s+1 passed, 1 total/);
        expect(jest.status).toBe(0);
      }
      // The CLI too, from the consumer's node_modules/.bin.
      expect(run(join(project, 'node_modules', '.bin', 'standin'), ['--version'], project).trim()).toBe('0.1.0');
    },
    60000,
  );

  it('npm ci --omit=dev on a clone succeeds: prepare skips the build in one line, and npm start then names the fix', () => {
    const clone = join(work, 'clone');
    mkdirSync(join(clone, 'scripts'), { recursive: true });
    for (const file of ['package.json', 'package-lock.json', 'scripts/build-if-stale.js']) copyFileSync(join(ROOT, file), join(clone, file));
    // Read-only inputs of the staleness check; dist/ is absent, as on a fresh clone.
    for (const input of ['src', 'specs', 'tsconfig.json', 'tsconfig.build.json']) symlinkSync(join(ROOT, input), join(clone, input));
    const installed = spawnSync('npm', ['ci', '--omit=dev', '--offline', '--no-audit', '--no-fund'], { cwd: clone, encoding: 'utf8', timeout: 60000 });
    expect(installed.stderr).toContain('standin: not building (dist/src/cli.js is missing): TypeScript is not installed (--omit=dev); run npm ci to build');
    expect(installed.status).toBe(0);
    const started = spawnSync('npm', ['start', '--', '--port', '0'], { cwd: clone, encoding: 'utf8', timeout: 30000 });
    expect(started.stderr).toContain('standin: cannot build (dist/src/cli.js is missing): TypeScript is not installed; run npm ci (without --omit=dev) first');
    expect(started.status).not.toBe(0);
  }, 60000);
});
