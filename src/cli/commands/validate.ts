import type { Command } from 'commander';
import { loadConfig } from '../../config/validate.js';
import { ConfigError } from '../../errors.js';
import { compareDiagnostics } from '../../diagnostics.js';
import { computePlan } from '../../plan/compute.js';
import { unknownScopes } from '../../plan/roles.js';
import { connect, readLiveState } from '../session.js';
import { renderDiagnostics } from '../../render/diagnostics.js';
import type { CommandContext } from '../context.js';
import type { Runner } from '../program.js';
import { resolveInCwd } from '../paths.js';
import { count } from '../../util/plural.js';

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
    .action(run(validateCommand));
}

export async function validateCommand(ctx: CommandContext, options: ValidateOptions): Promise<number> {
  const file = resolveInCwd(ctx, options.file);
  const { desired, warnings } = await loadConfig(file.display, file.absolute);
  if (warnings.length > 0) ctx.err(renderDiagnostics(file.display, warnings, ctx.errColors));
  const accounts = desired.accounts.length;
  let where = '';
  if (options.online) {
    // Role and team names only exist in the live organization: resolve them as plan would.
    const client = await connect(ctx);
    try {
      const live = await readLiveState(ctx, client);
      const result = computePlan(desired, live, { baseUrl: client.baseUrl, generator: 'validate' });
      const scopes =
        desired.roles.length > 0
          ? unknownScopes(
              desired,
              (await client.listPermissions()).map((p) => p.scope),
            )
          : [];
      const problems = [...(result.plan ? [] : result.diagnostics), ...scopes];
      if (problems.length > 0) throw new ConfigError(file.display, problems.sort(compareDiagnostics));
      where = `; every role and team exists in ${client.baseUrl}${scopes.length === 0 && desired.roles.length > 0 ? ', and so does every scope' : ''}`;
    } finally {
      client.close();
    }
  }
  ctx.out(
    `${ctx.colors.green('✓')} ${file.display} is valid: ${count(accounts, 'system account')}${where}\n`,
  );
  return 0;
}
