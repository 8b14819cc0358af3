import type { ApplyResult, Outcome, Refusal403, Unreachable } from '../apply/types.js';
import type { Colors } from './color.js';
import { PLAIN } from './color.js';
import { visible } from './escape.js';
import { MARKDOWN_LIMIT, code, fitMarkdown, prose, section } from './markdown-kit.js';
import { MARKER } from './marker.js';
import { num } from './words.js';

export interface ApplyTally {
  done: number;
  failed: number;
  interrupted: number;
  skipped: number;
}

export function tally(result: ApplyResult): ApplyTally {
  const count = (s: Outcome['status']) => result.outcomes.filter((o) => o.status === s).length;
  return {
    done: count('done'),
    failed: count('failed'),
    interrupted: count('interrupted'),
    skipped: count('skipped'),
  };
}

const MARK: Record<Outcome['status'], string> = { done: '✓', failed: '✗', interrupted: '…', skipped: '-' };

export function outcomeLine(outcome: Outcome, c: Colors = PLAIN): string {
  const paint = outcome.status === 'done' ? c.green : outcome.status === 'failed' ? c.red : c.yellow;
  return `${paint(MARK[outcome.status])} ${visible(outcome.message)}`;
}

/**
 * What a 403 on a write means and what to change. Running again with the same token would be
 * refused the same way, so this never advises it.
 */
export function refusalAdvice(refused: Refusal403): string {
  const what = `PactFlow refused ${refused.method} ${refused.path} (403), so no new step was started`;
  return refused.cause === 'read-only-token'
    ? `${what}: the token's owner has ${refused.permission}, so the token itself is read-only (the "Read only token (developer)"). Use the owner's "Read/write token (CI)".`
    : `${what}: the token's owner lacks ${refused.permission}. Give them a role with ${refused.permission}, or use the "Read/write token (CI)" of a user who has it (see the README's permissions).`;
}

/** PactFlow stopped answering mid-run: what happened and what to do. */
export function unreachableAdvice(unreachable: Unreachable): string {
  return `PactFlow did not answer (${unreachable.code}) for ${unreachable.failures} accounts in a row, so no new step was started. Check that PactFlow is reachable from here, then run apply again: it redoes only what is missing.`;
}

/** What to do next, if anything: one line, or none when everything was done. */
function advice(result: ApplyResult): string | undefined {
  const unfinished = result.outcomes.filter((o) => o.status !== 'done');
  if (result.refused) return refusalAdvice(result.refused);
  if (result.unreachable) return unreachableAdvice(result.unreachable);
  if (unfinished.length === 0) return undefined;
  if (unfinished.every((o) => o.rerunHelps === false))
    return 'Running apply again would fail the same way: change the file as each failure says.';
  return 'Run apply again to converge: it plans from the current state and redoes only what is missing.';
}

export function closingLine(result: ApplyResult): string {
  const t = tally(result);
  const head =
    t.failed + t.interrupted + t.skipped === 0
      ? 'Apply complete'
      : result.refused
        ? 'Apply stopped: a write was refused'
        : result.unreachable
          ? 'Apply stopped: PactFlow stopped answering'
          : result.interrupted
            ? 'Apply interrupted'
            : 'Apply finished with failures';
  return `${head}: ${t.done} done, ${t.failed} failed, ${t.interrupted} interrupted, ${t.skipped} not started.`;
}

export function renderApplyText(result: ApplyResult, options: { colors?: Colors } = {}): string {
  const c = options.colors ?? PLAIN;
  const lines = result.outcomes.map((o) => outcomeLine(o, c));
  const t = tally(result);
  lines.push('', (t.failed + t.interrupted + t.skipped ? c.red : c.green)(c.bold(closingLine(result))));
  const next = advice(result);
  if (next) lines.push(visible(next));
  return lines.join('\n') + '\n';
}

/**
 * The apply report for a pull request or job summary, under the plan's marker, capped like a plan;
 * a refused write's advice comes first, above the table.
 */
export function renderApplyMarkdown(result: ApplyResult, options: { limit?: number } = {}): string {
  const top = [
    MARKER,
    `### PactFlow system accounts: ${closingLine(result)}`,
    '',
    ...(advice(result) ? [prose(advice(result)!), ''] : []),
    '',
  ].join('\n');
  const row = (o: Outcome) => `| ${MARK[o.status]} | ${code(o.account)} | ${prose(o.message)} |`;
  return fitMarkdown(
    top,
    [
      section(
        '| | Account | Result |\n|---|---|---|',
        result.outcomes,
        row,
        (n) => `| | … and ${num(n)} more | see the JSON report |`,
      ),
    ],
    options.limit ?? MARKDOWN_LIMIT,
  );
}

export function renderApplyJson(result: ApplyResult): string {
  return (
    JSON.stringify(
      {
        summary: tally(result),
        interrupted: result.interrupted,
        ...(result.refused ? { refused: { ...result.refused, advice: refusalAdvice(result.refused) } } : {}),
        ...(result.unreachable
          ? { unreachable: { ...result.unreachable, advice: unreachableAdvice(result.unreachable) } }
          : {}),
        outcomes: result.outcomes,
      },
      null,
      2,
    ) + '\n'
  );
}
