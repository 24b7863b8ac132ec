'use strict';
// The last saved scale run (bench/results/scale.md, written by `npm run bench:scale`): seeding 1M
// records takes minutes, so the load bench quotes it with its date instead of running it.
const fs = require('node:fs');
const path = require('node:path');

const FILE = path.join(__dirname, '..', 'results', 'scale.md');

/** @returns {{ file: string, date: string, rows: { query: string, ratio: string, ok: boolean }[] } | null} */
function readScale(file = FILE) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const date = (/(\d{4}-\d{2}-\d{2});/.exec(text) || [])[1] ?? 'undated';
  const lines = text.split('\n');
  const header = lines.find((l) => l.startsWith('| query |'));
  if (!header) return null;
  const cols = header.split('|').map((c) => c.trim());
  const ratioAt = cols.findIndex((c) => c.startsWith('ratio'));
  const okAt = cols.findIndex((c) => c.includes('2×'));
  const rows = [];
  for (const line of lines.slice(lines.indexOf(header) + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').map((c) => c.trim());
    rows.push({ query: cells[1], ratio: cells[ratioAt], ok: cells[okAt] === 'yes' });
  }
  return { file: 'bench/results/scale.md', date, rows };
}

module.exports = { readScale };
