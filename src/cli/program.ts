import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, InterruptedError, ToolError } from '../errors.js';
import { renderGithubAnnotations } from '../render/github-annotations.js';
import { visible } from '../render/escape.js';
import { VERSION } from '../version.js';
import type { CliIo, CommandContext, GlobalOptions } from './context.js';
import { makeContext } from './context.js';
import { registerAdopt } from './commands/adopt.js';
import { registerApply } from './commands/apply.js';
import { registerEmulator } from './commands/emulator.js';
import { registerExport } from './commands/export.js';
import { registerPlan } from './commands/plan.js';
import { registerPublish, registerReviewed } from './commands/publish.js';
import { registerShow } from './commands/show.js';
import { registerValidate } from './commands/validate.js';

export type CommandAction<O> = (ctx: CommandContext, options: O) => Promise<number>;
/**
 * Wires a command to its action, which is imported only when that command runs: `--help` and
 * `validate` never load got, ora, the emulator or the saved-plan schema.
 */
export type Runner = <O>(load: () => Promise<CommandAction<O>>) => (...args: unknown[]) => Promise<void>;

/**
 * Runs the CLI in-process: the only place that maps errors to exit codes. Returns the exit code
 * rather than exiting, so tests and the demo drive it directly.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  let ctx: CommandContext | undefined;
  const run: Runner =
    <O>(load: () => Promise<CommandAction<O>>) =>
    async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      const globals = command.optsWithGlobals<GlobalOptions & O>();
      ctx = makeContext(io, globals);
      const options = { ...globals, args: command.args } as O;
      const action = await load();
      exitCode = await action(ctx, options);
    };
  const program = buildProgram(run, {
    writeOut: (s) => void io.stdout.write(s),
    writeErr: (s) => void io.stderr.write(s),
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return await reportError(error, io, ctx);
  }
}

/**
 * The whole command tree, with each command's action handed to `run`. Exported so that checks can
 * parse every command line the examples and docs show against the real flags.
 */
export function buildProgram(
  run: Runner,
  output: { writeOut(s: string): void; writeErr(s: string): void },
): Command {
  const program = new Command('pactflow-accounts');
  program
    .description('Keep PactFlow system accounts in git: validate, plan, apply, export, adopt and show them.')
    .version(VERSION, '-V, --version')
    // A subcommand's --help lists these too: they are given after the subcommand as often as before.
    .configureHelp({ showGlobalOptions: true })
    .option('--base-url <url>', 'PactFlow base URL (default: $PACT_BROKER_BASE_URL)')
    .option('--token-file <path>', 'file holding the API token (default: $PACT_BROKER_TOKEN)')
    .option(
      '--allow-insecure-http',
      'allow a plain http:// base URL on a host other than loopback (a compose service, an internal host)',
    )
    .option('--no-color', 'plain output without colours (also: NO_COLOR=1)')
    .option('--no-progress', 'no spinners on stderr')
    .option('--verbose', 'on stderr: one line per HTTP request, and the stack of an unexpected error', false)
    .addOption(
      new Option('--token <token>').hideHelp().argParser(() => {
        throw new ToolError(
          '--token is not accepted: a token on the command line ends up in shell history and process lists',
          'Put it in a file and pass --token-file PATH, or set PACT_BROKER_TOKEN.',
        );
      }),
    )
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput(output)
    .addHelpText(
      'after',
      `
Exit codes: 0 success (plan --detailed-exitcode: no changes), 1 error, 2 changes present
(plan --detailed-exitcode), 3 a safety guard refuses the plan.

Examples:
  $ pactflow-accounts validate -f accounts.yaml
  $ pactflow-accounts plan -f accounts.yaml --out plan.json
  $ pactflow-accounts apply plan.json
  $ pactflow-accounts export --out accounts.yaml
  $ pactflow-accounts adopt --check
  $ pactflow-accounts show --has-scope system_account:manage
  $ pactflow-accounts emulator --seed examples/seed.yaml`,
    );

  registerValidate(program, run);
  registerPlan(program, run);
  registerApply(program, run);
  registerExport(program, run);
  registerAdopt(program, run);
  registerShow(program, run);
  registerEmulator(program, run);
  registerPublish(program, run);
  registerReviewed(program, run);
  return program;
}

async function reportError(error: unknown, io: CliIo, ctx: CommandContext | undefined): Promise<number> {
  const colors = ctx?.errColors;
  if (error instanceof CommanderError) {
    // Help and version exit 0; commander has already printed its own message for usage errors.
    return error.exitCode === 0 ||
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version'
      ? 0
      : 1;
  }
  if (error instanceof ConfigError) {
    // Loaded here, not up front: the renderers it shares with the plan output weigh on every start.
    const { renderDiagnostics } = await import('../render/diagnostics.js');
    io.stderr.write(renderDiagnostics(error.file, error.diagnostics, colors));
    // In GitHub Actions each problem also marks its line in the pull request.
    // Annotations name files from the repository root (GITHUB_WORKSPACE), not the working directory.
    if (io.env.GITHUB_ACTIONS === 'true') {
      const root = io.env.GITHUB_WORKSPACE;
      const fromRoot = (file: string) =>
        root ? path.relative(root, path.resolve(io.cwd, file)).split(path.sep).join('/') : file;
      io.stderr.write(
        renderGithubAnnotations(error.diagnostics.map((d) => ({ ...d, file: fromRoot(d.file) }))),
      );
    }
    return error.exitCode;
  }
  if (error instanceof InterruptedError) {
    io.stderr.write(`${colors ? colors.yellow('Interrupted') : 'Interrupted'}: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof ToolError) {
    // Messages may quote what a server or a file said: each line is escaped (control characters,
    // ESC, bidirectional overrides), the tool's own line breaks kept.
    const shown = (text: string) => text.split('\n').map(visible).join('\n');
    io.stderr.write(
      `${colors ? colors.red('error') : 'error'}: ${shown(error.message)}\n${error.hint ? `  ${shown(error.hint)}\n` : ''}`,
    );
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/^Cannot find module '\.\/(yaml|plan-schema)\.js'/.test(message)) {
    // The binary loads these two from beside it: one copied on its own fails on the first
    // command that needs them.
    io.stderr.write(
      `error: ${visible(message.split('\n')[0]!)}: this copy of pactflow-accounts is incomplete\n` +
        '  Install it again, or copy the whole bundle/ folder, not pactflow-accounts.js alone.\n',
    );
    return 1;
  }
  io.stderr.write(`error: unexpected failure: ${message.split('\n').map(visible).join('\n')}\n`);
  if (ctx?.globals.verbose && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return 1;
}
