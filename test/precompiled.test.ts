import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { API_MODULES } from '../src/apis';
import { ucs2length } from '../src/core/ajv';
import { writePrecompiled } from '../src/core/precompiled';
import { loadSpec } from '../src/core/spec';
import { compileSpec } from '../src/core/validators';
import { PACKAGE_ROOT, SPECS_DIR } from '../src/paths';

// The build writes validators as code (dist/precompiled); start-up loads them. They must judge
// exactly as the compiled-at-start ones do, and a build that no longer matches its YAML is ignored.
// Runs the built module (npm test builds first), since only code running from dist/ loads them.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's output: an import would make the type check need a build
const built = require('../dist/src/core/precompiled') as typeof import('../src/core/precompiled');

const bad = {
  path: { applicationId: 'zz', appEnv: 'NOPE', appId: '!', id: '', referenceToken: '%%' },
  query: { page: 'x', limit: '-1', ecosystemId: 1 },
  headers: {},
};

describe.each(Object.values(API_MODULES).map((m) => [m.name, m.specFile] as const))('precompiled validators: %s', (_name, specFile) => {
  // Inside the package, so the generated code resolves ajv and ajv-formats as the real build does.
  const dir = mkdtempSync(join(PACKAGE_ROOT, 'dist', 'precompiled-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('judge every operation and every spec example as the start-up compiler does', () => {
    built.writePrecompiled(specFile, dir);
    const loaded = built.loadApiSpec(specFile, dir);
    expect(loaded.source).toBe('precompiled');
    const fromBuild = loaded.validators;
    const spec = loadSpec(join(SPECS_DIR, specFile));
    const fresh = compileSpec(spec);
    for (const op of spec.operations) {
      const a = fromBuild.operations.get(op.operationId)!;
      const b = fresh.operations.get(op.operationId)!;
      expect(a.params(structuredClone(bad))).toEqual(b.params(structuredClone(bad)));
      for (const [status, response] of Object.entries(op.responses)) {
        for (const [type, media] of Object.entries(response.content)) {
          if (!/^\d+$/.test(status) || media.example === undefined) continue;
          expect(a.responseBody(Number(status), type, media.example)).toEqual([]);
          expect(a.responseBody(Number(status), type, { surely: 'not this' })).toEqual(b.responseBody(Number(status), type, { surely: 'not this' }));
        }
      }
    }
  });

  it('is ignored when the YAML changed since the build', () => {
    built.writePrecompiled(specFile, dir);
    const manifest = join(dir, specFile.replace('.yaml', '.json'));
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/"yamlSha1":"[0-9a-f]+"/, '"yamlSha1":"stale"'));
    rmSync(join(dir, specFile.replace('.yaml', '.params.js')));
    const { spec, validators, source } = built.loadApiSpec(specFile, dir);
    expect(source).toBe('compiled');
    expect(validators.operations.size).toBe(spec.operations.length);
  });
});

describe("the build's string length", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Ajv's own, the reference
  const ajvLength = require('ajv/dist/runtime/ucs2length').default as (s: string) => number;

  it('counts exactly as Ajv does: pairs once, lone surrogates once each, anything else per UTF-16 unit', () => {
    const samples = ['', 'abc', 'x'.repeat(3000), 'é', '😀', 'a😀b😀', '\uD83D', '\uDE00', '\uD83Dx', 'x\uD83D', '\uDE00\uD83D', '😀'.repeat(50) + 'z'];
    for (const s of samples) expect([s, ucs2length(s)]).toEqual([s, ajvLength(s)]);
  });

  it("replaces Ajv's in the generated code, and a maxLength there still counts an emoji once", () => {
    const dir = mkdtempSync(join(PACKAGE_ROOT, 'dist', 'precompiled-length-'));
    try {
      writePrecompiled('droplit.yaml', dir);
      const code = readFileSync(join(dir, 'droplit.params.js'), 'utf8');
      expect(code).not.toContain('ajv/dist/runtime/ucs2length');
      expect(code).toContain('function ucs2length(');
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the file just written
      const generated = require(join(dir, 'droplit.params.js')) as Record<string, ValidateFunction>;
      const manifest = JSON.parse(readFileSync(join(dir, 'droplit.json'), 'utf8'));
      const validate = generated[manifest.exports.params['createEnvironment:params']];
      // x-system-metadata-prefix has maxLength 24: 24 emoji are 48 UTF-16 units but 24 characters.
      const lengthErrors = (prefix: string) => {
        validate({ path: {}, query: {}, headers: { 'x-system-metadata-prefix': prefix } });
        return (validate.errors ?? []).filter((e) => e.keyword === 'maxLength').map((e) => e.instancePath);
      };
      expect(lengthErrors('😀'.repeat(24))).toEqual([]);
      expect(lengthErrors('😀'.repeat(25))).toEqual(['/headers/x-system-metadata-prefix']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
