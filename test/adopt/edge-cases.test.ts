import { describe, expect, it } from 'vitest';
import { liveState } from '../helpers/states.js';
import { adoptYaml, planOf } from './helpers.js';

/** Adopt, then check that the file plans clean and a second adopt changes nothing. */
function adoptClean(yaml: string, live: ReturnType<typeof liveState>, options = {}): string {
  const { text } = adoptYaml(yaml, live, options);
  expect(planOf(text, live).changes).toEqual([]);
  expect(adoptYaml(text, live, options).text).toBe(text);
  return text;
}

describe('adopt: values written as block scalars', () => {
  it('replaces a folded or literal scalar and keeps the next key on its own line', () => {
    const yaml = `version: 1
systemAccounts:
  - name: >-
      ci-a
    email: |-
      a@example.com
    state: >-
      enabled
    roles: [CI/CD]
  - name: ci-b
    email: >-
      b@example.com

    roles: [CI/CD]
`;
    const live = liveState([
      { name: 'ci-a2', email: 'a@example.com', active: false },
      { name: 'ci-b', email: 'b2@example.com' },
    ]);
    expect(adoptClean(yaml, live)).toBe(`version: 1
systemAccounts:
  - name: ci-a2
    email: |-
      a@example.com
    state: disabled
    roles: [CI/CD]
    previousNames: [ci-a]
  - name: ci-b
    email: b2@example.com

    roles: [CI/CD]
`);
  });
});
