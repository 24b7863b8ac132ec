#!/usr/bin/env node
'use strict';
// Builds (tsc, then the validator precompile) only when an input is newer than the last build, so
// `npm test`, `npm start` and the benchmarks can each ask for a build and a CI run still builds once.
//   node scripts/build-if-stale.js           build when stale
//   node scripts/build-if-stale.js --force   build regardless (npm run build)
//   node scripts/build-if-stale.js --check   exit 1 when stale, saying why; build nothing
//   node scripts/build-if-stale.js --if-possible   as without it, but without TypeScript (an install
//        with --omit=dev) say so and exit 0: npm runs it as `prepare`, which a git-URL install needs
//        to build and `npm ci --omit=dev` must survive
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const STAMP = path.join(ROOT, 'dist', '.build-stamp');
const OUTPUTS = ['dist/src/cli.js', 'dist/precompiled'];
// What tsconfig.build.json compiles, what precompile reads, and what decides the compiled code
// (compiler options; Ajv's version, through the lock file). Test files are left out because the build
// excludes them, so editing a test does not cost a build; anything else under these folders counts.
const INPUT_DIRS = ['src', 'specs'];
const INPUT_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
const isTestFile = (name) => name.endsWith('.test.ts');

/** Every input file, relative to the root, sorted. */
function inputFiles() {
  const files = INPUT_FILES.filter((file) => fs.existsSync(path.join(ROOT, file)));
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (!isTestFile(entry.name)) files.push(rel);
    }
  };
  INPUT_DIRS.forEach(walk);
  return files.sort();
}

/** Why the build is stale, or null when it is not. The stamp lists the inputs it was built from,
 * because a deleted or renamed file leaves no newer mtime behind. */
function staleness(inputs) {
  const missing = OUTPUTS.find((out) => !fs.existsSync(path.join(ROOT, out)));
  if (missing) return `${missing} is missing`;
  if (!fs.existsSync(STAMP)) return 'no build stamp';
  if (fs.readFileSync(STAMP, 'utf8') !== inputs.join('\n')) return 'a source file was added, deleted or renamed';
  const stampMs = fs.statSync(STAMP).mtimeMs;
  const changed = inputs.find((file) => fs.statSync(path.join(ROOT, file)).mtimeMs > stampMs);
  return changed ? `${changed} changed since the last build` : null;
}

function build(inputs) {
  // Stamped with the time the build started, so an edit made while it runs leaves it stale.
  const startedAt = new Date();
  const run = (...args) => execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  run(require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json');
  run('dist/src/precompile.js');
  fs.writeFileSync(STAMP, inputs.join('\n'));
  fs.utimesSync(STAMP, startedAt, startedAt);
}

function canBuild() {
  try {
    require.resolve('typescript/bin/tsc', { paths: [ROOT] });
    return true;
  } catch {
    return false;
  }
}

function main(argv) {
  const inputs = inputFiles();
  const reason = argv.includes('--force') ? 'forced' : staleness(inputs);
  if (argv.includes('--check')) {
    if (reason) process.stderr.write(`build is stale: ${reason}\n`);
    return reason ? 1 : 0;
  }
  if (!reason) return 0;
  if (!canBuild()) {
    process.stderr.write(
      argv.includes('--if-possible')
        ? `standin: not building (${reason}): TypeScript is not installed (--omit=dev); run npm ci to build\n`
        : `standin: cannot build (${reason}): TypeScript is not installed; run npm ci (without --omit=dev) first\n`,
    );
    return argv.includes('--if-possible') ? 0 : 1;
  }
  process.stderr.write(`building: ${reason}\n`);
  try {
    build(inputs);
  } catch {
    // tsc and precompile have already printed why; a half-written dist must not pass for fresh.
    fs.rmSync(STAMP, { force: true });
    return 1;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
