// Names a scenario creates on its target: the clock, the scenario's index and a counter, so reruns
// and scenarios never collide. The clock is written in digits and consonants only, so a name holds
// no word a scenario searches for ('bet', 'alpha'): a `$contains` on a word matches only the text
// after the prefix that the scenario wrote itself.
const CLOCK_DIGITS = '0123456789bcdfghjkmnpqrstvwxz';

/** The longest name a scenario gets: Droplit's alias limit, the tightest of the five. */
export const UNIQUE_NAME_MAX = 24;

export function clockDigits(ms: number): string {
  const base = CLOCK_DIGITS.length;
  let rest = Math.floor(ms);
  let out = '';
  do {
    out = CLOCK_DIGITS[rest % base] + out;
    rest = Math.floor(rest / base);
  } while (rest > 0);
  return out;
}

/** `capsule_<clock><index>_<counter>`; cutting it to fit would make two names one, so a long one throws. */
export function uniqueName(prefix: string, ms: number, index: number, counter: number): string {
  const name = `${prefix}_${clockDigits(ms)}${index}_${counter}`;
  if (name.length > UNIQUE_NAME_MAX) throw new Error(`unique name ${name} is over ${UNIQUE_NAME_MAX} characters: use a shorter prefix than '${prefix}'`);
  return name;
}
