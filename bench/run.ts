/**
 * `npm run bench`: the speed of the built CLI, measured from the outside and printed as a table;
 * figures and ratios, never pass/fail in tests. Every measured program is a child process of its
 * own (the CLI binary, the per-account reader), and the emulator runs in a third, so wall time and
 * peak RSS belong to the program measured.
 *
 *   npm run bench                    everything, medians of 5 runs
 *   npm run bench -- --quick         100 and 1,000 accounts, 3 runs, apply at concurrency 8 only
 *   npm run bench -- --only plan,reader,startup --runs 7 --out bench/some-results.json --sizes 1000,10000 --latencies 25
 *   npm run bench -- --before /tmp/bench-old.json   targets against an earlier build's results, measured
 *                                                   the same day on the same machine
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Sample } from './measure.js';
import { measureNode, median } from './measure.js';
import type { RequestCounts } from './remote-emulator.js';
import { RemoteEmulator } from './remote-emulator.js';
import { PAGE_CAP, TEAMS, TERRAFORM_PARALLELISM, applyYaml, planYaml } from './scenario.js';

const SECTIONS = ['startup', 'plan', 'reader', 'apply'] as const;
type Section = (typeof SECTIONS)[number];

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    sizes: { type: 'string' },
    latencies: { type: 'string' },
    concurrency: { type: 'string' },
    only: { type: 'string' },
    out: { type: 'string', default: 'bench/results.json' },
    before: { type: 'string' },
  },
});
const numbers = (text: string | undefined, fallback: number[]) =>
  text === undefined ? fallback : text.split(',').map((s) => Number(s.replace(/_/g, '')));
const settings = {
  runs: Number(flags.runs ?? (flags.quick ? 3 : 5)),
  sizes: numbers(flags.sizes, flags.quick ? [100, 1000] : [100, 1000, 10_000]),
  latencies: numbers(flags.latencies, [0, 25]),
  concurrency: numbers(flags.concurrency, flags.quick ? [8] : [1, 4, 8]),
  applyChanges: 1000,
  applyLatencyMs: 25,
  sections: new Set<Section>((flags.only?.split(',') as Section[] | undefined) ?? SECTIONS),
};

const root = fileURLToPath(new URL('../../', import.meta.url));
const script = (name: string) => fileURLToPath(new URL(`./${name}.js`, import.meta.url));
const cli = join(root, 'bundle/pactflow-accounts.js');
const library = join(root, 'dist/lib/index.js');
const scratch = mkdtempSync(join(tmpdir(), 'pactflow-accounts-bench-'));
const out = (line = '') => process.stdout.write(line + '\n');

const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1' };
const run = (args: string[], env: NodeJS.ProcessEnv = baseEnv) =>
  measureNode(args, { env, cwd: root, scratch, preload: script('max-rss') });

interface Figures {
  wallMs: number;
  peakRssMb: number;
  cpuMs: number;
  requests: number;
  runs: number;
  wallSamplesMs: number[];
}

function summarize(samples: { sample: Sample; counts?: RequestCounts }[]): Figures {
  return {
    wallMs: median(samples.map((s) => s.sample.wallMs)),
    peakRssMb: median(samples.map((s) => s.sample.peakRssMb)),
    cpuMs: median(samples.map((s) => s.sample.cpuMs)),
    requests: median(samples.map((s) => s.counts?.requests ?? 0)),
    runs: samples.length,
    wallSamplesMs: samples.map((s) => Math.round(s.sample.wallMs)),
  };
}

function expectExit(what: string, sample: Sample, codes: number[] = [0]) {
  if (sample.code === null || !codes.includes(sample.code))
    throw new Error(`${what} exited ${sample.code}:\n${sample.stderr}`);
}

/**
 * `runs` measured runs after `warmUps` unmeasured ones: the disk cache, and for plan the emulator,
 * which stands for a server that has been up for a while, not one compiling its code for the
 * first time while it answers.
 */
