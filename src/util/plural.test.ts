import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count, grouped, noun } from './plural.js';

describe('count', () => {
  it.each([
    [0, 'change', undefined, '0 changes'],
    [1, 'change', undefined, '1 change'],
    [2, 'change', undefined, '2 changes'],
    [1, 'delete', undefined, '1 delete'],
    [10000, 'account', undefined, '10,000 accounts'],
    [1, 'policy', 'policies', '1 policy'],
    [3, 'policy', 'policies', '3 policies'],
  ])('count(%d, %s) reads as a sentence', (n, singular, pluralForm, expected) => {
    expect(count(n, singular, pluralForm)).toBe(expected);
  });

  it('noun agrees with its number', () => {
    expect(noun(1, 'team')).toBe('team');
    expect(noun(0, 'team')).toBe('teams');
  });
});

describe('grouped', () => {
  it('writes every whole number as en-US grouping does, without loading the locale data', () => {
    for (const n of [0, 7, 999, 1000, -1000, 12_345, 1_000_000, -987_654_321, Number.MAX_SAFE_INTEGER])
      expect(grouped(n)).toBe(n.toLocaleString('en-US'));
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => grouped(n) === n.toLocaleString('en-US')),
      { numRuns: 1000 },
    );
  });

  it('leaves other numbers to the locale formatter', () => {
    expect(grouped(1234.5)).toBe('1,234.5');
    expect(grouped(Number.POSITIVE_INFINITY)).toBe('∞');
  });
});
