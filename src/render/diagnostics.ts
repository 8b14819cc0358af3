import type { Diagnostic } from '../diagnostics.js';
import { count } from '../util/plural.js';
import type { Colors } from './color.js';
import { PLAIN } from './color.js';
import { visible } from './escape.js';
import { MARKDOWN_LIMIT, code, fitMarkdown, prose, section } from './markdown-kit.js';
import { MARKER } from './marker.js';

/** `file:line:col: summary — detail`, one line per problem, the form editors and CI annotate. */
export function renderDiagnostic(d: Diagnostic, colors: Colors = PLAIN): string {
  const where = `${visible(d.file)}:${d.line}:${d.column}`;
  const kind = d.severity === 'warning' ? `${colors.yellow('warning')}: ` : '';
  return `${colors.bold(where)}: ${kind}${visible(d.summary)}${d.detail ? colors.dim(` — ${visible(d.detail)}`) : ''}`;
}

const errorCount = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.filter((d) => d.severity === 'error').length;

export function renderDiagnostics(
  file: string,
  diagnostics: readonly Diagnostic[],
  colors: Colors = PLAIN,
): string {
  const errors = errorCount(diagnostics);
  const lines = diagnostics.map((d) => renderDiagnostic(d, colors));
  if (errors > 0) lines.push(colors.red(`Found ${count(errors, 'problem')} in ${visible(file)}`));
  return lines.join('\n') + '\n';
}

/**
 * The problems of a desired-state file as a pull-request comment, under the same marker as a plan
 * (so the comment a plan would update says why there is no plan), at most `limit` characters.
 */
export function renderDiagnosticsMarkdown(
  diagnostics: readonly Diagnostic[],
  file: string,
  options: { limit?: number } = {},
): string {
  const errors = errorCount(diagnostics);
  const warnings = diagnostics.length - errors;
  const headline =
    errors > 0
      ? `### PactFlow system accounts: no plan, ${code(file)} has ${count(errors, 'problem')}`
      : `### PactFlow system accounts: ${code(file)} has ${count(warnings, 'warning')}`;
  const top = [
    MARKER,
    headline,
    '',
    ...(errors > 0 ? ['Fix these and push again; nothing was changed in PactFlow.', ''] : []),
    '',
  ].join('\n');
  const entry = (d: Diagnostic) =>
    `- ${d.severity === 'warning' ? '⚠️ warning' : '❌ error'} at ${code(`${d.file}:${d.line}:${d.column}`)}: ${prose(d.summary)}${d.detail ? `  \n  ${prose(d.detail)}` : ''}`;
  return fitMarkdown(top, [section('#### Problems\n', diagnostics, entry)], options.limit ?? MARKDOWN_LIMIT);
}
