import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

interface ActionFile {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

export interface ActionRun {
  /** Exit status of the action's process (as the job sees it). */
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
 * Runs a JavaScript action the way the runner does: its `main` with Node, in the workspace, each
 * input as `INPUT_<NAME>` (defaults applied, `${{ github.token }}` the only expression a default
 * may use), a GITHUB_OUTPUT file whose declared outputs are returned.
 */
export async function runJavascriptAction(
  actionDir: string,
  inputs: Record<string, string>,
  env: Record<string, string>,
  github: { token: string; workspace: string },
  onStart?: (child: ChildProcess) => void,
): Promise<ActionRun> {
  const action = parse(readFileSync(path.join(actionDir, 'action.yml'), 'utf8')) as ActionFile;
  if (action.runs.using !== 'node24') throw new Error(`runs.using is ${action.runs.using}`);
  const tmp = mkdtempSync(path.join(tmpdir(), 'action-run-'));
  const outputFile = path.join(tmp, 'output');
  writeFileSync(outputFile, '');
  const actionEnv: Record<string, string> = { ...env, GITHUB_OUTPUT: outputFile };
  for (const [name, spec] of Object.entries(action.inputs)) {
    const given = inputs[name] ?? (spec.default ?? '').replace(/\$\{\{\s*github\.token\s*\}\}/, github.token);
    if (/\$\{\{/.test(given)) throw new Error(`unsupported expression in the default of ${name}: ${given}`);
    if (spec.required && !given) throw new Error(`input ${name} is required`);
    actionEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = given;
  }
  // Asynchronously: the emulator and the stub API answer from this same process.
  const result = await new Promise<{ status: number; log: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(actionDir, action.runs.main)], {
      cwd: github.workspace,
      env: actionEnv,
    });
    onStart?.(child);
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? 1, log }));
  });
  const written = readOutputs(outputFile);
  const outputs = Object.fromEntries(Object.keys(action.outputs).map((k) => [k, written[k] ?? '']));
  return { status: result.status, outputs, log: result.log };
}
