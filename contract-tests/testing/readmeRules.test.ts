import { readmeLink } from '../../src/contract/readmeLink';
import { parseReadmeRules, ruleScope } from './readmeRules';

const SAMPLE = `# standin

## Serving

**Rules** (every API):
- <a id="rule-generic-404"></a>An unknown path gets 404
  in the vendor's envelope.
- <a id="rule-generic-405"></a>A wrong method gets 405 with \`Allow\`.

### Namespaces

- not a rule: namespaces are listed here

## The five APIs

### Losant application certificates (\`/losant\`)

**Demo credentials and data**

- Application \`575ec868\` holds certificates (not a rule either).

**Rules**

- <a id="rule-losant-token"></a>Token: no token → 401.
- <a id="rule-losant-post-derives"></a>POST derives \`certificateInfo\`:
  - serial: lowercase colon hex;
  - fingerprint: uppercase.
- A rule someone forgot to anchor.
- <a id="rule-droplit-alias"></a>An id of another API's section.

\`\`\`sh
- <a id="rule-losant-in-a-fence"></a>code, not a rule
\`\`\`

**Try it**

- <a id="rule-losant-token"></a>the same id again

#### A subsection of Losant

- <a id="rule-losant-sub"></a>Still Losant's.
- <a id="rule-Losant-Bad"></a>Malformed.
`;

describe('parseReadmeRules', () => {
  const parsed = parseReadmeRules(SAMPLE);

  it('returns each anchored bullet with its id, scope, section, text (continuation lines joined) and line', () => {
    expect(parsed.rules.map((r) => [r.id, r.scope, r.section])).toEqual([
      ['rule-generic-404', 'generic', 'Serving'],
      ['rule-generic-405', 'generic', 'Serving'],
      ['rule-losant-token', 'losant', 'Losant application certificates (`/losant`)'],
      ['rule-losant-post-derives', 'losant', 'Losant application certificates (`/losant`)'],
      ['rule-droplit-alias', 'droplit', 'Losant application certificates (`/losant`)'],
      ['rule-losant-token', 'losant', 'Losant application certificates (`/losant`)'],
      ['rule-losant-sub', 'losant', 'A subsection of Losant'],
    ]);
    expect(parsed.rules[0]).toEqual({
      id: 'rule-generic-404',
      scope: 'generic',
      section: 'Serving',
      text: "An unknown path gets 404 in the vendor's envelope.",
      line: 6,
    });
    expect(parsed.rules[3].text).toBe('POST derives `certificateInfo`: serial: lowercase colon hex; fingerprint: uppercase.');
  });

  it('ignores anchors inside code fences', () => {
    expect(parsed.rules.map((r) => r.id)).not.toContain('rule-losant-in-a-fence');
  });

  it('lists bullets of a **Rules** list that carry no anchor, and only those', () => {
    expect(parsed.unanchored).toEqual([{ section: 'Losant application certificates (`/losant`)', text: 'A rule someone forgot to anchor.', line: 28 }]);
  });

  it('reports an id outside its section, a duplicate id and a malformed id', () => {
    expect(parsed.problems).toEqual([
      'README.md:29: rule-droplit-alias sits in the losant section "Losant application certificates (`/losant`)"',
      'README.md:37: rule-losant-token is used twice',
      "README.md:42: 'rule-Losant-Bad' is not a rule anchor (rule-<api|generic>-<slug>)",
    ]);
  });
});

describe('rule ids', () => {
  it('name their scope, generic or one of the five APIs', () => {
    expect(['rule-generic-413', 'rule-altr-skew-15-min', 'rule-nope-x', 'rule-losant-', 'rule-losant--x', 'losant-x'].map(ruleScope)).toEqual([
      'generic',
      'altr',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('link to their README anchor', () => {
    expect(readmeLink('rule-generic-413')).toBe('README.md#rule-generic-413');
  });
});
