import type { Command } from 'commander';
import { Option } from 'commander';
import { renderPlanJson } from '../../render/json.js';
import { renderPlanMarkdown } from '../../render/markdown.js';
import type { CommandContext } from '../context.js';
import { untilInterrupted } from '../interrupt.js';
import { checkOutputPath, writeOutputFile } from '../output-file.js';
import { resolveInCwd } from '../paths.js';
import type { Format } from '../planning.js';
import { FORMATS, appendStepSummary, planFromFile, renderPlanAs } from '../planning.js';
import type { Runner } from '../program.js';
import { connect } from '../session.js';

export interface PlanCommandOptions {
  file: string;
  out?: string;
  format: Format;
  detailedExitcode?: boolean;
  target: string[];
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerPlan(program: Command, run: Runner) {
  program
    .command('plan')
    .description('show what apply would change in PactFlow (reads only, never writes)')
    .option('-f, --file <path>', 'desired-state file', 'accounts.yaml')
    .option('--out <plan.json>', 'save the plan for `apply plan.json`')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .option('--detailed-exitcode', 'exit 0 when there are no changes, 2 when there are')
    .option('--target <name>', 'plan only this account (repeatable)', collect, [])
    .addHelpText(
      'after',
      `
Exit codes: 0 success (no changes with --detailed-exitcode), 1 error, 2 changes present
(--detailed-exitcode), 3 a safety guard refuses the plan.

Examples:
  $ pactflow-accounts plan -f accounts.yaml
  $ pactflow-accounts plan --out plan.json --format markdown > plan.md
  $ pactflow-accounts plan --detailed-exitcode --target ci-payments`,
    )
    .action(run(planCommand));
}

export async function planCommand(ctx: CommandContext, options: PlanCommandOptions): Promise<number> {
  const out = options.out ? resolveInCwd(ctx, options.out) : undefined;
  const outOptions = { overwrite: true, flag: '--out' };
  if (out) checkOutputPath(out, outOptions);
  const client = await connect(ctx);
  try {
    const { plan } = await untilInterrupted(
      ctx,
      'stopped before the plan was complete; nothing was saved or changed.',
      () => planFromFile(ctx, client, { file: options.file, targets: options.target }),
    );
    if (out) {
      writeOutputFile(out, renderPlanJson(plan), outOptions);
      ctx.err(`Saved the plan to ${out.display}; apply it with: pactflow-accounts apply ${out.display}\n`);
    }
    ctx.out(renderPlanAs(ctx, plan, options.format));
    await appendStepSummary(ctx, renderPlanMarkdown(plan));
    if (!plan.guards.ok) return 3;
    return options.detailedExitcode && plan.changes.length > 0 ? 2 : 0;
  } finally {
    client.close();
  }
}
