import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { fitWidths } from '../../src/render/show-fit.js';
import type { Harness } from '../helpers/emulator.js';
import { harness } from '../helpers/emulator.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.close();
  h = undefined;
});

/** `show` in-process with stdout a terminal of `columns` characters (or a pipe: no columns). */
async function show(args: string[], columns?: number) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['show', ...args], {
    stdout: {
      write: (s: string) => (stdout += s),
      ...(columns === undefined ? {} : { isTTY: true, columns }),
    },
    stderr: { write: (s: string) => (stderr += s) },
    env: { ...h!.env, CI: 'true', NO_COLOR: '1' },
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));
const rowOf = (text: string, name: string) => text.split('\n').find((l) => l.startsWith(`${name} `)) ?? '';

describe('show on a terminal fits its width', () => {
  it.each([
    [200, []],
    [120, ['--activity']],
    [100, ['-f', 'examples/accounts.yaml', '--activity']],
    [80, ['-f', 'examples/accounts.yaml']],
    [60, ['--activity']],
  ])('%i columns (%j): no line wider, every account still listed', async (columns, args) => {
    h = await harness();
    const piped = await show(args);
    const fitted = await show(args, columns);
    expect(fitted.code).toBe(0);
    expect(widest(piped.stdout)).toBeGreaterThan(columns);
    expect(widest(fitted.stdout)).toBeLessThanOrEqual(columns);
    const names = (out: string) => out.split('\n').map((l) => l.split(' ')[0]);
    for (const name of ['ci-platform-admin', 'ci-orders-provider-verification', 'deploy-bot'])
      expect(names(fitted.stdout)).toContain(name);
  });

  it('cuts the long cells first, with "…" and a note, and keeps the short columns whole', async () => {
    h = await harness();
    const run = await show([], 120);
    const admin = rowOf(run.stdout, 'ci-platform-admin');
    expect(admin).toMatch(/^ci-platform-admin +enabled +yes +Administrator, … +Platform +18 scopes; .*…/);
    expect(admin).toMatch(/never +2024-01-01$/);
    expect(run.stdout).toContain('Cells ending in "…" are cut to fit 120 columns; --format json or csv');
  });

  it('leaves out whole columns, least useful first, when cutting is not enough, and says which', async () => {
    h = await harness();
    const run = await show(['--activity'], 60);
    const header = run.stdout.split('\n')[0]!;
    expect(header).toMatch(/^NAME +STATE +/);
    expect(header).not.toContain('CREATED');
    expect(run.stdout).toMatch(
      /Left out to fit 60 columns: ADMIN, TEAMS, SCOPES, LAST\nLOGIN, CREATED, .*;\n--format json or csv/,
    );
  });

  it('piped (not a terminal), JSON and CSV keep every character', async () => {
    h = await harness();
    const piped = await show([]);
    expect(rowOf(piped.stdout, 'ci-platform-admin')).toContain('; invites users');
    expect(piped.stdout).not.toContain('…');
    expect(piped.stdout).not.toContain('to fit');
    for (const format of ['json', 'csv']) {
      const run = await show(['--format', format], 40);
      expect(run.stdout).not.toContain('…');
      expect(run.stdout).toContain('user:invite');
    }
  });
});

describe('fitWidths', () => {
  const headers = ['NAME', 'STATE', 'SCOPES', 'CREATED'];
  it.each([
    [100, [30, 8, 40, 10]],
    [80, [30, 8, 26, 10]],
    [72, [30, 8, 18, 10]],
    [70, [30, 8, 16, 10]],
    [60, [30, 8, 18, undefined]],
  ])('in %i columns: %j', (width, expected) => {
    expect(fitWidths(headers, [30, 8, 40, 10], width)).toEqual(expected);
  });
});
