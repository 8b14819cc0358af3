import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fenced } from '../render/markdown-kit.js';
import { workflowCommand } from './commands.js';
import type { ActionInputs } from './inputs.js';

/** How one run of the CLI ended, and what it printed on stdout when that was asked for. */
export interface CliResult {
  code: number;
  stdout: string;
  /** Only when asked for; it still goes to the job log as it comes. */
  stderr: string;
}

/**
 * Runs the bundled CLI beside this file, one process per step, as a person would in a terminal:
 * stderr (and stdout, unless captured) go straight to the job log. A signal the runner sends to
 * cancel the job is passed on to the step running, which then stops as the CLI does on Ctrl+C.
 */
export class Cli {
  private current: ChildProcess | undefined;
  /** Once the job is cancelled no further step starts, and the Action fails. */
  cancelled = false;

  constructor(
    private readonly bin: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.on(signal, () => {
        this.cancelled = true;
        this.current?.kill(signal);
      });
  }

  run(args: string[], capture: { stdout?: boolean; stderr?: boolean } = {}): Promise<CliResult> {
    if (this.cancelled) return Promise.resolve({ code: 1, stdout: '', stderr: '' });
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [this.bin, ...args], {
        env: this.env,
        stdio: ['ignore', capture.stdout ? 'pipe' : 'inherit', capture.stderr ? 'pipe' : 'inherit'],
      });
      this.current = child;
      let stdout = '';
      let stderr = '';
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        process.stderr.write(chunk);
      });
      child.on('error', reject);
      child.on('close', (code, signal) => {
        this.current = undefined;
        resolve({ code: code ?? (signal ? 1 : 0), stdout, stderr });
      });
    });
  }
}

/** Where the run keeps its reports: the runner's temporary folder, emptied of an earlier run's. */
function reportFiles(env: NodeJS.ProcessEnv) {
  const dir = path.join(env.RUNNER_TEMP || tmpdir(), 'pactflow-accounts');
  mkdirSync(dir, { recursive: true });
  const files = {
    planJson: path.join(dir, 'plan.json'),
    planMarkdown: path.join(dir, 'plan.md'),
    applyMarkdown: path.join(dir, 'apply.md'),
    driftMarkdown: path.join(dir, 'drift.md'),
    adoptMarkdown: path.join(dir, 'adopt.md'),
  };
  const summary = env.GITHUB_STEP_SUMMARY;
  for (const file of Object.values(files)) rmSync(file, { force: true });
  return { ...files, summary };
}
type Reports = ReturnType<typeof reportFiles>;

function planArgs(inputs: ActionInputs, reports: Reports): string[] {
  const args = ['plan', '-f', inputs.file, '--out', reports.planJson, '--out-markdown'];
  args.push(reports.planMarkdown, '--format', inputs.format, '--detailed-exitcode');
  if (inputs.unmanagedIsDrift) args.push('--unmanaged-is-drift');
  return args;
}

function applyArgs(inputs: ActionInputs, reports: Reports): string[] {
  const args = ['apply', reports.planJson, '--format', 'markdown'];
  if (inputs.allowDeletes) args.push('--allow-deletes', inputs.allowDeletes);
  if (inputs.allowDisables) args.push('--allow-disables', inputs.allowDisables);
  if (inputs.allowAdminChanges) args.push('--allow-admin-changes', inputs.allowAdminChanges);
  return args;
}

/** Applies the saved plan; its Markdown report goes to the log and to apply.md. */
async function applySaved(cli: Cli, inputs: ActionInputs, reports: Reports): Promise<number> {
  const applied = await cli.run(applyArgs(inputs, reports), { stdout: true });
  writeFileSync(reports.applyMarkdown, applied.stdout);
  process.stdout.write(applied.stdout);
  return applied.code;
}

/** A pull request: comment the plan (or the problems of an invalid file). */
async function afterPlan(cli: Cli, inputs: ActionInputs, reports: Reports, code: number) {
  if (!inputs.publish || !existsSync(reports.planMarkdown)) return code;
  const saved = existsSync(reports.planJson) ? ['--plan', reports.planJson] : [];
  const published = await cli.run(['publish', '--kind', 'plan', '--file', reports.planMarkdown, ...saved]);
  return published.code === 0 ? code : 1;
}

/** Why nothing was applied when `reviewed` failed: a difference only block-on-difference refuses. */
function notReviewed(inputs: ActionInputs): string {
  return inputs.blockOnDifference
    ? 'the merged plan does not match the reviewed plan (block-on-difference: true; see above); nothing was applied'
    : 'the reviewed plan could not be read from the pull request (see above); nothing was applied';
}

/**
 * On merge: compare with the reviewed plan (block-on-difference checks even with publishing off,
 * reading the comment only), apply the saved plan, report on the merged pull request.
 */
async function afterApplyPlan(cli: Cli, inputs: ActionInputs, reports: Reports, code: number) {
  if (code !== 2) return code;
  if (inputs.publish || inputs.blockOnDifference) {
    const args = ['reviewed', '--plan', reports.planJson];
    if (inputs.blockOnDifference) args.push('--require-match');
    const reviewed = await cli.run(args, { stdout: true });
    if (reports.summary) appendFileSync(reports.summary, reviewed.stdout);
    if (reviewed.code !== 0) {
      // A cancelled step says nothing more: the CLI has said where it stopped.
      if (!cli.cancelled) process.stdout.write(workflowCommand('error', notReviewed(inputs)));
      return 1;
    }
  }
  const applied = await applySaved(cli, inputs, reports);
  if (!inputs.publish) return applied;
  const args = ['publish', '--kind', 'apply', '--file', reports.applyMarkdown, '--plan', reports.planJson];
  return (await cli.run(args)).code === 0 ? applied : 1;
}