async function repeat(
  what: string,
  runs: number,
  once: () => Promise<{ sample: Sample; counts?: RequestCounts }>,
  warmUps = 1,
) {
  for (let i = 0; i < warmUps; i++) await once();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    let result = await once();
    // One failed run on a busy machine (a reset connection) is run again, not the end of the bench.
    if (result.sample.code !== 0) result = await once();
    expectExit(what, result.sample);
    samples.push(result);
  }
  return summarize(samples);
}

// ---- start-up ---------------------------------------------------------------------------------

async function benchStartup() {
  const runs = settings.runs * 2;
  const bare = await repeat('node -e 0', runs, async () => ({ sample: await run(['-e', '0']) }));
  const help = await repeat('--help', runs, async () => ({ sample: await run([cli, '--help']) }));
  const validate = await repeat('validate', runs, async () => ({
    sample: await run([cli, 'validate', '-f', 'examples/accounts.yaml']),
  }));
  // What a program pays to `import ... from 'pactflow-accounts'`: the library's entry point as
  // package.json exports it.
  const importLibrary = `await import(${JSON.stringify(pathToFileURL(library).href)});`;
  const libraryImport = await repeat('library import', runs, async () => ({
    sample: await run(['--input-type=module', '-e', importLibrary]),
  }));
  return { bare, help, validate, libraryImport };
}

// ---- plan, and the per-account reader beside it -----------------------------------------------

interface PlanCase {
  accounts: number;
  latencyMs: number;
  plan: Figures;
  perAccount?: Figures;
}

async function benchPlan(emulator: RemoteEmulator, withReader: boolean): Promise<PlanCase[]> {
  const cases: PlanCase[] = [];
  for (const accounts of settings.sizes) {
    const org = await emulator.start(accounts, 0);
    const file = join(scratch, `plan-${accounts}.yaml`);
    writeFileSync(file, planYaml(accounts));
    const ids = join(scratch, `ids-${accounts}.json`);
    writeFileSync(ids, JSON.stringify({ accounts: org.accounts, teams: org.teams }));
    const env = { ...baseEnv, PACT_BROKER_BASE_URL: org.url, PACT_BROKER_TOKEN: org.token };
    for (const latencyMs of settings.latencies) {
      await emulator.setLatency(latencyMs);
      const measured = async (args: string[], readerEnv: NodeJS.ProcessEnv = env) => {
        await emulator.reset();
        const sample = await run(args, readerEnv);
        return { sample, counts: await emulator.counts() };
      };
      const plan = await repeat(
        `plan of ${accounts}`,
        settings.runs,
        () => measured([cli, 'plan', '-f', file]),
        3,
      );
      const perAccount = withReader
        ? await repeat(
            `per-account reader of ${accounts}`,
            settings.runs,
            () =>
              measured([script('per-account-reader'), ids], {
                ...baseEnv,
                BENCH_URL: org.url,
                BENCH_TOKEN: org.token,
              }),
            0,
          )
        : undefined;
      cases.push({ accounts, latencyMs, plan, ...(perAccount ? { perAccount } : {}) });
      out(
        `  plan ${accounts} @ ${latencyMs} ms: ${ms(plan.wallMs)}, ${plan.requests} requests` +
          (perAccount ? `; per-account ${ms(perAccount.wallMs)}, ${perAccount.requests} requests` : ''),
      );
    }
  }
  return cases;
}

// ---- apply -------------------------------------------------------------------------------------

interface ApplyCase {
  concurrency: number;
  changes: number;
  latencyMs: number;
  writes: number;
  /** First write to last, as the server saw them: the part of apply that concurrency speeds up. */
  writeWindowMs: number;
  idealMs: number;
  ratio: number;
  cli: Figures;
}

