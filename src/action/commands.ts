/**
 * One workflow command line (`::error::…`, `::add-mask::…`) as the runner reads it: `%`, CR and
 * LF in the data escaped (the runner unescapes them), so a value is taken whole and cannot end
 * the line early and start a command of its own. A token with `%` in it is then masked as it is.
 */
export function workflowCommand(name: string, data: string): string {
  const escaped = data.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return `::${name}::${escaped}\n`;
}
