/**
 * A count with its noun in the right number: `count(1, 'change')` is "1 change",
 * `count(2, 'change')` is "2 changes", `count(3, 'account', 'accounts')` names an irregular plural.
 * Numbers are grouped (10,000) so long counts read at a glance. Every message that states a count
 * goes through here, so no output reads "1 deletes" or "(1 accounts unchanged)".
 */
export function count(n: number, singular: string, pluralForm: string = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${noun(n, singular, pluralForm)}`;
}

/** The noun alone, in the number that agrees with `n`. */
export function noun(n: number, singular: string, pluralForm: string = `${singular}s`): string {
  return n === 1 ? singular : pluralForm;
}
