import { existsSync } from 'node:fs';
import path from 'node:path';
import { startEmulator } from '../../emulator/server.js';
import { UsageError } from '../../errors.js';
import { isLoopbackHost } from '../../pactflow/connection.js';
import { resolveInCwd } from '../paths.js';
import type { CommandContext } from '../context.js';
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
  // A saved state, when there is one, wins over the seed.
  const resumed = stateFile !== undefined && existsSync(stateFile.absolute);
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
  const c = ctx.colors;
  ctx.out(`${c.bold('PactFlow emulator')} listening on ${c.cyan(emulator.url)}\n`);
  if (resumed) ctx.out(`State from ${visible(stateFile.display)}\n`);
  else
    ctx.out(
      `Seeded from ${visible(shown(ctx, seedFile))}${stateFile ? `; state kept in ${visible(stateFile.display)}` : ''}\n`,
    );
  ctx.out('\n');
  // Listening on every address (0.0.0.0, ::), this machine reaches it through loopback, which is
  // the one plain-http address the CLI takes without --allow-insecure-http.
  const local = new URL(emulator.url);
  if (local.hostname === '0.0.0.0') local.hostname = '127.0.0.1';
  if (local.hostname === '[::]') local.hostname = '[::1]';
  const url = local.origin;
  ctx.out(`  export PACT_BROKER_BASE_URL=${url}\n`);
  if (emulator.adminToken) ctx.out(`  export PACT_BROKER_TOKEN=${emulator.adminToken}\n`);
  ctx.out('\nTokens (read/write, read-only):\n');
  for (const [name, t] of Object.entries(emulator.tokens))
    ctx.out(`  ${visible(name).padEnd(34)} ${t.readWrite}  ${c.dim(t.readOnly)}\n`);
  ctx.out(
    `\nTry: curl -H "Authorization: Bearer ${emulator.adminToken || '<token>'}" "${url}/admin/users?userType=1"\n`,
  );
  if (!isLoopbackHost(new URL(emulator.url).hostname)) {
    // Reached from another machine or container, the URL is plain http on a non-loopback host:
    // the CLI refuses that unless told the network is trusted.
    ctx.out(
      `\nFrom another host or container, use this machine's address and opt in to plain http:\n` +
        `  pactflow-accounts plan --allow-insecure-http --base-url http://<this-host>:${new URL(emulator.url).port}\n`,
    );
  }
  ctx.out('Press Ctrl+C to stop.\n');
  await new Promise<void>((resolve) => {
    if (!ctx.io.signal || ctx.io.signal.aborted) return resolve();
    ctx.io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await emulator.close();
  ctx.err('emulator stopped\n');
  return 0;
}
