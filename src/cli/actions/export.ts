import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportDesired, renderExportYaml } from '../../export/export.js';
import type { CommandContext } from '../context.js';
import { InterruptedError } from '../../errors.js';
import { checkNotReadByCommand, checkOutputPath, filesReadBy, writeOutputFile } from '../output-file.js';
import { resolveInCwd } from '../paths.js';
import { count } from '../../util/plural.js';
import { connect, readLiveState } from '../session.js';
import type { ExportCommandOptions } from '../commands/export.js';

/**
 * The schema this package ships at its root. This module runs from <root>/src/…, <root>/dist/src/…
 * or the bundle in <root>/bundle/: the root is the nearest folder above that holds
 * the schema, passing over dist/ (whose copy serves the compiled modules' imports).
 */
function shippedSchema(): string {
  const at = (dir: string) => path.join(dir, 'schemas', 'accounts.schema.json');
  const isRoot = (dir: string) => path.basename(dir) !== 'dist' && existsSync(at(dir));
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!isRoot(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return at(dir);
}
/** For a file whose project does not install the tool (the GitHub Action runs it from its own checkout). */
export const HOSTED_SCHEMA =
  'https://raw.githubusercontent.com/pactflow-accounts/pactflow-accounts/main/schemas/accounts.schema.json';

/**
 * The `$schema` hint for a file written in `dir`: editors resolve it relative to the file. When the
 * tool is installed in the project (from a tarball, a git URL or a registry) that is the copy in
 * node_modules; otherwise, the published schema.
 */
export function schemaHint(dir: string, schema: string = shippedSchema()): string {
  const relative = path.relative(dir, schema).split(path.sep).join('/');
  const parts = relative.split('/');
  const first = parts.find((p) => p !== '..');
  if (!relative.startsWith('..')) return `./${relative}`;
  return first === 'node_modules' ? relative : HOSTED_SCHEMA;
}

export async function exportCommand(ctx: CommandContext, options: ExportCommandOptions): Promise<number> {
  const out = options.out ? resolveInCwd(ctx, options.out) : undefined;
  const signal = ctx.io.signal;
  const outOptions = { overwrite: options.force === true, flag: '--out', ...(signal ? { signal } : {}) };
  // Refuse a bad --out before PactFlow is read: nothing is fetched for a file that cannot be
  // written, or that would replace a file this run reads (the token file).
  if (out) checkOutputPath(out, outOptions);
  if (out) checkNotReadByCommand(out, '--out', filesReadBy(ctx));
  const client = await connect(ctx);
  try {
    const live = await readLiveState(ctx, client);
    const file = exportDesired(live, { include: options.include });
    const text = renderExportYaml(file, {
      baseUrl: client.baseUrl,
      schema: schemaHint(out ? path.dirname(out.absolute) : ctx.io.cwd),
    });
    if (ctx.io.signal?.aborted) throw new InterruptedError('stopped before anything was written.');
    if (!out) {
      ctx.out(text);
      return 0;
    }
    await writeOutputFile(out, text, outOptions);
    ctx.err(`Wrote ${count(file.systemAccounts.length, 'system account')} to ${out.display}\n`);
    return 0;
  } finally {
    client.close();
  }
}
