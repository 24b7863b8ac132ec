import type { Command } from './command';

// A record read back from the log must be a command this version applies; anything else (a newer
// standin's log, a bug) is refused at its offset rather than guessed at.

const str = (value: unknown): value is string => typeof value === 'string';
const optionalStr = (value: unknown) => value === undefined || str(value);

export function isLoggedCommand(value: Record<string, unknown>): value is Command & Record<string, unknown> {
  switch (value.kind) {
    case 'request': {
      const request = value.request as Record<string, unknown> | null;
      return (
        str(value.api) &&
        str(value.namespace) &&
        typeof value.at === 'number' &&
        typeof request === 'object' &&
        request !== null &&
        str(request.method) &&
        str(request.path) &&
        str(request.rawQuery) &&
        typeof request.headers === 'object' &&
        optionalStr(request.body)
      );
    }
    case 'reset':
      return optionalStr(value.api) && optionalStr(value.namespace);
    case 'seed':
      return str(value.api) && str(value.namespace) && typeof value.count === 'number';
    case 'evict':
      return str(value.api) && str(value.namespace);
    default:
      return false;
  }
}
