import { startEmulator } from '../../emulator/server.js';
import { isLoopbackHost } from '../../pactflow/connection.js';
import type { CommandContext } from '../context.js';
import { visible } from '../../render/escape.js';
import type { EmulatorCommandOptions } from '../commands/emulator.js';

export async function emulatorCommand(ctx: CommandContext, options: EmulatorCommandOptions): Promise<number> {
  const emulator = await startEmulator({
    port: options.port,
    host: options.host,
    ...(options.seed ? { seedFile: options.seed } : {}),
    ...(options.state ? { stateFile: options.state } : {}),
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
  ctx.out(`${c.bold('PactFlow emulator')} listening on ${c.cyan(emulator.url)}\n\n`);
  ctx.out(`  export PACT_BROKER_BASE_URL=${emulator.url}\n`);
  if (emulator.adminToken) ctx.out(`  export PACT_BROKER_TOKEN=${emulator.adminToken}\n`);
  ctx.out('\nTokens (read/write, read-only):\n');
  for (const [name, t] of Object.entries(emulator.tokens))
    ctx.out(`  ${visible(name).padEnd(34)} ${t.readWrite}  ${c.dim(t.readOnly)}\n`);
  ctx.out(
    `\nTry: curl -H "Authorization: Bearer ${emulator.adminToken || '<token>'}" "${emulator.url}/admin/users?userType=1"\n`,
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
