/**
 * `describe` when what the suite needs is here; otherwise `describe.skip` and one line saying what
 * to install, so a machine without it reports the skip instead of passing in silence.
 */
export function describeIfInstalled(name: string, available: boolean, need: string, body: () => void): void {
  if (available) {
    describe(name, body);
    return;
  }
  console.log(`skipping "${name}": ${need}`);
  describe.skip(name, body);
}
