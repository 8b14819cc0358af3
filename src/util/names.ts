/**
 * The one ordering of names everywhere (plans, live state, exports): case-insensitive first, then
 * exact, by code unit. Locale-independent, so a plan is byte-identical on every machine.
 */
export function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export const byName = <T extends { name: string }>(a: T, b: T): number => compareNames(a.name, b.name);