/**
 * What adopt printed, as the pull request shows it: its summary (how each account was paired,
 * probable renames called out), then the diff.
 */
function adoptReport(file: string, adopted: CliResult, code: number): string {
  if (!adopted.stdout.trim() && code === 2)
    return `Nothing left to adopt into \`${file}\`; ${stillDiffers(file)}.\n`;
  if (!adopted.stdout.trim()) return `Nothing left to adopt: \`${file}\` matches PactFlow.\n`;
  const intro = `### Adopt the drift into \`${file}\`\n\nChanges made in PactFlow, written into the file for review:`;
  return `${intro}\n\n${fenced(adopted.stderr)}\n\n${fenced(adopted.stdout, 'diff')}\n`;
}

/** Drift that adopt does not write into the file: accounts the policy would disable or delete, say. */
const stillDiffers = (file: string) =>
  `PactFlow still differs from ${file} in ways adopt does not write into it (see the plan): ` +
  'edit the file, or run the drift job with drift-action report or correct';

/**
 * Drift adopted: edit the file to match PactFlow, and keep one pull/merge request with that edit
 * (created or updated in place); when nothing is left to adopt, close it.
 */
async function adoptDrift(cli: Cli, inputs: ActionInputs, reports: Reports, planned: number) {
  if (planned === 1) return planned;
  // Nothing is applied here, so a guard that would refuse reverting the drift (3) refuses nothing:
  // the drift is an answer (2), as it is for a report.
  const code = planned === 3 ? 2 : planned;
  const args = ['adopt', '-f', inputs.file, ...(inputs.unmanagedIsDrift ? ['--include-unmanaged'] : [])];
  const adopted = await cli.run(args, { stdout: true, stderr: true });
  process.stdout.write(adopted.stdout);
  if (adopted.code !== 0) return 1;
  if (!adopted.stdout.trim() && code === 2)
    process.stdout.write(workflowCommand('warning', stillDiffers(inputs.file)));
  writeFileSync(reports.adoptMarkdown, adoptReport(inputs.file, adopted, code));
  if (!inputs.publish) return code;
  const publish = ['publish', '--kind', 'adopt', '--file', reports.adoptMarkdown];
  if (!adopted.stdout.trim()) publish.push('--clean');
  else publish.push('--file', reports.planMarkdown, '--adopted', inputs.file);
  return (await cli.run(publish)).code === 0 ? code : 1;
}

/** Drift: report it in one issue, correct it (apply the saved plan), or adopt it into the file. */
async function afterDriftPlan(cli: Cli, inputs: ActionInputs, reports: Reports, code: number) {
  if (inputs.driftAction === 'adopt') return adoptDrift(cli, inputs, reports, code);
  let report = reports.planMarkdown;
  if (code === 2 && inputs.driftAction === 'correct') {
    code = await applySaved(cli, inputs, reports);
    const plan = readFileSync(reports.planMarkdown, 'utf8');
    writeFileSync(reports.driftMarkdown, `${plan}\n${readFileSync(reports.applyMarkdown, 'utf8')}`);
    report = reports.driftMarkdown;
  }
  if (!inputs.publish || !existsSync(report)) return code;
  const args = ['publish', '--kind', 'drift', '--file', report, ...(code === 0 ? ['--clean'] : [])];
  return (await cli.run(args)).code === 0 ? code : 1;
}

/** The step's outputs, for later steps of the job. */
function writeOutputs(env: NodeJS.ProcessEnv, outputs: Record<string, string | undefined>) {
  if (!env.GITHUB_OUTPUT) return;
  const lines = Object.entries(outputs).filter(([, value]) => value !== undefined);
  appendFileSync(env.GITHUB_OUTPUT, lines.map(([name, value]) => `${name}=${value}\n`).join(''));
}

/**
 * The Action: plan (always, with the saved plan and its Markdown report), then what the command
 * does with it. Returns the exit code of the step: changes present (2) is an answer, not a
 * failure; errors (1) and guard refusals (3) fail the step.
 */
export async function runAction(inputs: ActionInputs, cli: Cli, env: NodeJS.ProcessEnv): Promise<number> {
  const reports = reportFiles(env);
  const planned = (await cli.run(planArgs(inputs, reports))).code;
  const next = { plan: afterPlan, apply: afterApplyPlan, drift: afterDriftPlan }[inputs.command];
  const answer = await next(cli, inputs, reports, planned);
  // Only the codes action.yml documents: any other (a crash, 130 after a signal) is an error.
  const code = cli.cancelled || ![0, 1, 2, 3].includes(answer) ? 1 : answer;
  writeOutputs(env, {
    'exit-code': String(code),
    'has-changes': String(planned === 2),
    'plan-json': existsSync(reports.planJson) ? reports.planJson : undefined,
    'plan-markdown': existsSync(reports.planMarkdown) ? reports.planMarkdown : undefined,
  });
  return code === 1 || code === 3 ? code : 0;
}
