import type { Problem } from './types';

const WHERE: Record<Problem['in'], string> = { path: 'path parameter', query: 'query parameter', header: 'header', body: 'body field' };

/** One readable sentence naming the failing field, for vendors whose envelope has a single message. */
export function problemText(p: Problem): string {
  if (p.in === 'body' && p.field === '') return `request body ${p.message}`;
  return `${WHERE[p.in]} '${p.field}' ${p.message}`;
}

export function problemsText(problems: Problem[]): string {
  return problems.map(problemText).join('; ');
}
