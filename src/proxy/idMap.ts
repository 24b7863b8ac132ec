// Ids (and tokens) one side made, mapped to the ones the other side made for the same request, so
// a later request that names the vendor's id names the mock's instead. Bounded: the oldest mapping
// goes first past MAX_IDS.

const MAX_IDS = 10_000;

export class IdMap {
  private readonly ids = new Map<string, string>();

  learn(from: string, to: string): void {
    if (from === to || from === '' || this.ids.has(from)) return;
    this.ids.set(from, to);
    if (this.ids.size > MAX_IDS) this.ids.delete(this.ids.keys().next().value!);
  }

  get(from: string): string | undefined {
    return this.ids.get(from);
  }

  get size(): number {
    return this.ids.size;
  }

  /** Each path segment that is a known id, replaced (percent-encoded as the segment was). */
  path(path: string): string {
    if (this.ids.size === 0) return path;
    return path
      .split('/')
      .map((segment) => {
        const decoded = safeDecode(segment);
        const mapped = this.ids.get(decoded);
        return mapped === undefined ? segment : encodeURIComponent(mapped);
      })
      .join('/');
  }

  query(raw: string): string {
    if (this.ids.size === 0 || raw === '') return raw;
    return raw
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq === -1) return pair;
        const mapped = this.ids.get(safeDecode(pair.slice(eq + 1).replace(/\+/g, ' ')));
        return mapped === undefined ? pair : `${pair.slice(0, eq)}=${encodeURIComponent(mapped)}`;
      })
      .join('&');
  }

  /** A JSON value with every string that is a known id replaced. */
  json(value: unknown): unknown {
    if (typeof value === 'string') return this.ids.get(value) ?? value;
    if (Array.isArray(value)) return value.map((v) => this.json(v));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.json(v)]));
    return value;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
