// X-ALTR-DATE formats. ALTR never says which one it wants and its own samples use three, so each is
// matched explicitly: Date.parse's leniency is implementation-specific (it reads "01-02-1970" as a
// local time in V8 and refuses it elsewhere), and the skew rule must not depend on the host's zone.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MON = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';

// 1970-01-01T00:00:00Z, 1970-01-01T00:00:00.123+02:00, 1970-01-01 00:00:00 (no offset: UTC).
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// Thu, 01 Jan 1970 00:00:00 GMT (RFC 1123, Date.toUTCString) and RFC 2822 numeric zones.
const RFC_1123 = new RegExp(`^${DAY}, (\\d{1,2}) ${MON} (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) (GMT|UTC|UT|Z|[+-]\\d{4})$`, 'i');
// Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time): JS Date.toString().
const JS_TO_STRING = new RegExp(`^${DAY} ${MON} (\\d{2}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT([+-]\\d{4})(?: \\([^)]*\\))?$`, 'i');
// 01-01-1970 00:00:00, ALTR's own example payload; read as UTC.
const MM_DD_YYYY = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;

/** Offset in minutes east of UTC for Z, GMT, +hh, +hhmm, +hh:mm; undefined when out of range. */
function offsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || /^(z|gmt|utc|ut)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 23 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** Epoch ms for a wall-clock time at an offset, or undefined when a field is out of range (Feb 30, 25:00). */
function toEpoch(year: number, month: number, day: number, h: number, mi: number, s: number, ms: number, offset: number | undefined): number | undefined {
  if (offset === undefined || month < 1 || month > 12 || day < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, h, mi, s, ms);
  if (new Date(utc).getUTCDate() !== day) return undefined; // Date.UTC rolls Feb 30 over into March
  return utc - offset * 60_000;
}

const monthOf = (name: string) => MONTHS.indexOf(name.toLowerCase()) + 1;

/** Parses an X-ALTR-DATE value in one of the accepted formats; undefined when it is none of them. */
export function parseAltrDate(value: string): number | undefined {
  const text = value.trim();
  let m = ISO_8601.exec(text);
  if (m) {
    const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
    return toEpoch(+m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] ?? 0), ms, offsetMinutes(m[8]));
  }
  m = RFC_1123.exec(text);
  if (m) return toEpoch(+m[3], monthOf(m[2]), +m[1], +m[4], +m[5], +m[6], 0, offsetMinutes(m[7]));
  m = JS_TO_STRING.exec(text);
  if (m) return toEpoch(+m[3], monthOf(m[1]), +m[2], +m[4], +m[5], +m[6], 0, offsetMinutes(m[7]));
  m = MM_DD_YYYY.exec(text);
  if (m) return toEpoch(+m[3], +m[1], +m[2], +m[4], +m[5], +m[6], 0, 0);
  return undefined;
}
