import type { Command } from 'commander';
import { Option } from 'commander';
import { ERROR_FORMATS } from '../../emulator/error-format.js';
import type { ErrorFormat } from '../../emulator/error-format.js';
import { fraction, port, wholeNumber } from '../parsers.js';
import type { Runner } from '../program.js';

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
  teamPatch: 'served' | 'absent';
  ignoreActive: boolean;
  verbose: boolean;
}

export function registerEmulator(program: Command, run: Runner) {
  program
    .command('emulator')
    .description(
      'run a local PactFlow-compatible API to try files against (state in memory, or in a --state file)',
    )
    .option('--port <n>', 'port to listen on (0: any free port)', port, 9292)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option(
      '--seed <file>',
      "YAML seed: roles, teams, people, system accounts, tokens (default: the package's own examples/seed.yaml; a relative path not found here is also looked for in the package's examples/; an empty file starts empty)",
    )
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
    .addOption(
      new Option(
        '--team-patch <mode>',
        "PATCH of a team's members: served, or absent (404, as PactFlow's application-verified contract leaves it out)",
      )
        .choices(['served', 'absent'])
        .default('served'),
    )
    .option(
      '--ignore-active',
      'act as an organization moved to SmartBear API Hub: enabling or disabling an account does nothing',
      false,
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ pactflow-accounts emulator --seed examples/seed.yaml\n  $ pactflow-accounts emulator --port 0 --fail-rate 0.2 --rate-limit 50\n  $ pactflow-accounts emulator --error-format legacy\n  $ pactflow-accounts emulator --team-patch absent --ignore-active',
    )
    .action(run(() => import('../actions/emulator.js').then((m) => m.emulatorCommand)));
}
