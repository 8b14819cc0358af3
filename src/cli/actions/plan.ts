import { ConfigError } from '../../errors.js';
import type { Plan } from '../../plan/types.js';
import { renderDiagnosticsMarkdown } from '../../render/diagnostics.js';
import { renderPlanJson } from '../../render/json.js';
import { renderPlanMarkdown } from '../../render/markdown.js';
import { visible } from '../../render/text.js';
import { count } from '../../util/plural.js';
import type { CommandContext } from '../context.js';
import { untilInterrupted } from '../interrupt.js';
import {
  checkDistinctOutputs,
  checkNotReadByCommand,
  checkOutputPath,
  filesReadBy,
  writeOutputFile,
} from '../output-file.js';
import { resolveInCwd } from '../paths.js';
import { appendStepSummary, planFromFile, renderPlanAs } from '../planning.js';
import { connect } from '../session.js';
import type { PlanCommandOptions } from '../commands/plan.js';

export async function planCommand(ctx: CommandContext, options: PlanCommandOptions): Promise<number> {
  const out = options.out ? resolveInCwd(ctx, options.out) : undefined;
  const markdownOut = options.outMarkdown ? resolveInCwd(ctx, options.outMarkdown) : undefined;
  const signal = ctx.io.signal;
  const outOptions = { overwrite: true, flag: '--out', ...(signal ? { signal } : {}) };
  const markdownOptions = { overwrite: true, flag: '--out-markdown', ...(signal ? { signal } : {}) };
  // Before PactFlow is read: an output that cannot be written, or that would replace a file this
  // run reads (`--out accounts.yaml`), is refused while nothing has been fetched or written.
  const reads = filesReadBy(ctx, options.file);
  if (out) checkOutputPath(out, outOptions);
  if (out) checkNotReadByCommand(out, '--out', reads);
  if (markdownOut) checkOutputPath(markdownOut, markdownOptions);
  if (markdownOut) checkNotReadByCommand(markdownOut, '--out-markdown', reads);
  if (out && markdownOut) checkDistinctOutputs(out, '--out', markdownOut, '--out-markdown');
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
        if (markdownOut) await writeOutputFile(markdownOut, report, markdownOptions);
        // Best effort: the job summary shows the problems too; the invalid file stays the error.
        await appendStepSummary(ctx, report).catch(() => undefined);
      }
      throw error;
    }
    if (out) {
      await writeOutputFile(out, renderPlanJson(plan), outOptions);
      ctx.err(`Saved the plan to ${out.display}; apply it with: pactflow-accounts apply ${out.display}\n`);
    }
    // One Markdown rendering serves the file, stdout and the job summary, whichever want it.
    let markdown: string | undefined;
    const asMarkdown = () => (markdown ??= renderPlanMarkdown(plan));
    if (markdownOut) await writeOutputFile(markdownOut, asMarkdown(), markdownOptions);
    ctx.out(options.format === 'markdown' ? asMarkdown() : renderPlanAs(ctx, plan, options.format));
    await appendStepSummary(ctx, asMarkdown);
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
