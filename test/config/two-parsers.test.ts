import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { parseWithoutPositions, parseYamlSource } from '../../src/config/load.js';

/** What the positioned parser makes of a source; undefined when it reports an error. */
function positioned(source: string): unknown {
  const doc = parseDocument(source, { uniqueKeys: true, strict: true, merge: false, prettyErrors: false });
  return doc.errors.length ? undefined : doc.toJS({ maxAliasCount: 50 });
}

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'invalid');

describe('the fast load agrees with the positioned parse', () => {
  it.each([
    ['integers and floats', 'a: 0x1F\nb: 0o17\nc: 017\nd: 1e3\ne: +12\nf: .inf\ng: -.Inf\nh: 1.5\n'],
    ['YAML 1.2 booleans and nulls', 'a: TRUE\nb: yes\nc: on\nd: ~\ne: Null\nf:\ng: "true"\n'],
    ['dates and numbers with underscores stay strings', 'a: 2001-12-14\nb: 1_000\nc: 12:30\n'],
    ['quoting and block scalars', "a: \"\\u00e9\"\nb: 'it''s'\nc: |\n  x\n  y\nd: >-\n  x\n  y\n"],
    ['a merge key is a plain key', 'a:\n  <<: {b: 1}\n'],
    ['flow collections and comments', 'a: [1, {b: c}] # note\nb: "#"\nc: a#b\n'],
  ])('%s', (_, source) => {
    const fast = parseWithoutPositions(source);
    expect(fast).toBeDefined();
    expect(fast).toEqual(positioned(source));
  });

  it.each([
    ['an alias, whose expansion only the positioned parse bounds', 'a: &x [1]\nb: *x\n'],
    ['an alias in flow style', 'a: &x 1\nb: [*x]\n'],
    ['a %YAML 1.1 directive, which changes how `yes` reads', '%YAML 1.1\n---\na: yes\n'],
    ['a 0b scalar, an integer to js-yaml but a string in YAML 1.2', 'a: 0b101\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['an unknown tag', 'a: !!binary aGk=\n'],
    ['a list', '- a\n'],
    ['an empty file', ''],
  ])('leaves %s to the positioned parse', (_, source) => {
    expect(parseWithoutPositions(source)).toBeUndefined();
  });

  it('for generated documents in every scalar style', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.constantFrom('yes', 'no', 'on', 'null', '~', '0x10', '0o7', '1_0', '1e3', '.5', '-0', '2020-01-01'),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('tree'), { maxLength: 4 }),
      map: fc.dictionary(fc.string({ minLength: 1 }), tie('tree'), { maxKeys: 4 }),
    }));
    const style = fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED');
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1 }), tree, { minKeys: 1, maxKeys: 5 }),
        style,
        fc.boolean(),
        (value, defaultStringType, flow) => {
          const source = stringify(value, { defaultStringType, collectionStyle: flow ? 'flow' : 'block' });
          const fast = parseWithoutPositions(source);
          if (fast !== undefined) expect(fast).toEqual(positioned(source));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('on every invalid fixture, where js-yaml accepts it', () => {
    let compared = 0;
    for (const name of readdirSync(FIXTURES)) {
      const source = readFileSync(path.join(FIXTURES, name), 'utf8');
      const fast = parseWithoutPositions(source);
      if (fast === undefined) continue;
      const slow = positioned(source);
      if (slow === undefined) continue;
      expect(fast, name).toEqual(slow);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });
});

describe('positions on the fast path', () => {
  const source = 'version: 1\nsystemAccounts:\n  - name: ci-a\n    roles: [CI/CD, Viewer]\n';

  it('are found when asked for, from the positioned parse', () => {
    const loaded = parseYamlSource('a.yaml', new TextEncoder().encode(source));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.value).toEqual({
      version: 1,
      systemAccounts: [{ name: 'ci-a', roles: ['CI/CD', 'Viewer'] }],
    });
    expect(loaded.locate(['systemAccounts', 0, 'roles', 1])).toEqual({ line: 4, column: 20 });
    expect(loaded.locate(['systemAccounts', 0, 'roles'], { key: true })).toEqual({ line: 4, column: 5 });
  });
});
