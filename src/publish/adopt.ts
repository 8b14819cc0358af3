import { UsageError } from '../errors.js';
import { MARKDOWN_LIMIT } from '../render/markdown-kit.js';
import type { Note } from './host.js';
import type { Published } from './publish.js';
import { isMarked, markBody } from './publish.js';

/** An open pull/merge request from a branch of the same repository: number (or iid), body, branch. */
export interface OpenRequest extends Note {
  branch: string;
}

/** The one file the adopt job commits: its path in the repository and its new text. */
export interface FileChange {
  path: string;
  content: string;
  message: string;
}

/**
 * What the adopt job needs of a code host: a branch holding one commit on top of the default
 * branch, and the one pull/merge request from it. GitHub and GitLab each implement it over REST.
 */
export interface AdoptHost {
  /** "GitHub" or "GitLab", for messages. */
  readonly name: string;
  /** What a pull/merge request is called there, for messages. */
  readonly requestNoun: string;
  defaultBranch(): Promise<string>;
  /**
   * Points `branch` at one new commit whose parent is the head of `base` and which changes only
   * `change.path`: the branch is created, or moved there by force. It never points at a commit of
   * `base` itself on the way: GitHub takes a head that `base` already holds as a merged request.
   */
  commitFile(branch: string, base: string, change: FileChange): Promise<void>;
  /** Open requests whose head branch is in the repository itself (a fork's are never ours). */
  listOpenRequests(): Promise<OpenRequest[]>;
  createRequest(request: { branch: string; base: string; title: string; body: string }): Promise<number>;
  updateRequest(id: number, title: string, body: string): Promise<void>;
  closeRequest(id: number, body: string): Promise<void>;
  /** Deletes the branch; false when there was none to delete. */
  deleteBranch(branch: string): Promise<boolean>;
  close(): void;
}

/** The adopt job's own branch, unless --branch names another. */
export const ADOPT_BRANCH = 'pactflow-accounts/adopt-drift';

export interface AdoptRequestOptions {
  /** The report: the diff and summary, then the plan it answers. */
  body: string;
  branch: string;
  /** The file to commit; none when there is nothing left to adopt. */
  change?: FileChange;
}

/**
 * One pull/merge request for adopted drift, on a branch of its own, found by its marker: the branch
 * is set to one commit of the file on top of the default branch, and the request is opened, or
 * updated in place. With no change (nothing left to adopt) it is closed and the branch deleted.
 */
export async function syncAdoptRequest(host: AdoptHost, options: AdoptRequestOptions): Promise<Published> {
  const base = await host.defaultBranch();
  if (options.branch === base)
    throw new UsageError(
      `the adopt branch "${options.branch}" is the default branch`,
      'Give --branch a branch of its own: the adopt job force-updates it and deletes it when done.',
    );
  const ours = ownRequests(await host.listOpenRequests(), options.branch);
  if (!options.change) return closeAdoptRequests(host, ours, options, base);

  await host.commitFile(options.branch, base, options.change);
  const title = firstLine(options.change.message);
  const body = markBody('adopt', fitBody(options.body));
  const [first, ...extra] = ours;
  const noun = host.requestNoun;
  if (first) {
    await host.updateRequest(first.id, title, body);
    for (const request of extra) await host.closeRequest(request.id, duplicateBody(first.id, noun));
    return { action: 'updated', message: `adopt: updated ${noun} #${first.id} (branch ${options.branch})` };
  }
  const id = await host.createRequest({ branch: options.branch, base, title, body });
  return { action: 'created', message: `adopt: opened ${noun} #${id} from branch ${options.branch}` };
}

/**
 * The open requests from our branch, the marked one first. An unmarked one (its marker edited
 * away) is still ours: it shows our branch, which this job force-updates.
 */
function ownRequests(open: readonly OpenRequest[], branch: string): OpenRequest[] {
  const fromBranch = open.filter((r) => r.branch === branch);
  return [
    ...fromBranch.filter((r) => isMarked(r, 'adopt')),
    ...fromBranch.filter((r) => !isMarked(r, 'adopt')),
  ];
}

async function closeAdoptRequests(
  host: AdoptHost,
  ours: readonly OpenRequest[],
  options: AdoptRequestOptions,
  base: string,
): Promise<Published> {
  const why =
    `**Closed by pactflow-accounts:** nothing is left to adopt into the file on \`${base}\` ` +
    '(the changes were merged, or undone in PactFlow).';
  for (const request of ours)
    await host.closeRequest(request.id, markBody('adopt', fitBody(`${why}\n\n${options.body}`)));
  const deleted = await host.deleteBranch(options.branch);
  const branchNote = deleted ? `, deleted branch ${options.branch}` : '';
  const first = ours[0];
  return first
    ? { action: 'closed', message: `nothing to adopt: closed ${host.requestNoun} #${first.id}${branchNote}` }
    : { action: 'nothing', message: `nothing to adopt, and no ${host.requestNoun} open${branchNote}` };
}

const duplicateBody = (kept: number, noun: string) =>
  markBody(
    'adopt',
    `Closed by pactflow-accounts: a duplicate of ${noun} #${kept}, which holds the adopted drift.`,
  );

const firstLine = (text: string) => text.split('\n', 1)[0]!;

/**
 * The body within the hosts' limit (GitHub: 65,536 characters): cut at a line, any open code fence
 * closed, and a note that the whole change is in the commit.
 */
export function fitBody(body: string, limit = MARKDOWN_LIMIT): string {
  if (body.length <= limit) return body;
  const kept = body.slice(0, body.lastIndexOf('\n', limit - 200) + 1);
  const open = openFence(kept);
  return `${kept}${open ? `${open}\n` : ''}\n… cut to fit: the whole change is in the commit, and in the job log.\n`;
}

/** The fence of a code block still open at the end of `text` (its backticks), if any. */
function openFence(text: string): string | undefined {
  let open: string | undefined;
  for (const line of text.split('\n')) {
    const fence = /^ {0,3}(`{3,})/.exec(line)?.[1];
    if (!fence) continue;
    if (open === undefined) open = fence;
    // A closing fence is at least as long as the opening one, with nothing after it.
    else if (fence.length >= open.length && line.trim() === fence) open = undefined;
  }
  return open;
}
