/** Expected problems are values: collected, sorted by position, and reported all at once. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable machine-readable code, e.g. `duplicate-name`. */
  code: string;
  /** States the fact, e.g. `systemAccounts[2].roles[0]: unknown role "CI-CD"`. */
  summary: string;
  /** Says what to do about it. */
  detail?: string;
  file: string;
  line: number;
  column: number;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.summary.localeCompare(b.summary)
  );
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** A diagnostic at a position; `detail`, when given, says what to do. */
export function diagnosticAt(
  where: { file: string; line: number; column: number },
  code: string,
  summary: string,
  detail?: string,
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  return {
    severity,
    code,
    summary,
    file: where.file,
    line: where.line,
    column: where.column,
    ...(detail ? { detail } : {}),
  };
}
