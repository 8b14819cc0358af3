import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';

export interface Sample {
  wallMs: number;
  /** Peak resident set size of the measured process, in MB. */
  peakRssMb: number;
  /** User plus system CPU time of the measured process: steadier than wall time on a busy machine. */
  cpuMs: number;
  code: number | null;
  stderr: string;
}

const TIME = '/usr/bin/time';

/**
 * Runs `node <args>` as a child process and measures it from the outside: wall time from spawn to
 * exit; peak RSS and CPU time by GNU time where it exists, else by a preload that reports
 * `process.resourceUsage()` at exit.
 */
export async function measureNode(
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd: string; scratch: string; preload: string },
): Promise<Sample> {
  const rssFile = join(options.scratch, `rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const [command, argv] = existsSync(TIME)
    ? [TIME, ['-f', '%M %U %S', '-o', rssFile, process.execPath, ...args]]
    : [process.execPath, ['--import', options.preload, ...args]];
  const started = performance.now();
  const child = spawn(command, argv, {
    cwd: options.cwd,
    env: { ...options.env, BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c));
  });
  const wallMs = performance.now() - started;
  // "<max RSS kB> <user s> <system s>", GNU time's last line (earlier ones report a signal).
  const last = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n').pop()! : '';
  const [kb = NaN, user = NaN, system = NaN] = last.split(' ').map(Number);
  rmSync(rssFile, { force: true });
  return { wallMs, peakRssMb: kb / 1024, cpuMs: (user + system) * 1000, code, stderr };
}

export const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
