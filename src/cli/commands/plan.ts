import type { Command } from 'commander';
import { Option } from 'commander';
import { ConfigError } from '../../errors.js';
import type { Plan } from '../../plan/types.js';
import { renderDiagnosticsMarkdown } from '../../render/diagnostics.js';
import { renderPlanJson } from '../../render/json.js';
import { renderPlanMarkdown } from '../../render/markdown.js';
import { visible } from '../../render/text.js';
import { count } from '../../util/plural.js';
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
  unmanagedIsDrift?: boolean;
  outMarkdown?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

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
    .action(run(planCommand));
}

export async function planCommand(ctx: CommandContext, options: PlanCommandOptions): Promise<number> {
  const out = options.out ? resolveInCwd(ctx, options.out) : undefined;
  const markdownOut = options.outMarkdown ? resolveInCwd(ctx, options.outMarkdown) : undefined;
  const outOptions = { overwrite: true, flag: '--out' };
  if (out) checkOutputPath(out, outOptions);
  const markdownOptions = { overwrite: true, flag: '--out-markdown' };
  if (markdownOut) checkOutputPath(markdownOut, markdownOptions);
  const client = await connect(ctx);
  try {
    let plan: Plan;
    try {
      ({ plan } = await untilInterrupted(
        ctx,
        'stopped before the plan was complete; nothing was saved or changed.',
        () => planFromFile(ctx, client, { file: options.file, targets: options.target }),
      ));
    } catch (error) {
      // A broken file still gets a report where the plan would have been (a PR comment, a summary);
      // the CLI then prints the diagnostics on stderr and exits 1 as for any invalid file.
      if (error instanceof ConfigError) {
        const report = renderDiagnosticsMarkdown(error.diagnostics, error.file);
        if (options.format === 'markdown') ctx.out(report);
        if (markdownOut) writeOutputFile(markdownOut, report, markdownOptions);
        // Best effort: the job summary shows the problems too; the invalid file stays the error.
        await appendStepSummary(ctx, report).catch(() => undefined);
      }
      throw error;
    }
    if (out) {
      writeOutputFile(out, renderPlanJson(plan), outOptions);
      ctx.err(`Saved the plan to ${out.display}; apply it with: pactflow-accounts apply ${out.display}\n`);
    }
    if (markdownOut) writeOutputFile(markdownOut, renderPlanMarkdown(plan), markdownOptions);
    ctx.out(renderPlanAs(ctx, plan, options.format));
    await appendStepSummary(ctx, renderPlanMarkdown(plan));
    if (!plan.guards.ok) return 3;
    const hand = options.unmanagedIsDrift ? unmanagedLeftAlone(plan) : [];
    if (hand.length) {
      ctx.err(
        `${count(hand.length, 'account')} in scope ${hand.length === 1 ? 'is' : 'are'} not in the file (--unmanaged-is-drift counts ${hand.length === 1 ? 'it' : 'them'} as drift): ${hand.map((u) => visible(u.name)).join(', ')}\n`,
      );
    }
    return options.detailedExitcode && plan.changes.length + hand.length > 0 ? 2 : 0;
  } finally {
    client.close();
  }
}

/** Live accounts in scope that the file does not list and the plan leaves as they are. */
export function unmanagedLeftAlone(plan: Plan): Plan['unmanaged'] {
  return plan.unmanaged.filter((u) => u.disposition === 'ignore');
}
