import type { ResponseProblem } from '../core/validators';

// What a failed check says: the operation, what was received, what the spec documents, the JSON
// pointers, and a curl line that reproduces it.

/** The operationId an exchange or failure carries when no operation of the spec matches its request. */
export const NO_OPERATION = '(no operation)';

export type CheckName = 'status-documented' | 'content-type-documented' | 'body-schema' | 'required-headers' | 'envelope' | 'behaviour';

export interface CheckFailure {
  check: CheckName;
  api: string;
  operationId: string;
  message: string;
  received: string;
  documented: string;
  pointers: ResponseProblem[];
  curl: string;
}

export interface Received {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export function formatFailure(f: CheckFailure): string {
  const lines = [`[${f.check}] ${f.api} ${f.operationId}: ${f.message}`, `  received:   ${f.received}`, `  documented: ${f.documented}`];
  for (const p of f.pointers) lines.push(`  at ${p.pointer || '/'}: ${p.message}`);
  lines.push(`  reproduce:  ${f.curl}`);
  return lines.join('\n');
}
