/**
 * A count with its noun in the right number: `count(1, 'change')` is "1 change",
 * `count(2, 'change')` is "2 changes", `count(3, 'account', 'accounts')` names an irregular plural.
 * Numbers are grouped (10,000) so long counts read at a glance. Every message that states a count
 * goes through here, so no output reads "1 deletes" or "(1 accounts unchanged)".
 */
export function count(n: number, singular: string, pluralForm: string = `${singular}s`): string {
  return `${grouped(n)} ${noun(n, singular, pluralForm)}`;
}

/**
 * A whole number with its thousands grouped, as `toLocaleString('en-US')` writes it (10,000), but
 * without loading the locale data: the first such call costs a command some 25 ms of start-up.
 */
export function grouped(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}

/** The noun alone, in the number that agrees with `n`. */
export function noun(n: number, singular: string, pluralForm: string = `${singular}s`): string {
  return n === 1 ? singular : pluralForm;
}
