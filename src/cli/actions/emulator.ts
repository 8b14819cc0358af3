import { existsSync } from 'node:fs';
import path from 'node:path';
import { startEmulator } from '../../emulator/server.js';
import type { RunningEmulator } from '../../emulator/server.js';
import { UsageError } from '../../errors.js';
import { isLoopbackHost } from '../../pactflow/connection.js';
import { resolveInCwd } from '../paths.js';
import type { CommandContext } from '../context.js';
import type { Colors } from '../../render/color.js';
import { visible } from '../../render/escape.js';
import { packageRoot } from '../../util/package-root.js';
import type { EmulatorCommandOptions } from '../commands/emulator.js';

/** A path for messages: relative to the working directory when it is below it. */
function shown(ctx: CommandContext, absolute: string): string {
  const relative = path.relative(ctx.io.cwd, absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
}

/**
 * The seed file to start from. None given: the example this package ships (examples/seed.yaml).
 * A relative path is looked up in the working directory first, then in the package's own folder
 * and its examples/, so `--seed examples/seed.yaml` works from a project that installed the tool.
 */
export function findSeed(ctx: CommandContext, given: string | undefined): string {
  const root = packageRoot();
  if (given === undefined) return path.join(root, 'examples', 'seed.yaml');
  const inCwd = path.resolve(ctx.io.cwd, given);
  if (path.isAbsolute(given) || existsSync(inCwd)) return inCwd;
  const found = [path.join(root, given), path.join(root, 'examples', given)].find((f) => existsSync(f));
  if (found) return found;
  throw new UsageError(
    `cannot find seed file ${given} (looked in ${ctx.io.cwd} and in ${path.join(root, 'examples')})`,
    `Leave --seed out to start from the bundled example, ${shown(ctx, path.join(root, 'examples', 'seed.yaml'))}.`,
  );
}

export async function emulatorCommand(ctx: CommandContext, options: EmulatorCommandOptions): Promise<number> {
  const seedFile = findSeed(ctx, options.seed);
  const stateFile = options.state ? resolveInCwd(ctx, options.state) : undefined;
  // A saved state, when there is one, wins over the seed, its tokens over --admin-token.
  const resumed = stateFile !== undefined && existsSync(stateFile.absolute);
  if (resumed && options.adminToken)
    ctx.err(
      `${ctx.errColors.yellow(`warning: --admin-token is not used: the state saved in ${visible(stateFile.display)} keeps its own tokens`)}\n`,
    );
  const emulator = await startEmulator({
    port: options.port,
    host: options.host,
    seedFile,
    ...(stateFile ? { stateFile: stateFile.absolute } : {}),
    ...(options.adminToken ? { adminToken: options.adminToken } : {}),
    latencyMs: options.latencyMs,
    failRate: options.failRate,
    rateLimit: options.rateLimit,
    maxPageSize: options.maxPageSize,
    errorFormat: options.errorFormat,
    teamPatch: options.teamPatch,
    ignoreActive: options.ignoreActive,
    ...(options.verbose
      ? { onRequest: (e) => ctx.err(`${e.method} ${e.path} → ${e.status} (${e.ms} ms)\n`) }
      : {}),
  });
  const from = resumed
    ? `State from ${visible(stateFile.display)}`
    : `Seeded from ${visible(shown(ctx, seedFile))}${stateFile ? `; state kept in ${visible(stateFile.display)}` : ''}`;
  ctx.out(startText(emulator, from, ctx.colors));
  await new Promise<void>((resolve) => {
    if (!ctx.io.signal || ctx.io.signal.aborted) return resolve();
    ctx.io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await emulator.close();
  ctx.err('emulator stopped\n');
  return 0;
}

/** Where the emulator listens and where its state came from; then how to reach it, tokens and all. */
export function startText(
  emulator: Pick<RunningEmulator, 'url' | 'adminToken' | 'tokens'>,
  from: string,
  c: Colors,
): string {
  const lines = [`${c.bold('PactFlow emulator')} listening on ${c.cyan(emulator.url)}`, from, ''];
  // Listening on every address (0.0.0.0, ::), this machine reaches it through loopback, which is
  // the one plain-http address the CLI takes without --allow-insecure-http.
  const local = new URL(emulator.url);
  const everyAddress = local.hostname === '0.0.0.0' || local.hostname === '[::]';
  if (local.hostname === '0.0.0.0') local.hostname = '127.0.0.1';
  if (local.hostname === '[::]') local.hostname = '[::1]';
  const url = local.origin;
  lines.push(`  export PACT_BROKER_BASE_URL=${url}`);
  if (emulator.adminToken) lines.push(`  export PACT_BROKER_TOKEN=${emulator.adminToken}`);
  lines.push('', 'Tokens (read/write, read-only):');
  for (const [name, t] of Object.entries(emulator.tokens))
    lines.push(`  ${visible(name).padEnd(34)} ${t.readWrite}  ${c.dim(t.readOnly)}`);
  lines.push(
    '',
    `Try: curl -H "Authorization: Bearer ${emulator.adminToken || '<token>'}" "${url}/admin/users?userType=1"`,
  );
  // Plain http to any other address is refused unless the caller says the network is trusted.
  if (everyAddress)
    lines.push(
      '',
      "From another host or container, use this machine's address and opt in to plain http:",
      `  pactflow-accounts plan --allow-insecure-http --base-url http://<this-host>:${local.port}`,
    );
  else if (!isLoopbackHost(local.hostname))
    lines.push(
      '',
      `Plain http to ${local.hostname} needs an opt-in:`,
      '  pactflow-accounts plan --allow-insecure-http -f accounts.yaml',
    );
  lines.push('Press Ctrl+C to stop.');
  return lines.join('\n') + '\n';
}
