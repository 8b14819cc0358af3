/**
 * Reading a desired-state file as YAML. Two parsers, one contract: `js-yaml` (YAML 1.2 core schema,
 * duplicate keys refused) reads a well-formed file in a tenth of the time; `yaml`
 * (positioned-parse.ts) parses with positions, and runs only when there is something to point at:
 * js-yaml refused the file, the file may hold aliases (whose expansion only `yaml` bounds), or a
 * diagnostic asks where a value is. The byte checks (bytes.ts) run before either.
 */
import { createHash } from 'node:crypto';
import { CORE_SCHEMA, load } from 'js-yaml';
import { checkBytes, decodeText, tooLarge } from './bytes.js';
import type { LoadedYaml } from './loaded-yaml.js';
import { failedLoad } from './loaded-yaml.js';
import { parseWithPositions } from './positioned-parse.js';
import { readDesiredStateFile } from './read-file.js';

/**
 * Reads `location`; messages and diagnostics name the file as `file` (what the user typed). When
 * `signal` aborts (Ctrl+C), a read still waiting ends with an InterruptedError.
 */
export async function loadYamlFile(
  file: string,
  location = file,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<LoadedYaml> {
  const bytes = await readDesiredStateFile(file, location, options.signal);
  return bytes === 'too-large'
    ? failedLoad(file, sha256Of(new Uint8Array()), [tooLarge(file)])
    : parseYamlSource(file, bytes);
}

/** Parses bytes already read; pure apart from hashing, so it is what tests feed directly. */
export function parseYamlSource(file: string, bytes: Uint8Array): LoadedYaml {
  const sha256 = sha256Of(bytes);
  const problem = checkBytes(file, bytes);
  if (problem) return failedLoad(file, sha256, [problem]);
  const source = decodeText(bytes);
  const value = parseWithoutPositions(source);
  if (value === undefined) return parseWithPositions(file, sha256, source);
  let positioned: LoadedYaml | undefined;
  return {
    file,
    sha256,
    value,
    diagnostics: [],
    locate: (path, options) =>
      (positioned ??= parseWithPositions(file, sha256, source)).locate(path, options),
  };
}

/**
 * What only `yaml` reads as this project means it, sent to it directly: a directive (`%YAML 1.1`
 * changes how scalars read), an alias (expansion is bounded only there) and a `0b` plain scalar
 * (an integer to js-yaml, a string in YAML 1.2 core). A node starts after a line start, a space,
 * a flow indicator or a flow `:`.
 */
const NEEDS_YAML = /^%|(?:^|[\s[{,:])(?:\*|[-+]?0b)/m;

/** The file's value when it is a well-formed mapping that js-yaml reads as `yaml` would; otherwise undefined. */
export function parseWithoutPositions(source: string): object | undefined {
  if (NEEDS_YAML.test(source)) return undefined;
  try {
    const value = load(source, { schema: CORE_SCHEMA, json: false });
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