async function benchApply(emulator: RemoteEmulator): Promise<ApplyCase[]> {
  const { applyChanges: changes, applyLatencyMs: latencyMs } = settings;
  const file = join(scratch, `apply-${changes}.yaml`);
  writeFileSync(file, applyYaml(changes));
  const cases: ApplyCase[] = [];
  for (const concurrency of settings.concurrency) {
    const windows: number[] = [];
    const writes: number[] = [];
    const cli_ = await repeat(
      `apply at concurrency ${concurrency}`,
      settings.runs,
      async () => {
        // Every run starts from the same organization, so every run makes the same writes.
        const org = await emulator.start(changes, latencyMs);
        const env = { ...baseEnv, PACT_BROKER_BASE_URL: org.url, PACT_BROKER_TOKEN: org.token };
        const sample = await run(
          [cli, 'apply', '-f', file, '--auto-approve', '--concurrency', String(concurrency)],
          env,
        );
        const counts = await emulator.counts();
        windows.push(counts.writeWindowMs);
        writes.push(counts.writes);
        return { sample, counts };
      },
      0,
    );
    const writeCount = median(writes);
    const idealMs = (writeCount * latencyMs) / concurrency;
    const writeWindowMs = median(windows);
    cases.push({
      concurrency,
      changes,
      latencyMs,
      writes: writeCount,
      writeWindowMs,
      idealMs,
      ratio: writeWindowMs / idealMs,
      cli: cli_,
    });
    out(`  apply at concurrency ${concurrency}: ${ms(writeWindowMs)} (ideal ${ms(idealMs)})`);
  }
  return cases;
}

// ---- report ------------------------------------------------------------------------------------

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);
const mb = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} MB` : '?');
const count = (x: number) => x.toLocaleString('en-US');

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i === 0 ? '-' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|')}|`,
    ...rows.map(line),
  ];
}

interface Target {
  what: string;
  limit: string;
  measured: string;
  held: boolean;
}

/** An earlier run's results (`--before`): the 10,000-account wall time is held to within 15% of it. */
const before = flags.before
  ? (JSON.parse(readFileSync(resolve(root, flags.before), 'utf8')) as { plan: PlanCase[] })
  : undefined;
const planAt = (plans: PlanCase[], accounts: number) =>
  plans.find((p) => p.accounts === accounts && p.latencyMs === 25);

function targets(startup: Awaited<ReturnType<typeof benchStartup>> | undefined, plans: PlanCase[]): Target[] {
  const list: Target[] = [];
  const big = planAt(plans, 10_000);
  if (big) {
    const earlier = before && planAt(before.plan, 10_000);
    const limitMs = earlier ? earlier.plan.wallMs * 1.15 : 1500;
    list.push({
      what: 'plan of 10,000 @ 25 ms: wall',
      limit: `≤ ${ms(limitMs)}${earlier ? ` (before ${ms(earlier.plan.wallMs)} + 15%)` : ''}`,
      measured: ms(big.plan.wallMs),
      held: big.plan.wallMs <= limitMs,
    });
    list.push({
      what: 'plan of 10,000 @ 25 ms: peak RSS',
      limit: '≤ 170 MB',
      measured: mb(big.plan.peakRssMb),
      held: big.plan.peakRssMb <= 170,
    });
  }
  const mid = planAt(plans, 1000);
  if (mid)
    list.push({
      what: 'plan of 1,000 @ 25 ms: wall',
      limit: '≤ 500 ms',
      measured: ms(mid.plan.wallMs),
      held: mid.plan.wallMs <= 500,
    });
  if (startup) {
    const overBare: [string, Figures, number][] = [
      ['--help', startup.help, 150],
      ['validate', startup.validate, 200],
      ['library import', startup.libraryImport, 100],
    ];
    for (const [what, figures, limitMs] of overBare) {
      const over = figures.wallMs - startup.bare.wallMs;
      list.push({
        what: `${what} over bare node`,
        limit: `≤ ${limitMs} ms`,
        measured: ms(over),
        held: over <= limitMs,
      });
    }
  }
  return list;
}

function report(
  startup: Awaited<ReturnType<typeof benchStartup>> | undefined,
  plans: PlanCase[],
  applies: ApplyCase[],
): string[] {
  return [
    ...(plans.length ? planTable(plans) : []),
    ...(applies.length ? applyTable(applies) : []),
    ...(startup ? startupTable(startup) : []),
    ...targetTable(startup, plans),
  ];
}

