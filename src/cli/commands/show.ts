import type { Command } from 'commander';
import { Option } from 'commander';
import { wholeNumber } from '../parsers.js';
import type { Runner } from '../program.js';

export const SHOW_FORMATS = ['text', 'markdown', 'json', 'csv'] as const;

export interface ShowCommandOptions {
  file?: string;
  format: (typeof SHOW_FORMATS)[number];
  activity?: boolean;
  unusedFor?: number;
  hasScope?: string;
  role?: string;
}

export function registerShow(program: Command, run: Runner) {
  program
    .command('show')
    .description('list every system account: state, roles, teams, what it may do, when it was last used')
    .option('-f, --file <path>', 'also say which accounts the file manages and whether they drifted')
    .addOption(new Option('--format <format>', 'output format').choices(SHOW_FORMATS).default('text'))
    .option('--activity', 'read each account’s tokens: their kinds and last use (never their values)')
    .option(
      '--unused-for <days>',
      'only accounts with no login or token use in this many days (or never)',
      wholeNumber(1),
    )
    .option('--has-scope <scope>', 'only accounts that hold this scope, e.g. system_account:manage')
    .option('--role <name>', 'only accounts that hold this role')
    .addHelpText(
      'after',
      `
Examples:
  $ pactflow-accounts show
  $ pactflow-accounts show --has-scope system_account:manage     # who can manage system accounts?
  $ pactflow-accounts show --unused-for 90 --format csv > unused.csv
  $ pactflow-accounts show -f accounts.yaml --format markdown`,
    )
    .action(run(() => import('../actions/show.js').then((m) => m.showCommand)));
}
