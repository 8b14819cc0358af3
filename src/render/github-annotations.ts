import type { Diagnostic } from '../diagnostics.js';

/** Workflow-command data: `%`, CR and LF are percent-encoded (GitHub's escaping rules). */
export function escapeAnnotationData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command property values: as data, plus `:` and `,` that separate properties. */
export function escapeAnnotationProperty(text: string): string {
  return escapeAnnotationData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One `::error file=…,line=…,col=…::message` line per diagnostic (`::warning` for warnings), so
 * GitHub Actions marks the offending line of the file in the pull request.
 */
export function renderGithubAnnotations(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = [
        `file=${escapeAnnotationProperty(d.file)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `title=${escapeAnnotationProperty(`pactflow-accounts: ${d.code}`)}`,
      ].join(',');
      const message = d.detail ? `${d.summary} — ${d.detail}` : d.summary;
      return `::${d.severity === 'warning' ? 'warning' : 'error'} ${props}::${escapeAnnotationData(message)}\n`;
    })
    .join('');
}
