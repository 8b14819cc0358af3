import type { Diagnostic } from '../diagnostics.js';

export type PathSegment = string | number;

/** A parsed YAML file: its plain value plus what is needed to point at any part of it. */
export interface LoadedYaml {
  file: string;
  sha256: string;
  /** undefined when the file could not be parsed; `diagnostics` then says why. */
  value: unknown;
  diagnostics: Diagnostic[];
  /** Position of the node at `path` (or of its key, with `key: true`); the nearest parent if absent. */
  locate(path: readonly PathSegment[], options?: { key?: boolean }): { line: number; column: number };
}

/** A file with no value, only what is wrong with it; without a parse, every path is at its start. */
export function failedLoad(
  file: string,
  sha256: string,
  diagnostics: Diagnostic[],
  locate: LoadedYaml['locate'] = () => ({ line: 1, column: 1 }),
): LoadedYaml {
  return { file, sha256, value: undefined, diagnostics, locate };
}
