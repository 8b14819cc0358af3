import type { Command } from 'commander';
import { collect } from '../parsers.js';
import type { Runner } from '../program.js';

export interface AdoptCommandOptions {
  file: string;
  target: string[];
  includeUnmanaged?: boolean;
  check?: boolean;
  out?: string;
}

export function registerAdopt(program: Command, run: Runner) {
  program
    .command('adopt')
    .description(
      'edit the file to match changes made in PactFlow (reads only, never writes to PactFlow); prints a unified diff',
    )
    .option('-f, --file <path>', 'desired-state file', 'accounts.yaml')
    .option(
      '--target <name>',
      'adopt only this account (repeatable); custom roles are then left as they are',
      collect,
      [],
    )
    .option(
      '--include-unmanaged',
      'also add live accounts in scope that the file does not list, as export writes them',
    )
    .option('--check', 'write nothing: exit 2 when there is something to adopt, 0 when not')
    .option('--out <file>', 'write the adopted file here instead of over --file')
    .addHelpText(
      'after',
      `
It keeps every comment, blank line, key order, quoting and list style it does not need to touch.
A rename made in PactFlow is found by email, or as a "probable rename" by the same roles, teams
and state; an account deleted in PactFlow loses its entry and the comments that belong to it.

Exit codes: 0 success (--check: nothing to adopt), 1 error (nothing written), 2 something to adopt (--check).

Examples:
  $ pactflow-accounts adopt -f accounts.yaml
  $ pactflow-accounts adopt --check
  $ pactflow-accounts adopt --target ci-payments --out adopted.yaml
  $ pactflow-accounts adopt --include-unmanaged`,
    )
    .action(run(() => import('../actions/adopt.js').then((m) => m.adoptCommand)));
}
