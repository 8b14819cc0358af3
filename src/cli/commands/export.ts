import type { Command } from 'commander';
import { exportDesired, renderExportYaml } from '../../export/export.js';
import type { CommandContext } from '../context.js';
import { InterruptedError } from '../../errors.js';
import { checkOutputPath, writeOutputFile } from '../output-file.js';
import { resolveInCwd } from '../paths.js';
import type { Runner } from '../program.js';
import { count } from '../../util/plural.js';
import { connect, readLiveState } from '../session.js';

export interface ExportCommandOptions {
  out?: string;
  include: string[];
  force?: boolean;
}

/** Where the schema sits once the tool is installed in a project; editors resolve it relative to the file. */
const SCHEMA_URL = './node_modules/pactflow-accounts/schemas/accounts.schema.json';

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
    .action(run(exportCommand));
}

export async function exportCommand(ctx: CommandContext, options: ExportCommandOptions): Promise<number> {
  const out = options.out ? resolveInCwd(ctx, options.out) : undefined;
  const outOptions = { overwrite: options.force === true, flag: '--out' };
  // Refuse a bad --out before PactFlow is read: nothing is fetched for a file that cannot be written.
  if (out) checkOutputPath(out, outOptions);
  const client = await connect(ctx);
  try {
    const live = await readLiveState(ctx, client);
    const file = exportDesired(live, { include: options.include });
    const text = renderExportYaml(file, { baseUrl: client.baseUrl, schema: SCHEMA_URL });
    if (ctx.io.signal?.aborted) throw new InterruptedError('stopped before anything was written.');
    if (!out) {
      ctx.out(text);
      return 0;
    }
    writeOutputFile(out, text, outOptions);
    ctx.err(`Wrote ${count(file.systemAccounts.length, 'system account')} to ${out.display}\n`);
    return 0;
  } finally {
    client.close();
  }
}
