import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

interface ActionStep {
  id?: string;
  name?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface ActionFile {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export interface ActionRun {
  /** Exit status of the first step that failed, else 0 (as the job sees it). */
  status: number;
  outputs: Record<string, string>;
  log: string;
}

/** Reads GITHUB_OUTPUT's `name=value` lines (and `name<<EOF` blocks). */
function readOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const block = /^([\w-]+)<<(.+)$/.exec(line);
    if (block) {
      const end = lines.indexOf(block[2]!, i + 1);
      out[block[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return out;
}

/**
 * Runs a composite action's steps locally the way the runner does: each `run:` script with bash
 * (`--noprofile --norc -eo pipefail`), `${{ … }}` expressions in env and working-directory
 * substituted from the inputs, `github.*` and earlier steps' outputs, one GITHUB_OUTPUT file per
 * step. An expression it does not know fails the run, so the action cannot use one untested.
 */
export async function runCompositeAction(
  actionFile: string,
  inputs: Record<string, string>,
  env: Record<string, string>,
  github: { action_path: string; token: string; workspace: string },
): Promise<ActionRun> {
  const action = parse(readFileSync(actionFile, 'utf8')) as ActionFile;
  // Defaults may be expressions themselves (github-token: ${{ github.token }}).
  const value = (name: string): string => inputs[name] ?? expand(action.inputs[name]?.default ?? '');
  const steps: Record<string, Record<string, string>> = {};
  function expand(text: string): string {
    return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_all, expr: string) => {
      let m: RegExpExecArray | null;
      if ((m = /^inputs\.([\w-]+)$/.exec(expr))) return value(m[1]!);
      if (expr === 'github.action_path') return github.action_path;
      if (expr === 'github.token') return github.token;
      if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr))) return steps[m[1]!]?.[m[2]!] ?? '';
      throw new Error(`unsupported expression in ${actionFile}: ${expr}`);
    });
  }
  for (const [name, spec] of Object.entries(action.inputs))
    if (spec.required && !inputs[name]) throw new Error(`input ${name} is required`);

  const tmp = mkdtempSync(path.join(tmpdir(), 'action-step-'));
  let log = '';
  let status = 0;
  for (const [n, step] of action.runs.steps.entries()) {
    if (status !== 0 || !step.run) continue;
    if (step.shell !== 'bash') throw new Error(`step ${n} must use shell: bash`);
    const script = path.join(tmp, `step-${n}.sh`);
    writeFileSync(script, step.run);
    const outputFile = path.join(tmp, `output-${n}`);
    writeFileSync(outputFile, '');
    const stepEnv: Record<string, string> = {
      ...env,
      GITHUB_OUTPUT: outputFile,
      GITHUB_ACTION_PATH: github.action_path,
    };
    for (const [k, v] of Object.entries(step.env ?? {})) stepEnv[k] = expand(String(v));
    const cwd = path.resolve(github.workspace, expand(step['working-directory'] ?? '.'));
    // Asynchronously: the emulator and the stub API answer from this same process.
    const result = await new Promise<{ status: number; output: string }>((resolve, reject) => {
      const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
        cwd,
        env: stepEnv,
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ status: code ?? 1, output }));
    });
    log += `## ${step.name ?? n}\n${result.output}`;
    if (step.id) steps[step.id] = readOutputs(outputFile);
    status = result.status;
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, o]) => [k, expand(o.value)]));
  return { status, outputs, log };
}
