import type { Command } from 'commander';
import type { Runner } from '../program.js';

export interface ValidateOptions {
  file: string;
  online?: boolean;
}

export function registerValidate(program: Command, run: Runner) {
  program
    .command('validate')
    .description('check a desired-state file: YAML, schema and rules (no network unless --online)')
    .option('-f, --file <path>', 'desired-state file', 'accounts.yaml')
    .option(
      '--online',
      'also check role and team names, and the scopes of custom roles, against the live organization',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ pactflow-accounts validate -f accounts.yaml\n  $ pactflow-accounts validate --online',
    )
    .action(run(() => import('../actions/validate.js').then((m) => m.validateCommand)));
}
