import { createDroplitEnvironment, putAltrData } from './dataClient';

// Many concurrent writes, each acknowledged one noted, until told to stop: what a crash must not
// lose. Every tenth write is an ALTR PutData of bytes unique to it, the rest Droplit creates with
// unique aliases.

/** Keyed by namespace, a space, then the id or token: each namespace's seeded generator gives the same ids. */
export interface Acked {
  droplit: Map<string, { namespace: string; id: string; alias: string }>;
  altr: Map<string, { namespace: string; token: string; bytes: Buffer }>;
}

export interface LoadResult {
  acked: Acked;
  /** Writes answered with their success status. */
  count: number;
  /** Writes that failed because the connection went away (the server was killed). */
  failed: number;
  /** Answers other than success: a bug, never expected. */
  refused: string[];
  ms: number;
}

export async function writeLoad(
  base: string,
  options: { concurrency: number; stop: (count: number) => boolean; namespaces: number; prefix: string },
): Promise<LoadResult> {
  const acked: Acked = { droplit: new Map(), altr: new Map() };
  const result: LoadResult = { acked, count: 0, failed: 0, refused: [], ms: 0 };
  let next = 0;
  let stopped = false;
  const started = performance.now();
  const worker = async () => {
    while (!stopped && !options.stop(result.count)) {
      const n = next++;
      const namespace = `${options.prefix}${n % options.namespaces}`;
      try {
        if (n % 10 === 9) {
          const bytes = Buffer.from(`altr write ${n} \x00\xff\x80 ${options.prefix}`, 'latin1');
          const res = await putAltrData(base, namespace, bytes);
          if (res.status !== 200) result.refused.push(`altr ${res.status} ${res.body.toString()}`);
          else {
            const token = res.json().response.data.referenceToken as string;
            acked.altr.set(`${namespace} ${token}`, { namespace, token, bytes });
          }
        } else {
          const alias = `w${n}`;
          const res = await createDroplitEnvironment(base, namespace, alias);
          if (res.status !== 201) result.refused.push(`droplit ${res.status} ${res.body.toString()}`);
          else {
            const id = res.json().id as string;
            acked.droplit.set(`${namespace} ${id}`, { namespace, id, alias });
          }
        }
        if (result.refused.length === 0) result.count++;
      } catch {
        // The connection died under it: never acknowledged, so it may or may not be kept.
        result.failed++;
        stopped = true;
      }
      if (result.refused.length > 0) stopped = true;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  result.ms = performance.now() - started;
  return result;
}
