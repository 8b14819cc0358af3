import type { Command } from 'commander';
import { Option } from 'commander';
import { wholeNumber } from '../parsers.js';
import type { Format } from '../formats.js';
import { FORMATS } from '../formats.js';
import type { Runner } from '../program.js';

export interface ApplyCommandOptions {
  args: string[];
  file?: string;
  autoApprove?: boolean;
  concurrency: number;
  allowDeletes?: number;
  allowDisables?: number;
  allowAdminChanges?: number;
  format: Format;
}

export function registerApply(program: Command, run: Runner) {
  program
    .command('apply')
    .description('make PactFlow match the file (plans, shows, asks) or execute a saved plan.json')
    .argument('[plan.json]', 'a plan saved with `plan --out`: applied as is, without a prompt, unless stale')
    .option('-f, --file <path>', 'desired-state file to plan and apply (default: accounts.yaml)')
    .option('--auto-approve', 'do not ask for confirmation (needed without a terminal)')
    .option('--concurrency <n>', 'accounts changed in parallel', wholeNumber(1), 4)
    .option('--allow-deletes <n>', 'raise policy.limits.maxDeletes for this run', wholeNumber(0))
    .option('--allow-disables <n>', 'raise policy.limits.maxDisables for this run', wholeNumber(0))
    .option('--allow-admin-changes <n>', 'raise policy.limits.maxAdminChanges for this run', wholeNumber(0))
    .addOption(new Option('--format <format>', 'format of the final report').choices(FORMATS).default('text'))
    .addHelpText(
      'after',
      `
Exit codes: 0 applied, 1 error / stale plan / some account failed, 3 a safety guard refuses.

Examples:
  $ pactflow-accounts apply -f accounts.yaml
  $ pactflow-accounts apply -f accounts.yaml --auto-approve --allow-deletes 2
  $ pactflow-accounts plan --out plan.json && pactflow-accounts apply plan.json`,
    )
    .action(run(() => import('../actions/apply.js').then((m) => m.applyCommand)));
}
