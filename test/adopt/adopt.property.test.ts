import { diffLines } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { liveState } from '../helpers/states.js';
import type { BuiltFile, FileSpec } from './generated-file.js';
import { buildFile, fileSpec, liveAccounts, nameOf } from './generated-file.js';
import { adoptYaml, planOf } from './helpers.js';

/** Indexes (0-based) of the original lines that the diff removes or replaces. */
function removedLines(before: string, after: string): number[] {
  const removed: number[] = [];
  let line = 0;
  for (const part of diffLines(before, after)) {
    const count = part.count ?? 0;
    if (part.removed) for (let i = 0; i < count; i++) removed.push(line + i);
    if (!part.added) line += count;
  }
  return removed;
}

/** The lines adopt may touch: the entries that drifted, those that alias an anchor on one, and a blank line after a removed one. */
function touchable(spec: FileSpec, built: BuiltFile, allRemoved: boolean): Set<number> {
  const drifted = (i: number) => spec.accounts[i]!.drift !== 'same';
  const entries = spec.accounts.map((_, i) => i).filter(drifted);
  if (built.anchorHolder !== undefined && drifted(built.anchorHolder)) entries.push(...built.aliasUsers);
  const lines = new Set<number>(allRemoved ? [built.keyLine] : []);
  for (const i of entries) {
    const [start, end] = built.spans[i]!;
    for (let l = start; l <= end; l++) lines.add(l);
  }
  return lines;
}

describe('adopt over generated files and drift', () => {
  it('leaves plan empty, keeps every comment outside removed entries and every untouched line', () => {
    fc.assert(
      fc.property(fileSpec, (spec) => {
        const built = buildFile(spec);
        const live = liveState(liveAccounts(spec, built));
        const result = adoptYaml(built.text, live);
        const plan = planOf(result.text, live);
        expect(plan.changes).toEqual([]);
        const removedEntries = new Set(
          result.accounts.filter((a) => a.kinds.includes('deletion')).map((a) => a.name),
        );
        spec.accounts.forEach((_, i) => {
          if (removedEntries.has(nameOf(i, spec.accounts[i]!))) return;
          for (const c of built.entryComments[i]!) expect(result.text).toContain(`${c}\n`);
        });
        const allEntryComments = new Set(built.entryComments.flat());
        for (const c of built.text.match(/# c\d+/g) ?? [])
          if (!allEntryComments.has(c)) expect(result.text).toContain(c);
        const allowed = touchable(spec, built, removedEntries.size === spec.accounts.length);
        for (const line of removedLines(built.text, result.text))
          expect(allowed.has(line), `line ${line + 1}`).toBe(true);
        expect(adoptYaml(result.text, live).text).toBe(result.text);
      }),
      { numRuns: 300 },
    );
  });
});
