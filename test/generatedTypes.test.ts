import { spawnSync } from 'node:child_process';
import path from 'node:path';

// src/types/<api>.ts are generated from specs/<api>.yaml and committed; a spec edited without
// regenerating them would leave handlers and users compiling against the old shapes.

describe('generated types', () => {
  it('equal a fresh generation from specs/ (otherwise run `npm run gen:types`)', () => {
    const run = spawnSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'genTypes.js'), '--check'], { encoding: 'utf8' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
