// ncanode renders times with PHP's `Y-m-d H:i:s`: no zone, no fraction. standin uses UTC.

// Lists render every record's three timestamps on every read, and the same records are read again
// and again: a small direct-mapped cache (keyed by the second, which is all the text shows) makes a
// repeated read format nothing, in bounded memory whatever the number of records.
const CACHE_SLOTS = 4096;
const SLOT_MASK = CACHE_SLOTS - 1;
const cachedSeconds = new Float64Array(CACHE_SLOTS).fill(Number.NaN);
const cachedTexts: string[] = new Array<string>(CACHE_SLOTS).fill('');

function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export function formatTimestamp(ms: number): string {
  // Truncated first, as Date does with a fractional time, so every time in one second shares a slot.
  const second = Math.floor(Math.trunc(ms) / 1000);
  const slot = second & SLOT_MASK;
  // An invalid time (NaN) never matches, so it reaches toISOString and throws as before.
  if (cachedSeconds[slot] === second) return cachedTexts[slot];
  const text = format(ms);
  cachedSeconds[slot] = second;
  cachedTexts[slot] = text;
  return text;
}

export function parseTimestamp(text: string): number {
  const ms = Date.parse(`${text.replace(' ', 'T')}Z`);
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text) || Number.isNaN(ms)) throw new Error(`not a 'YYYY-MM-DD HH:mm:ss' time: ${text}`);
  return ms;
}
