#!/usr/bin/env node
'use strict';
// Writes src/types/<api>.ts from specs/<api>.yaml with openapi-typescript, so the request and response
// types handlers and users compile against derive from the spec instead of being a second copy of it.
// `--check` writes nothing: it regenerates in memory and fails when a committed file differs.

const fs = require('node:fs');
const path = require('node:path');
const { default: openapiTS, astToString } = require('openapi-typescript');

const ROOT = path.resolve(__dirname, '..');
const SPECS = 'specs';
const OUT = 'src/types';
const COMMAND = 'npm run gen:types';

function header(specFile) {
  return `// Generated from ${specFile} by scripts/genTypes.js (openapi-typescript). Do not edit: change the spec and run \`${COMMAND}\`.\n`;
}

/** Marks a file this script owns, so one whose spec is gone is found and removed. */
const GENERATED = /^\/\/ Generated from specs\/\S+\.yaml by scripts\/genTypes\.js /;

async function generate(specFile) {
  // The spec's text, not its path: the output then cannot depend on where the checkout lives.
  const ast = await openapiTS(fs.readFileSync(path.join(ROOT, specFile), 'utf8'), {
    silent: true,
    // A bare `type: object` (Droplit's meta, Ignisign's config) holds anything, not nothing.
    emptyObjectsUnknown: true,
  });
  return header(specFile) + astToString(ast);
}

/** Every generated file as it should be, by path from the repository root; null marks one to delete. */
async function expectedFiles() {
  const files = new Map();
  const specs = fs
    .readdirSync(path.join(ROOT, SPECS))
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  for (const name of specs) {
    const specFile = `${SPECS}/${name}`;
    files.set(`${OUT}/${name.replace(/\.yaml$/, '.ts')}`, await generate(specFile));
  }
  const present = fs.existsSync(path.join(ROOT, OUT)) ? fs.readdirSync(path.join(ROOT, OUT)) : [];
  for (const name of present.sort()) {
    const file = `${OUT}/${name}`;
    if (!files.has(file) && GENERATED.test(read(file) ?? '')) files.set(file, null);
  }
  return files;
}

function read(file) {
  try {
    return fs.readFileSync(path.join(ROOT, file), 'utf8');
  } catch {
    return undefined;
  }
}

async function main(check) {
  const stale = [];
  for (const [file, text] of await expectedFiles()) {
    if (read(file) === (text ?? undefined)) continue;
    stale.push(file);
    if (check) continue;
    fs.mkdirSync(path.join(ROOT, OUT), { recursive: true });
    if (text === null) fs.rmSync(path.join(ROOT, file));
    else fs.writeFileSync(path.join(ROOT, file), text);
  }
  if (check && stale.length) {
    process.stderr.write(`Generated types differ from specs/ (${stale.join(', ')}): run \`${COMMAND}\` and commit the result.\n`);
    process.exitCode = 1;
  }
}

main(process.argv.includes('--check')).catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
