/**
 * The identity of a name: two names are the same name when their keys are equal. Unicode NFC
 * first, so `cafe\u0301` and `caf\u00e9` are one name, then case folded, as PactFlow matches names.
 * Every comparison of account, role and team names goes through this one function.
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * The one ordering of names everywhere (plans, live state, exports): by name key first, then
 * exact, by code unit. Locale-independent, so a plan is byte-identical on every machine.
 */
export function compareNames(a: string, b: string): number {
  const x = nameKey(a);
  const y = nameKey(b);
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export const byName = <T extends { name: string }>(a: T, b: T): number => compareNames(a.name, b.name);
