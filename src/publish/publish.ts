import { MARKER } from '../render/marker.js';
import type { CodeHost, Note } from './host.js';

export const KINDS = ['plan', 'apply', 'drift', 'adopt'] as const;
export type PublishKind = (typeof KINDS)[number];

/** Each kind of report lives in one place, found again by its marker. */
export const MARKERS: Record<PublishKind, string> = {
  plan: MARKER,
  apply: '<!-- pactflow-accounts-apply -->',
  drift: '<!-- pactflow-accounts-drift -->',
  adopt: '<!-- pactflow-accounts-adopt -->',
};

export const DRIFT_LABEL = 'pactflow-accounts-drift';
export const DRIFT_TITLE = 'PactFlow system accounts have drifted from the file';

/**
 * The body under exactly one marker: the kind's own, with any other of ours removed, so that an
 * apply report is never mistaken for the plan comment.
 */
export function markBody(kind: PublishKind, body: string): string {
  let rest = body;
  for (const marker of Object.values(MARKERS)) rest = rest.split(marker).join('');
  return `${MARKERS[kind]}\n${rest.replace(/^\s*\n/, '')}`;
}

/**
 * Ours: the body starts with the kind's marker, as markBody writes it. A comment that merely quotes
 * or mentions the marker (someone replying to the report) is someone else's and is never edited.
 */
export const isMarked = (note: Note, kind: PublishKind): boolean =>
  note.body.trimStart().startsWith(MARKERS[kind]);

export const findMarked = (notes: readonly Note[], kind: PublishKind): Note | undefined =>
  notes.find((n) => isMarked(n, kind));

export interface Published {
  action: 'created' | 'updated' | 'closed' | 'nothing';
  message: string;
}

/** Creates the request's comment of this kind, or updates the one already there: never a second. */
export async function upsertComment(
  host: CodeHost,
  request: number,
  kind: PublishKind,
  body: string,
): Promise<Published> {
  const marked = markBody(kind, body);
  const existing = findMarked(await host.listComments(request), kind);
  const where = `${host.requestNoun} #${request}`;
  if (existing) {
    await host.updateComment(request, existing.id, marked);
    return { action: 'updated', message: `updated the ${kind} comment on ${where}` };
  }
  await host.createComment(request, marked);
  return { action: 'created', message: `commented the ${kind} on ${where}` };
}

/**
 * One drift issue, found by label and marker: opened when drift is found, updated while it lasts,
 * closed (with the clean report as its last word) when the organization matches the file again.
 */
export async function syncDriftIssue(
  host: CodeHost,
  options: { body: string; clean: boolean; label?: string; title?: string },
): Promise<Published> {
  const label = options.label ?? DRIFT_LABEL;
  const body = markBody('drift', options.body);
  const open = (await host.listOpenIssues(label)).filter((i) => isMarked(i, 'drift'));
  const [first, ...extra] = open;
  if (options.clean) {
    for (const issue of open) await host.closeIssue(issue.id, body);
    return first
      ? { action: 'closed', message: `no drift: closed issue #${first.id}` }
      : { action: 'nothing', message: 'no drift, and no drift issue open' };
  }
  if (first) {
    await host.updateIssue(first.id, body);
    // Duplicates from an earlier race are closed, so there stays exactly one.
    for (const issue of extra) await host.closeIssue(issue.id, body);
    return { action: 'updated', message: `drift: updated issue #${first.id}` };
  }
  await host.createIssue(options.title ?? DRIFT_TITLE, body, label);
  return { action: 'created', message: 'drift: opened an issue' };
}
