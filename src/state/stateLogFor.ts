import type { StateLog } from './stateLog';

// The log the config asks for, loaded only when asked: memory mode loads neither backend (nor
// ioredis), so it starts and answers as before.

type LogClass = new (where: string, options: { seed: number }) => StateLog;

/** A FileLog for `dataDir`, a RedisLog for `state`, else undefined (memory mode: the engines are called directly). */
export function stateLogFor(config: { dataDir?: string; state?: string; seed: number }): StateLog | undefined {
  if (config.dataDir !== undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, see above
    const { FileLog } = require('./fileLog') as { FileLog: LogClass };
    return new FileLog(config.dataDir, { seed: config.seed });
  }
  if (config.state !== undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, see above
    const { RedisLog } = require('./redisLog') as { RedisLog: LogClass };
    return new RedisLog(config.state, { seed: config.seed });
  }
  return undefined;
}
