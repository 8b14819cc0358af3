import { loadConfig } from '../../config/validate.js';
import { ConfigError } from '../../errors.js';
import { compareDiagnostics } from '../../diagnostics.js';
import type { CommandContext } from '../context.js';
import { resolveInCwd } from '../paths.js';
import { count } from '../../util/plural.js';
import { visible } from '../../render/escape.js';
import type { ValidateOptions } from '../commands/validate.js';

export async function validateCommand(ctx: CommandContext, options: ValidateOptions): Promise<number> {
  const file = resolveInCwd(ctx, options.file);
  const { desired, warnings } = await loadConfig(file.display, file.absolute, { signal: ctx.io.signal });
  // The renderers, the planner and the HTTP client load only when there is something for them:
  // a file that is simply valid is checked without them.
  if (warnings.length > 0) {
    const { renderDiagnostics } = await import('../../render/diagnostics.js');
    ctx.err(renderDiagnostics(file.display, warnings, ctx.errColors));
  }
  const accounts = desired.accounts.length;
  let where = '';
  if (options.online) {
    // Role and team names only exist in the live organization: resolve them as plan would.
    const [{ connect, readLiveState }, { computePlan }, { unknownScopes }, { readPeopleIfNeeded }] =
      await Promise.all([
        import('../session.js'),
        import('../../plan/compute.js'),
        import('../../plan/roles.js'),
        import('../planning.js'),
      ]);
    const client = await connect(ctx);
    try {
      const live = await readLiveState(ctx, client);
      await readPeopleIfNeeded(client, desired, live);
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
      const warnings = result.plan?.warnings ?? [];
      for (const warning of warnings)
        ctx.err(`${ctx.errColors.yellow('warning')}: ${visible(warning.message)}\n`);
      // An entry left out of the plan (two live accounts share its name) had its names unchecked.
      const who = warnings.some((w) => w.code === 'ambiguous-name') ? 'the other accounts' : 'the accounts';
      where = `; every role and team ${who} name exists in ${client.baseUrl}${scopes.length === 0 && desired.roles.length > 0 ? ', and so does every scope' : ''}`;
    } finally {
      client.close();
    }
  }
  ctx.out(
    `${ctx.colors.green('✓')} ${file.display} is valid: ${count(accounts, 'system account')}${where}\n`,
  );
  return 0;
}
