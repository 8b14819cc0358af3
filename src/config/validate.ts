import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../schemas/accounts.schema.json' with { type: 'json' };
import type { Diagnostic } from '../diagnostics.js';
import { compareDiagnostics, diagnosticAt, hasErrors } from '../diagnostics.js';
import { ConfigError } from '../errors.js';
import { didYouMean } from '../util/suggest.js';
import validateAccounts from './accounts-schema.generated.js';
import { loadYamlFile } from './load.js';
import type { LoadedYaml, PathSegment } from './loaded-yaml.js';
import { formatPath } from './rule-helpers.js';
import { SEMANTIC_RULES } from './rules.js';
import type { AccountsFile, DesiredState } from './types.js';
import { normalizeConfig } from './normalize.js';

export { normalizeConfig } from './normalize.js';

/** schemas/accounts.schema.json, compiled at build time (scripts/compile-schemas.mjs). */
export const validateAccountsSchema = validateAccounts as unknown as ValidateFunction<AccountsFile>;

/** The schema node at an instance path, to offer the allowed property names for "did you mean". */
function schemaAt(path: readonly PathSegment[]): { properties?: Record<string, unknown> } | undefined {
  let node: unknown = schema;
  for (const segment of path) {
    const n = node as { properties?: Record<string, unknown>; items?: unknown };
    node = typeof segment === 'number' ? n.items : n.properties?.[segment];
    if (node === undefined) return undefined;
  }
  return node as { properties?: Record<string, unknown> };
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  array: 'a list',
  object: 'a mapping',
  boolean: 'true or false',
  integer: 'a whole number',
};

function describeSchemaError(
  error: ErrorObject,
  path: PathSegment[],
): Omit<Diagnostic, 'file' | 'line' | 'column' | 'severity' | 'code'> & {
  key?: boolean;
  path: PathSegment[];
} {
  const where = formatPath(path);
  const prefix = where === '' ? '' : `${where}: `;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const allowed = Object.keys(schemaAt(path)?.properties ?? {});
      return {
        path: [...path, field],
        key: true,
        summary: `${prefix}unknown field "${field}"${didYouMean(field, allowed)}`,
        detail: `allowed here: ${allowed.join(', ')}`,
      };
    }
    case 'required':
      return { path, summary: `${prefix}missing required field "${String(params.missingProperty)}"` };
    case 'const':
      return {
        path,
        summary: `${prefix}must be ${JSON.stringify(params.allowedValue)}`,
        detail: 'this tool reads format version 1',
      };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return {
        path,
        summary: `${prefix}must be one of ${allowed.join(', ')}${typeof error.data === 'string' ? `, not "${error.data}"${didYouMean(error.data, allowed)}` : ''}`,
      };
    }
    case 'type':
      return { path, summary: `${prefix}must be ${TYPE_NAMES[String(params.type)] ?? String(params.type)}` };
    case 'minimum':
      return { path, summary: `${prefix}must be ${String(params.limit)} or more` };
    case 'minLength':
      return { path, summary: `${prefix}must not be empty` };
    default:
      return { path, summary: `${prefix}${error.message ?? 'is invalid'}` };
  }
}

const decodePointer = (pointer: string): PathSegment[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

export interface ValidationResult {
  diagnostics: Diagnostic[];
  /** Present when there are no errors. */
  desired?: DesiredState;
}

/** Schema check, then every named semantic rule; all problems at once, sorted by position. */
export function validateConfig(loaded: LoadedYaml): ValidationResult {
  if (loaded.diagnostics.length > 0 || loaded.value === undefined)
    return { diagnostics: [...loaded.diagnostics].sort(compareDiagnostics) };
  const notAFile = checkShape(loaded);
  if (notAFile) return { diagnostics: [notAFile] };
  const value = loaded.value as Partial<AccountsFile>;
  const diagnostics = [...schemaDiagnostics(loaded, value), ...ruleDiagnostics(loaded, value)].sort(
    compareDiagnostics,
  );
  if (hasErrors(diagnostics)) return { diagnostics };
  return { diagnostics, desired: normalizeConfig(value as AccountsFile, loaded) };
}

/**
 * Reads, validates and normalizes the file; a ConfigError with every problem if it has errors.
 * `signal` ends a read that waits (a named pipe with no writer yet) with an InterruptedError.
 */
export async function loadConfig(
  file: string,
  location = file,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<{ desired: DesiredState; warnings: Diagnostic[] }> {
  const result = validateConfig(await loadYamlFile(file, location, options));
  if (!result.desired) throw new ConfigError(file, result.diagnostics);
  return { desired: result.desired, warnings: result.diagnostics };
}

/** One clear sentence when the value is no mapping, or is a saved plan, not fifty schema errors. */
function checkShape(loaded: LoadedYaml): Diagnostic | undefined {
  const { file, value } = loaded;
  // Located only for a diagnostic: the locator runs the positioned parse.
  const at = () => ({ file, ...loaded.locate([]) });
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return diagnosticAt(
      at(),
      'not-a-mapping',
      `the file is ${Array.isArray(value) ? 'a list' : 'a single value'}, not a mapping`,
      'a desired-state file is a mapping with `version: 1` and `systemAccounts:`',
    );
  if ('formatVersion' in value && !('systemAccounts' in value))
    return diagnosticAt(
      at(),
      'saved-plan-as-file',
      'this is a saved plan (it has formatVersion), not a desired-state file',
      `pass a saved plan without -f: \`pactflow-accounts apply ${file}\``,
    );
  return undefined;
}

function schemaDiagnostics(loaded: LoadedYaml, value: unknown): Diagnostic[] {
  if (validateAccountsSchema(value)) return [];
  // `if`/`then` style wrappers add nothing a person can act on.
  const errors = (validateAccountsSchema.errors ?? []).filter((error) => error.keyword !== 'if');
  return errors.map((error) => {
    const { path, key, summary, detail } = describeSchemaError(error, decodePointer(error.instancePath));
    const where = { file: loaded.file, ...loaded.locate(path, { key: key ?? false }) };
    return diagnosticAt(where, `schema-${error.keyword}`, summary, detail);
  });
}

function ruleDiagnostics(loaded: LoadedYaml, value: Partial<AccountsFile>): Diagnostic[] {
  return Object.entries(SEMANTIC_RULES).flatMap(([code, rule]) =>
    rule(value).map((finding) => {
      const where = formatPath(finding.path);
      const at = { file: loaded.file, ...loaded.locate(finding.path, { key: finding.key ?? false }) };
      let summary = where ? `${where}: ${finding.summary}` : finding.summary;
      // A desired state built from an object has no lines to point at (line 0).
      const other = finding.also && loaded.locate(finding.also);
      if (finding.also && other && other.line > 0)
        summary += ` (${formatPath(finding.also)} is at line ${other.line}, column ${other.column})`;
      return diagnosticAt(at, code, summary, finding.detail, finding.severity ?? 'error');
    }),
  );
}
