// ncanode renders times with PHP's `Y-m-d H:i:s`: no zone, no fraction. standin uses UTC.

export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export function parseTimestamp(text: string): number {
  const ms = Date.parse(`${text.replace(' ', 'T')}Z`);
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text) || Number.isNaN(ms)) throw new Error(`not a 'YYYY-MM-DD HH:mm:ss' time: ${text}`);
  return ms;
}
