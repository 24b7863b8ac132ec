import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { _, type ValidateFunction } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { parse } from 'yaml';
import { PACKAGE_ROOT, SPECS_DIR } from '../paths';
import { ajvCompiler, componentsId, makeAjv, prepareSchema, type SchemaCompiler, type SchemaKind, ucs2length, withComponents } from './ajv';
import type { OpenApiDocument } from './openApiDocument';
import { loadSpec, parseSpec, type Spec } from './spec';
import { compileSpec, type SpecValidators } from './validators';

// Validators as code, written once by `npm run build`: start-up then loads them (and the spec as
// JSON) instead of parsing YAML and compiling every schema, which took over a second. A spec whose
// YAML no longer matches the build is compiled the slow way, so a stale build is never used.

const PRECOMPILED_DIR = join(PACKAGE_ROOT, 'dist', 'precompiled');

interface Manifest {
  yamlSha1: string;
  document: OpenApiDocument;
  exports: Record<SchemaKind, Record<string, string>>;
}

const AJV_UCS2LENGTH = 'require("ajv/dist/runtime/ucs2length").default';

/** Generated code with Ajv's string length swapped for ours (same counts, faster), inlined so the file needs nothing more. */
function withFastLength(code: string): string {
  return code.split(AJV_UCS2LENGTH).join(`(${ucs2length.toString()})`);
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const base = (specFile: string) => specFile.replace(/\.ya?ml$/, '');

/** Compiles every validator of one spec through a recording compiler and writes them as modules. */
export function writePrecompiled(specFile: string, outDir = PRECOMPILED_DIR): void {
  const yamlText = readFileSync(join(SPECS_DIR, specFile), 'utf8');
  const document = parse(yamlText);
  const spec = parseSpec(document);
  const code = { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` };
  const id = componentsId(spec);
  const ajvs = { params: withComponents(makeAjv(true, code), spec, id), exact: withComponents(makeAjv(false, code), spec, id) };
  const exports: Manifest['exports'] = { params: {}, exact: {} };
  const refs: Record<SchemaKind, Record<string, string>> = { params: {}, exact: {} };
  let counter = 0;
  const recorder: SchemaCompiler = {
    compile(kind, key, schema) {
      const name = `v${counter++}`;
      const schemaId = `${id}:validator:${name}`;
      const prepared = prepareSchema(spec, schema);
      ajvs[kind].addSchema(typeof prepared === 'object' ? { ...prepared, $id: schemaId } : { $id: schemaId, allOf: [prepared] });
      exports[kind][key] = name;
      refs[kind][name] = schemaId;
      return ajvs[kind].getSchema(schemaId)!;
    },
  };
  compileSpec(spec, recorder);
  mkdirSync(outDir, { recursive: true });
  for (const kind of ['params', 'exact'] as const)
    writeFileSync(join(outDir, `${base(specFile)}.${kind}.js`), withFastLength(standaloneCode(ajvs[kind], refs[kind])));
  const manifest: Manifest = { yamlSha1: sha1(yamlText), document, exports };
  writeFileSync(join(outDir, `${base(specFile)}.json`), JSON.stringify(manifest));
}

function precompiledCompiler(spec: Spec, manifest: Manifest, dir: string, specFile: string): SchemaCompiler {
  // The build's own output, loaded by path at run time: a module the compiler cannot see to import.
  const load = (kind: SchemaKind): Record<string, ValidateFunction> =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a generated file named at run time
    require(join(dir, `${base(specFile)}.${kind}.js`));
  const modules = { params: load('params'), exact: load('exact') };
  let fallback: SchemaCompiler | undefined;
  return {
    compile(kind, key, schema) {
      const fn = modules[kind][manifest.exports[kind][key]];
      if (fn) return fn;
      fallback ??= ajvCompiler(spec);
      return fallback.compile(kind, key, schema);
    },
  };
}

/**
 * The spec and its validators: from the build's precompiled output when it matches the YAML and we
 * run from dist/, otherwise parsed and compiled now (tests run from src/ always compile). A spec
 * given by absolute path (a vendor outside specs/, e.g. a test's own) is never precompiled.
 */
export function loadApiSpec(specFile: string, dir = PRECOMPILED_DIR): { spec: Spec; validators: SpecValidators; source: 'precompiled' | 'compiled' } {
  if (isAbsolute(specFile)) {
    const spec = loadSpec(specFile);
    return { spec, validators: compileSpec(spec), source: 'compiled' };
  }
  const yamlText = readFileSync(join(SPECS_DIR, specFile), 'utf8');
  const manifestFile = join(dir, `${base(specFile)}.json`);
  if (__filename.endsWith('.js') && existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    if (manifest.yamlSha1 === sha1(yamlText)) {
      const spec = parseSpec(manifest.document);
      return { spec, validators: compileSpec(spec, precompiledCompiler(spec, manifest, dir, specFile)), source: 'precompiled' };
    }
  }
  const spec = parseSpec(parse(yamlText));
  return { spec, validators: compileSpec(spec), source: 'compiled' };
}
