import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count, grouped } from '../../src/util/plural.js';

describe('grouped numbers', () => {
  it('writes every whole number as en-US grouping does', () => {
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

  it('counts with the noun in the right number', () => {
    expect(count(1, 'account')).toBe('1 account');
    expect(count(10_000, 'account')).toBe('10,000 accounts');
    expect(count(2, 'person', 'people')).toBe('2 people');
  });
});
