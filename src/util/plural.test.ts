import { describe, expect, it } from 'vitest';
import { count, noun } from './plural.js';

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
