import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { validateAction, validateWorkflow } from '@action-validator/core';
import { CommanderError } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { buildProgram } from '../src/cli/program.js';
import type { Runner } from '../src/cli/program.js';

const WORKFLOWS = ['examples/github', '.github/workflows'].flatMap((dir) =>
  readdirSync(dir).map((f) => path.join(dir, f)),
);
const GITLAB = 'examples/gitlab/.gitlab-ci.yml';

/** Quiet: the validator warns on stderr that it does not check path globs. */
function quietly<T>(work: () => T): T {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    return work();
  } finally {
    warn.mockRestore();
  }
}

describe('the examples are valid', () => {
  it.each(WORKFLOWS)('%s is a valid GitHub workflow', (file) => {
    expect(quietly(() => validateWorkflow(readFileSync(file, 'utf8'))).errors).toEqual([]);
  });

  it('action.yml is a valid action that runs the committed bundle with node24', () => {
    const text = readFileSync('action.yml', 'utf8');
    const action = parse(text) as { runs: { using: string; main: string } };
    expect(action.runs).toEqual({ using: 'node24', main: 'bundle/action.js' });
    expect(existsSync(action.runs.main)).toBe(true);
    // The validator's schema (its latest release) predates node24; everything else it checks as is.
    const asNode20 = text.replace(/^(\s+using:) node24$/m, '$1 node20');
    expect(asNode20).not.toBe(text);
    expect(validateAction(asNode20).errors).toEqual([]);
  });

  it('the examples name the Node and action versions users run now (Node 20 reached its end of life)', () => {
    const examples = [...WORKFLOWS.filter((f) => f.startsWith('examples')), GITLAB];
    for (const file of examples) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/node-version: ['"]?(1\d|20)\b|image: node:(1\d|20)\b/);
      for (const [, name, major] of text.matchAll(/uses: actions\/(checkout|setup-node)@v(\d+)/g))
        expect(Number(major), `${file}: actions/${name}`).toBeGreaterThanOrEqual(6);
    }
    expect(readFileSync(GITLAB, 'utf8')).toMatch(/image: node:24\b/);
  });

  it('the validator does catch a broken workflow', () => {
    const broken = readFileSync(WORKFLOWS[0]!, 'utf8').replace('runs-on:', 'runs_on:');
    expect(quietly(() => validateWorkflow(broken)).errors.length).toBeGreaterThan(0);
  });

  it('apply-on-merge and drift share one concurrency group', () => {
    const group = (f: string) =>
      (parse(readFileSync(`examples/github/${f}`, 'utf8')) as { concurrency?: { group?: string } })
        .concurrency?.group;
    expect(group('apply-on-merge.yml')).toBeDefined();
    expect(group('drift.yml')).toBe(group('apply-on-merge.yml'));
  });

  it('the GitLab pipeline has the three jobs, each with a script', () => {
    const ci = parse(readFileSync(GITLAB, 'utf8')) as Record<
      string,
      { script?: string[]; rules?: unknown[] }
    >;
    for (const job of ['plan', 'apply', 'drift']) {
      expect(ci[job]?.script?.length, job).toBeGreaterThan(0);
      expect(ci[job]?.rules?.length, job).toBeGreaterThan(0);
    }
  });
});

/**
 * Every `pactflow-accounts …` command line in a text: a command is cut at shell operators and
 * comments; a synopsis (`[--flag VALUE]` groups) is kept whole.
 */
export function commandLines(text: string): string[] {
  const lines: string[] = [];
  for (const match of text.matchAll(/(?<![\w/-])pactflow-accounts[ \t]+([^\n]*)/g)) {
    const whole = match[1]!;
    const rest = (
      whole.includes('[') ? whole.replace(/`.*$/, '') : whole.replace(/\s+#.*$/, '').split(/[;&|<>`)]/)[0]!
    ).trim();
    if (rest !== '') lines.push(rest);
  }
  return lines;
}

/** A synopsis line: its command exists and every flag it names is one of that command's. */
function checkSynopsis(line: string): string | undefined {
  const run: Runner = () => async () => undefined;
  const program = buildProgram(run, { writeOut: () => undefined, writeErr: () => undefined });
  const [name] = line.split(/\s+/);
  const command = program.commands.find((c) => c.name() === name);
  if (!command) return `unknown command ${name}`;
  const known = new Set(
    [...command.options, ...program.options].flatMap((o) => [o.long, o.short]).filter(Boolean),
  );
  const unknown = [...line.matchAll(/(?<=[\s[])(--?[a-zA-Z][\w-]*)/g)]
    .map((m) => m[1]!)
    .filter((f) => !known.has(f));
  return unknown.length ? `unknown options ${unknown.join(', ')}` : undefined;
}

/** Splits like a shell: quotes group, variables become a plain value. */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g))
    out.push((m[1] ?? m[2] ?? m[3]!).replace(/\$\{?\w+\}?/g, '1'));
  return out;
}

async function parseWithProgram(argv: string[]): Promise<string | undefined> {
  let error = '';
  const run: Runner = () => async () => undefined;
  const program = buildProgram(run, { writeOut: () => undefined, writeErr: (s) => void (error += s) });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return undefined;
  } catch (e) {
    if (
      e instanceof CommanderError &&
      (e.code === 'commander.helpDisplayed' || e.code === 'commander.version')
    )
      return undefined;
    return error || String(e);
  }
}

const SOURCES = [
  'README.md',
  'action.yml',
  GITLAB,
  ...WORKFLOWS,
  ...readdirSync('examples')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `examples/${f}`),
];

describe('every pactflow-accounts command line in the docs and examples parses with the real program', () => {
  const all = SOURCES.flatMap((file) =>
    commandLines(readFileSync(file, 'utf8')).map((line) => [file, line] as const),
  );

  it('finds command lines in the README and the GitLab pipeline', () => {
    expect(all.filter(([f]) => f === 'README.md').length).toBeGreaterThan(5);
    expect(all.filter(([f]) => f === GITLAB).length).toBeGreaterThan(5);
  });

  it.each(all)('%s: pactflow-accounts %s', async (_file, line) => {
    expect(line.includes('[') ? checkSynopsis(line) : await parseWithProgram(words(line))).toBeUndefined();
  });

  it('a renamed flag fails the check', async () => {
    expect(await parseWithProgram(words('plan --detailed-exit-code'))).toContain(
      "unknown option '--detailed-exit-code'",
    );
    expect(await parseWithProgram(words('publsh --kind plan'))).toContain('unknown command');
    expect(checkSynopsis('plan [--out plan.json] [--detailed-exit-code]')).toBe(
      'unknown options --detailed-exit-code',
    );
  });
});
