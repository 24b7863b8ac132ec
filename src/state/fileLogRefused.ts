// The data dir cannot be used as it is (damage in the middle of the log, a different --seed, not a
// standin log, unreadable): standin refuses to start rather than serve other data than was acknowledged.
// The CLI prints the message and exits 2, as for any bad flag.
export class FileLogRefused extends Error {
  readonly exitCode = 2;

  constructor(message: string) {
    super(message);
    this.name = 'FileLogRefused';
  }
}
