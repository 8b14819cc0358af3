import type { Command } from 'commander';
import { Option } from 'commander';
import { ERROR_FORMATS } from '../../emulator/problems.js';
import type { ErrorFormat } from '../../emulator/problems.js';
import { startEmulator } from '../../emulator/server.js';
import { isLoopbackHost } from '../../pactflow/connection.js';
import type { CommandContext } from '../context.js';
import { fraction, wholeNumber } from '../parsers.js';
import type { Runner } from '../program.js';
import { visible } from '../../render/escape.js';

export interface EmulatorCommandOptions {
  port: number;
  host: string;
  seed?: string;
  state?: string;
  adminToken?: string;
  latencyMs: number;
  failRate: number;
  rateLimit: number;
  maxPageSize: number;
  errorFormat: ErrorFormat;
  verbose: boolean;
}

export function registerEmulator(program: Command, run: Runner) {
  program
    .command('emulator')
    .description('run a local PactFlow-compatible API to try files against (state in memory)')
    .option('--port <n>', 'port to listen on (0: any free port)', wholeNumber(0), 9292)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--seed <file>', 'YAML seed: roles, teams, people, system accounts, tokens')
    .option('--state <file>', 'load and persist state in this JSON file (written atomically)')
    .option('--admin-token <token>', 'read/write token of the first administrator (default: random)')
    .option('--latency-ms <n>', 'delay every request', wholeNumber(0), 0)
    .option('--fail-rate <p>', 'answer this fraction of requests with 503', fraction, 0)
    .option(
      '--rate-limit <rps>',
      'answer 429 beyond this many requests per second (0: off)',
      wholeNumber(0),
      0,
    )
    .option('--max-page-size <n>', 'cap on items per page', wholeNumber(1), 100)
    .addOption(
      new Option('--error-format <format>', 'error bodies: application/problem+json, or the legacy shapes')
        .choices(ERROR_FORMATS)
        .default('problem'),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ pactflow-accounts emulator --seed examples/seed.yaml\n  $ pactflow-accounts emulator --port 0 --fail-rate 0.2 --rate-limit 50\n  $ pactflow-accounts emulator --error-format legacy',
    )
    .action(run(emulatorCommand));
}

export async function emulatorCommand(ctx: CommandContext, options: EmulatorCommandOptions): Promise<number> {
  const emulator = await startEmulator({
    port: options.port,
    host: options.host,
    ...(options.seed ? { seedFile: options.seed } : {}),
    ...(options.state ? { stateFile: options.state } : {}),
    ...(options.adminToken ? { adminToken: options.adminToken } : {}),
    latencyMs: options.latencyMs,
    failRate: options.failRate,
    rateLimit: options.rateLimit,
    maxPageSize: options.maxPageSize,
    errorFormat: options.errorFormat,
    ...(options.verbose
      ? { onRequest: (e) => ctx.err(`${e.method} ${e.path} → ${e.status} (${e.ms} ms)\n`) }
      : {}),
  });
  const c = ctx.colors;
  ctx.out(`${c.bold('PactFlow emulator')} listening on ${c.cyan(emulator.url)}\n\n`);
  ctx.out(`  export PACT_BROKER_BASE_URL=${emulator.url}\n`);
  if (emulator.adminToken) ctx.out(`  export PACT_BROKER_TOKEN=${emulator.adminToken}\n`);
  ctx.out('\nTokens (read/write, read-only):\n');
  for (const [name, t] of Object.entries(emulator.tokens))
    ctx.out(`  ${visible(name).padEnd(34)} ${t.readWrite}  ${c.dim(t.readOnly)}\n`);
  ctx.out(
    `\nTry: curl -H "Authorization: Bearer ${emulator.adminToken || '<token>'}" "${emulator.url}/admin/users?userType=1"\n`,
  );
  if (!isLoopbackHost(new URL(emulator.url).hostname)) {
    // Reached from another machine or container, the URL is plain http on a non-loopback host:
    // the CLI refuses that unless told the network is trusted.
    ctx.out(
      `\nFrom another host or container, use this machine's address and opt in to plain http:\n` +
        `  pactflow-accounts plan --allow-insecure-http --base-url http://<this-host>:${new URL(emulator.url).port}\n`,
    );
  }
  ctx.out('Press Ctrl+C to stop.\n');
  await new Promise<void>((resolve) => {
    if (!ctx.io.signal || ctx.io.signal.aborted) return resolve();
    ctx.io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await emulator.close();
  ctx.err('emulator stopped\n');
  return 0;
}
