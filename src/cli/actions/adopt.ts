import { adoptFile } from '../../adopt/adopt.js';
import type { AdoptResult } from '../../adopt/adopt.js';
import { detailLines, hasChanges, renderAdoptDiff, summaryLine } from '../../adopt/report.js';
import { decodeText, tooLarge } from '../../config/bytes.js';
import { parseYamlSource } from '../../config/load.js';
import { readDesiredStateFile } from '../../config/read-file.js';
import type { DesiredState } from '../../config/types.js';
import { validateConfig } from '../../config/validate.js';
import { ConfigError, InterruptedError, ToolError } from '../../errors.js';
import { renderDiagnostics } from '../../render/diagnostics.js';
import type { AdoptCommandOptions } from '../commands/adopt.js';
import type { CommandContext } from '../context.js';
import type { OutputPath } from '../output-file.js';
import { checkNotReadByCommand, checkOutputPath, filesReadBy, writeOutputFile } from '../output-file.js';
import { resolveInCwd } from '../paths.js';
import { checkTargets } from '../planning.js';
import { connect, readLiveState, startLiveRead } from '../session.js';

/** The file as read: its validated meaning and its text (a byte order mark kept aside). */
interface ReadFile {
  desired: DesiredState;
  source: string;
  bom: string;
}

/**
 * adopt: read the file and the live state (a LiveReader only), edit the file's text to match,
 * print a unified diff on stdout and a summary on stderr, then write the file atomically (or, with
 * --check, nothing). The edited text is validated before it is written: a broken file is never left.
 */
export async function adoptCommand(ctx: CommandContext, options: AdoptCommandOptions): Promise<number> {
  const file = resolveInCwd(ctx, options.file);
  const out = options.out ? resolveInCwd(ctx, options.out) : file;
  const signal = ctx.io.signal;
  const writeOptions = { overwrite: true, flag: options.out ? '--out' : '-f', ...(signal ? { signal } : {}) };
  if (options.out && !options.check) {
    checkOutputPath(out, writeOptions);
    checkNotReadByCommand(out, '--out', filesReadBy(ctx));
  }
  const client = await connect(ctx);
  try {
    const reading = startLiveRead(ctx, client);
    const read = await readFile(ctx, file);
    const live = await readLiveState(ctx, client, reading);
    checkTargets(options.target, read.desired, live, file.display);
    const result = adoptFile(read.source, read.desired, live, {
      targets: options.target,
      includeUnmanaged: options.includeUnmanaged === true,
    });
    checkStillValid(file.display, result);
    ctx.out(renderAdoptDiff(file.display, read.source, result.text));
    ctx.err(`${summaryLine(result, !options.check)}\n`);
    for (const line of detailLines(result)) ctx.err(`${line}\n`);
    if (options.check) return hasChanges(result) ? 2 : 0;
    if (!hasChanges(result) && !options.out) return 0;
    await writeAdopted(ctx, out, read.bom + result.text, writeOptions);
    return 0;
  } finally {
    client.close();
  }
}

/** Reads and validates the file once; its problems, if any, are refused as `plan` refuses them. */
async function readFile(ctx: CommandContext, file: OutputPath): Promise<ReadFile> {
  const bytes = await readDesiredStateFile(file.display, file.absolute, ctx.io.signal);
  if (bytes === 'too-large') throw new ConfigError(file.display, [tooLarge(file.display)]);
  const result = validateConfig(parseYamlSource(file.display, bytes));
  if (!result.desired) throw new ConfigError(file.display, result.diagnostics);
  if (result.diagnostics.length) ctx.err(renderDiagnostics(file.display, result.diagnostics, ctx.errColors));
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\ufeff' : '';
  return { desired: result.desired, source: decodeText(bytes), bom };
}

/** The edited file must validate as the original did; if not, it is a fault of adopt, and nothing is written. */
function checkStillValid(file: string, result: AdoptResult): void {
  const check = validateConfig(parseYamlSource(file, new TextEncoder().encode(result.text)));
  if (check.desired) return;
  const first = check.diagnostics[0];
  throw new ToolError(
    `adopt made an edit of ${file} that does not validate${first ? ` (line ${first.line}: ${first.summary})` : ''}; nothing was written`,
    'Please report this with the file (names can be replaced); meanwhile edit the file by hand.',
  );
}

async function writeAdopted(
  ctx: CommandContext,
  out: OutputPath,
  text: string,
  options: { overwrite: boolean; flag: string; signal?: AbortSignal },
): Promise<void> {
  if (ctx.io.signal?.aborted) throw new InterruptedError('stopped before anything was written.');
  await writeOutputFile(out, text, options);
  ctx.err(`Wrote ${out.display}\n`);
}
