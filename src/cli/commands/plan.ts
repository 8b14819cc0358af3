import type { Command } from 'commander';
import { Option } from 'commander';
import type { Format } from '../formats.js';
import { FORMATS } from '../formats.js';
import { collect } from '../parsers.js';
import type { Runner } from '../program.js';

export interface PlanCommandOptions {
  file: string;
  out?: string;
  format: Format;
  detailedExitcode?: boolean;
  target: string[];
  unmanagedIsDrift?: boolean;
  outMarkdown?: string;
}

export function registerPlan(program: Command, run: Runner) {
  program
    .command('plan')
    .description('show what apply would change in PactFlow (reads only, never writes)')
    .option('-f, --file <path>', 'desired-state file', 'accounts.yaml')
    .option('--out <plan.json>', 'save the plan for `apply plan.json`')
    .option(
      '--out-markdown <plan.md>',
      'also write the Markdown report here (for a pull-request comment; the problems if the file is invalid)',
    )
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .option('--detailed-exitcode', 'exit 0 when there are no changes, 2 when there are')
    .option('--target <name>', 'plan only this account (repeatable)', collect, [])
    .option(
      '--unmanaged-is-drift',
      'count live accounts in scope that the file does not list (policy.unmanaged: ignore) as changes for --detailed-exitcode',
    )
    .addHelpText(
      'after',
      `
Exit codes: 0 success (no changes with --detailed-exitcode), 1 error, 2 changes present
(--detailed-exitcode), 3 a safety guard refuses the plan.

Examples:
  $ pactflow-accounts plan -f accounts.yaml
  $ pactflow-accounts plan --out plan.json --format markdown > plan.md
  $ pactflow-accounts plan --detailed-exitcode --target ci-payments
  $ pactflow-accounts plan --detailed-exitcode --unmanaged-is-drift`,
    )
    .action(run(() => import('../actions/plan.js').then((m) => m.planCommand)));
}
