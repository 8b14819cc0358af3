import type { Diagnostic } from '../diagnostics.js';
import type { Colors } from './color.js';
import { PLAIN } from './color.js';

/** `file:line:col: summary — detail`, one line per problem, the form editors and CI annotate. */
export function renderDiagnostic(d: Diagnostic, colors: Colors = PLAIN): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  const kind = d.severity === 'warning' ? `${colors.yellow('warning')}: ` : '';
  return `${colors.bold(where)}: ${kind}${d.summary}${d.detail ? colors.dim(` — ${d.detail}`) : ''}`;
}

export function renderDiagnostics(
  file: string,
  diagnostics: readonly Diagnostic[],
  colors: Colors = PLAIN,
): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const lines = diagnostics.map((d) => renderDiagnostic(d, colors));
  if (errors > 0) lines.push(colors.red(`Found ${errors} problem${errors === 1 ? '' : 's'} in ${file}`));
  return lines.join('\n') + '\n';
}