function planTable(plans: PlanCase[]): string[] {
  const lines: string[] = [];
  lines.push(
    `plan: ${TEAMS} teams, page cap ${PAGE_CAP}; per-account reader: one GET per account and per team, ${TERRAFORM_PARALLELISM} at a time`,
    '',
  );
  lines.push(
    ...table(
      [
        'accounts',
        'latency',
        'plan wall',
        'CPU',
        'requests',
        'peak RSS',
        'per-account wall',
        'requests',
        'peak RSS',
        'time ×',
        'requests ×',
      ],
      plans.map((p) => [
        count(p.accounts),
        `${p.latencyMs} ms`,
        ms(p.plan.wallMs),
        ms(p.plan.cpuMs),
        count(p.plan.requests),
        mb(p.plan.peakRssMb),
        ...(p.perAccount
          ? [
              ms(p.perAccount.wallMs),
              count(p.perAccount.requests),
              mb(p.perAccount.peakRssMb),
              `${(p.perAccount.wallMs / p.plan.wallMs).toFixed(1)}`,
              `${(p.perAccount.requests / p.plan.requests).toFixed(0)}`,
            ]
          : ['–', '–', '–', '–', '–']),
      ]),
    ),
    '',
  );
  return lines;
}

function applyTable(applies: ApplyCase[]): string[] {
  const lines: string[] = [];
  lines.push(
    ...table(
      ['apply', 'changes', 'writes', 'latency', 'write phase', 'ideal', 'ratio', 'CLI wall'],
      applies.map((a) => [
        `concurrency ${a.concurrency}`,
        count(a.changes),
        count(a.writes),
        `${a.latencyMs} ms`,
        ms(a.writeWindowMs),
        ms(a.idealMs),
        a.ratio.toFixed(2),
        ms(a.cli.wallMs),
      ]),
    ),
    '',
  );
  return lines;
}

function startupTable(startup: Awaited<ReturnType<typeof benchStartup>>): string[] {
  const lines: string[] = [];
  const row = (name: string, f: Figures, over: boolean) => [
    name,
    ms(f.wallMs),
    over ? ms(f.wallMs - startup.bare.wallMs) : '–',
    ms(f.cpuMs),
    mb(f.peakRssMb),
  ];
  lines.push(
    ...table(
      ['start-up', 'wall', 'over bare node', 'CPU', 'peak RSS'],
      [
        row('node -e 0', startup.bare, false),
        row('--help', startup.help, true),
        row('validate -f examples/accounts.yaml', startup.validate, true),
        row("import from 'pactflow-accounts'", startup.libraryImport, true),
      ],
    ),
    '',
  );
  return lines;
}

function targetTable(
  startup: Awaited<ReturnType<typeof benchStartup>> | undefined,
  plans: PlanCase[],
): string[] {
  const lines: string[] = [];
  const checks = targets(startup, plans);
  if (checks.length)
    lines.push(
      ...table(
        ['target', 'limit', 'measured', 'held'],
        checks.map((t) => [t.what, t.limit, t.measured, t.held ? 'yes' : 'NO']),
      ),
    );
  return lines;
}

// ---- main --------------------------------------------------------------------------------------

out(
  `pactflow-accounts bench: node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs; medians of ${settings.runs} runs (start-up: ${settings.runs * 2})`,
);
const loadBefore = loadavg()[0];
out(
  `load average ${loadBefore?.toFixed(1)}: other work on this machine slows the wall times; CPU times vary less`,
);
const emulator = new RemoteEmulator(script('emulator-host'));
try {
  const startup = settings.sections.has('startup') ? await benchStartup() : undefined;
  const plans = settings.sections.has('plan')
    ? await benchPlan(emulator, settings.sections.has('reader'))
    : [];
  const applies = settings.sections.has('apply') ? await benchApply(emulator) : [];
  const lines = report(startup, plans, applies);
  out();
  for (const line of lines) out(line);
  const results = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}/${process.arch}`,
    cpus: cpus().length,
    loadAverage: { before: loadBefore, after: loadavg()[0] },
    settings: { ...settings, sections: [...settings.sections] },
    startup,
    plan: plans,
    apply: applies,
    targets: targets(startup, plans),
    table: lines,
  };
  // Relative to the project (npm runs scripts there); an absolute path stands as given.
  const outFile = resolve(root, flags.out);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(results, null, 2) + '\n');
  out(`\nwrote ${flags.out}`);
} finally {
  await emulator.close();
  rmSync(scratch, { recursive: true, force: true });
}
