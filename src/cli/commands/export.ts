import type { Command } from 'commander';
import type { Runner } from '../program.js';

export interface ExportCommandOptions {
  out?: string;
  include: string[];
  force?: boolean;
}

export function registerExport(program: Command, run: Runner) {
  program
    .command('export')
    .description('write a desired-state file from the live organization (plan on it shows no changes)')
    .option('--out <file>', 'write here instead of stdout')
    .option(
      '--include <glob>',
      'only accounts whose name matches (repeatable; * and ?)',
      (v: string, p: string[]) => [...p, v],
      [],
    )
    .option('--force', 'overwrite --out if it exists')
    .addHelpText(
      'after',
      '\nExamples:\n  $ pactflow-accounts export --out accounts.yaml\n  $ pactflow-accounts export --include "ci-*" > accounts.yaml',
    )
    .action(run(() => import('../actions/export.js').then((m) => m.exportCommand)));
}
