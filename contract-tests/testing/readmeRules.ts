import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_NAMES, type ApiName } from '../../src/apis';
import { PACKAGE_ROOT } from '../../src/paths';

// The README is the one list of rules: each rule bullet starts with an invisible anchor
// `<a id="rule-<api>-<slug>"></a>` (generic ones `rule-generic-<slug>`). Scenarios name the ids they
// check, and a test compares both sides, so a rule added to the README without a scenario (or a
// scenario naming a rule the README lost) is caught. Reading it is a single pass over its lines.

export type RuleScope = ApiName | 'generic';

export interface ReadmeRule {
  id: string;
  scope: RuleScope;
  /** The heading the bullet sits under. */
  section: string;
  /** The bullet's text without the anchor, continuation lines joined. */
  text: string;
  line: number;
}

export interface ParsedReadme {
  rules: ReadmeRule[];
  /** Bullets of a **Rules** list that carry no anchor, so no scenario can name them. */
  unanchored: Array<{ section: string; text: string; line: number }>;
  /** Malformed or duplicate ids, and ids whose scope is not their section's. */
  problems: string[];
}

const README_PATH = join(PACKAGE_ROOT, 'README.md');

const ANCHOR_OPEN = '<a id="';
const ANCHOR_CLOSE = '"></a>';
const SCOPES: readonly string[] = ['generic', ...API_NAMES];
// Every part is a run of [a-z0-9] between single hyphens, so matching cannot backtrack.
const RULE_ID = /^rule-([a-z]+)-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** The scope an id names (`rule-losant-…` → losant), or undefined when the id is malformed. */
export function ruleScope(id: string): RuleScope | undefined {
  const m = RULE_ID.exec(id);
  return m && SCOPES.includes(m[1]) ? (m[1] as RuleScope) : undefined;
}

interface Heading {
  level: number;
  text: string;
  scope: RuleScope;
}

/** A heading names an API when it carries its prefix, e.g. "### Losant certificates (`/losant`)". */
function headingScope(text: string): ApiName | undefined {
  const at = text.indexOf('(`/');
  if (at === -1) return undefined;
  const end = text.indexOf('`', at + 3);
  const name = text.slice(at + 3, end === -1 ? undefined : end);
  return (API_NAMES as readonly string[]).includes(name) ? (name as ApiName) : undefined;
}

function headingOf(line: string): { level: number; text: string } | undefined {
  let level = 0;
  while (line[level] === '#') level++;
  if (level === 0 || level > 6 || line[level] !== ' ') return undefined;
  return { level, text: line.slice(level + 1).trim() };
}

function bulletOf(line: string): { indent: number; text: string } | undefined {
  let indent = 0;
  while (line[indent] === ' ') indent++;
  if ((line[indent] !== '-' && line[indent] !== '*') || line[indent + 1] !== ' ') return undefined;
  return { indent, text: line.slice(indent + 2) };
}

export function parseReadmeRules(markdown: string): ParsedReadme {
  const lines = markdown.split('\n');
  const out: ParsedReadme = { rules: [], unanchored: [], problems: [] };
  const seen = new Set<string>();
  const headings: Heading[] = [];
  let inRulesList = false;
  let fence = false;
  let open: { text: string[]; indent: number } | undefined; // the bullet whose continuation lines are being read
  const texts: string[][] = [];

  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/\r$/, '');
    if (line.trimStart().startsWith('```')) {
      fence = !fence;
      open = undefined;
      continue;
    }
    if (fence) continue;
    const heading = headingOf(line);
    if (heading) {
      while (headings.length && headings[headings.length - 1].level >= heading.level) headings.pop();
      const scope = headingScope(heading.text) ?? headings[headings.length - 1]?.scope ?? 'generic';
      headings.push({ ...heading, scope });
      inRulesList = false;
      open = undefined;
      continue;
    }
    const section = headings[headings.length - 1];
    const bullet = bulletOf(line);
    if (!bullet) {
      if (line.trim() === '') open = undefined;
      else if (open && line.startsWith(' ')) open.text.push(line.trim());
      else {
        open = undefined;
        if (line.startsWith('**')) inRulesList = line.startsWith('**Rules**');
      }
      continue;
    }
    if (open && bullet.indent > open.indent) {
      open.text.push(bullet.text.trim());
      continue;
    }
    open = undefined;
    const where = section?.text ?? '(no heading)';
    if (!bullet.text.startsWith(ANCHOR_OPEN)) {
      if (inRulesList && bullet.indent === 0) out.unanchored.push({ section: where, text: bullet.text.trim(), line: i + 1 });
      continue;
    }
    const close = bullet.text.indexOf(ANCHOR_CLOSE);
    const id = close === -1 ? '' : bullet.text.slice(ANCHOR_OPEN.length, close);
    const scope = ruleScope(id);
    if (!scope) {
      out.problems.push(`README.md:${i + 1}: '${id || bullet.text.slice(0, 40)}' is not a rule anchor (rule-<api|generic>-<slug>)`);
      continue;
    }
    const sectionScope = section?.scope ?? 'generic';
    if (scope !== sectionScope) out.problems.push(`README.md:${i + 1}: ${id} sits in the ${sectionScope} section "${where}"`);
    if (seen.has(id)) out.problems.push(`README.md:${i + 1}: ${id} is used twice`);
    seen.add(id);
    const text = [bullet.text.slice(close + ANCHOR_CLOSE.length).trim()];
    texts.push(text);
    out.rules.push({ id, scope, section: where, text: '', line: i + 1 });
    open = { text, indent: bullet.indent };
  }
  out.rules.forEach((rule, n) => (rule.text = texts[n].join(' ')));
  return out;
}

let cached: ParsedReadme | undefined;

/** The rules of the package's README (read once). */
export function readmeRules(): ParsedReadme {
  cached ??= parseReadmeRules(readFileSync(README_PATH, 'utf8'));
  return cached;
}
