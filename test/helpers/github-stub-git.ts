/**
 * The adopt job's part of the stub GitHub API: a repository's branches, trees and commits (the Git
 * database API) and its pull requests, held in memory. It behaves as GitHub does where the adopt
 * job depends on it: a ref update that is not a fast-forward needs `force`; a second open pull
 * request from the same head is refused; an open pull request whose head becomes a commit that its
 * base already holds is marked merged, and one whose head branch is deleted is closed.
 */
export interface StubPull {
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  state: 'open' | 'closed';
  merged: boolean;
  /** Opened from a fork's branch (its head repository is not this one). */
  fork?: boolean;
}

export interface StubRepo {
  defaultBranch: string;
  /** Branch name → head commit sha. */
  branches: Map<string, string>;
  commits: Map<string, { tree: string; parents: string[]; message: string }>;
  /** Tree sha → file path → content. */
  trees: Map<string, Record<string, string>>;
  pulls: StubPull[];
  /** "METHOD /path" answered 403, as GitHub answers a token without the permission. */
  forbid: Set<string>;
}

export function newStubRepo(files: Record<string, string>): StubRepo {
  const repo: StubRepo = {
    defaultBranch: 'main',
    branches: new Map([['main', 'c0']]),
    commits: new Map([['c0', { tree: 't0', parents: [], message: 'initial' }]]),
    trees: new Map([['t0', { ...files }]]),
    pulls: [],
    forbid: new Set(),
  };
  return repo;
}

/** The files of a branch's head commit. */
export function filesOf(repo: StubRepo, branch: string): Record<string, string> | undefined {
  const commit = repo.commits.get(repo.branches.get(branch) ?? '');
  return commit ? repo.trees.get(commit.tree) : undefined;
}

type Send = (status: number, body?: unknown, headers?: Record<string, string>) => void;
type Body = Record<string, unknown>;

/** Answers one request if it is a repository, git or pulls route; false when it is none of them. */
export function gitRoute(
  repo: StubRepo,
  method: string,
  path: string,
  body: Body,
  send: Send,
  paged: (items: unknown[]) => void,
): boolean {
  const rest = /^\/repos\/([^/]+)\/([^/]+)(.*)$/.exec(path);
  if (!rest) return false;
  const full = `${rest[1]}/${rest[2]}`;
  const route = rest[3]!;
  if (repo.forbid.has(`${method} ${path}`)) {
    send(403, { message: 'Resource not accessible by integration' });
    return true;
  }
  let m: RegExpExecArray | null;
  if (route === '' && method === 'GET') send(200, { full_name: full, default_branch: repo.defaultBranch });
  else if ((m = /^\/branches\/([^/]+)$/.exec(route)) && method === 'GET')
    getBranch(repo, decodeURIComponent(m[1]!), send);
  else if (route === '/git/trees' && method === 'POST') createTree(repo, body, send);
  else if (route === '/git/commits' && method === 'POST') createCommit(repo, body, send);
  else if (route === '/git/refs' && method === 'POST') createRef(repo, body, send);
  else if ((m = /^\/git\/refs\/heads\/([^/]+)$/.exec(route)) && method === 'PATCH')
    updateRef(repo, decodeURIComponent(m[1]!), body, send);
  else if ((m = /^\/git\/refs\/heads\/([^/]+)$/.exec(route)) && method === 'DELETE')
    deleteRef(repo, decodeURIComponent(m[1]!), send);
  else if (route === '/pulls' && method === 'GET')
    paged(repo.pulls.filter((p) => p.state === 'open').map((p) => pullJson(p, full)));
  else if (route === '/pulls' && method === 'POST') createPull(repo, body, full, send);
  else if ((m = /^\/pulls\/(\d+)$/.exec(route)) && method === 'PATCH')
    updatePull(repo, Number(m[1]), body, full, send);
  else return false;
  return true;
}

function getBranch(repo: StubRepo, name: string, send: Send) {
  const sha = repo.branches.get(name);
  if (!sha) return send(404, { message: 'Branch not found' });
  send(200, { name, commit: { sha, commit: { tree: { sha: repo.commits.get(sha)!.tree } } } });
}

function createTree(repo: StubRepo, body: Body, send: Send) {
  const base = repo.trees.get(String(body.base_tree));
  if (!base) return send(422, { message: 'base_tree is not a tree' });
  const files = { ...base };
  for (const entry of body.tree as { path: string; content: string }[]) files[entry.path] = entry.content;
  const sha = `t${repo.trees.size}`;
  repo.trees.set(sha, files);
  send(201, { sha });
}

function createCommit(repo: StubRepo, body: Body, send: Send) {
  const parents = body.parents as string[];
  if (!repo.trees.has(String(body.tree)) || !parents.every((p) => repo.commits.has(p)))
    return send(422, { message: 'tree or parent does not exist' });
  const sha = `c${repo.commits.size}`;
  repo.commits.set(sha, { tree: String(body.tree), parents, message: String(body.message) });
  send(201, { sha });
}

function createRef(repo: StubRepo, body: Body, send: Send) {
  const name = String(body.ref).replace(/^refs\/heads\//, '');
  if (repo.branches.has(name)) return send(422, { message: 'Reference already exists' });
  repo.branches.set(name, String(body.sha));
  send(201, { ref: body.ref, object: { sha: body.sha } });
}

function updateRef(repo: StubRepo, name: string, body: Body, send: Send) {
  const old = repo.branches.get(name);
  if (!old) return send(422, { message: 'Reference does not exist' });
  const sha = String(body.sha);
  if (body.force !== true && !holds(repo, sha, old))
    return send(422, { message: 'Update is not a fast forward' });
  repo.branches.set(name, sha);
  for (const pull of repo.pulls.filter((p) => p.state === 'open' && p.head === name))
    if (holds(repo, repo.branches.get(pull.base) ?? '', sha))
      Object.assign(pull, { state: 'closed', merged: true });
  send(200, { ref: `refs/heads/${name}`, object: { sha } });
}

function deleteRef(repo: StubRepo, name: string, send: Send) {
  if (!repo.branches.delete(name)) return send(422, { message: 'Reference does not exist' });
  for (const pull of repo.pulls.filter((p) => p.state === 'open' && p.head === name)) pull.state = 'closed';
  send(204);
}

/** `commit` is `ancestor` or has it among its ancestors. */
function holds(repo: StubRepo, commit: string, ancestor: string): boolean {
  const seen = [commit];
  for (let sha = seen.pop(); sha !== undefined; sha = seen.pop()) {
    if (sha === ancestor) return true;
    seen.push(...(repo.commits.get(sha)?.parents ?? []));
  }
  return false;
}

function createPull(repo: StubRepo, body: Body, full: string, send: Send) {
  const [head, base] = [String(body.head), String(body.base)];
  if (!repo.branches.has(head) || !repo.branches.has(base))
    return send(422, { message: 'Validation Failed' });
  if (repo.pulls.some((p) => p.state === 'open' && !p.fork && p.head === head && p.base === base))
    return send(422, { message: `A pull request already exists for ${full.split('/')[0]}:${head}.` });
  const pull: StubPull = {
    number: repo.pulls.length + 1,
    title: String(body.title),
    body: String(body.body),
    head,
    base,
    state: 'open',
    merged: false,
  };
  repo.pulls.push(pull);
  send(201, pullJson(pull, full));
}

function updatePull(repo: StubRepo, number: number, body: Body, full: string, send: Send) {
  const pull = repo.pulls.find((p) => p.number === number);
  if (!pull) return send(404, { message: 'Not Found' });
  if (typeof body.title === 'string') pull.title = body.title;
  if (typeof body.body === 'string') pull.body = body.body;
  if (body.state === 'closed') pull.state = 'closed';
  send(200, pullJson(pull, full));
}

function pullJson(pull: StubPull, full: string) {
  const headRepo = pull.fork ? 'someone/fork' : full;
  return {
    number: pull.number,
    title: pull.title,
    body: pull.body,
    state: pull.state,
    head: { ref: pull.head, repo: { full_name: headRepo } },
    base: { ref: pull.base, repo: { full_name: full } },
  };
}
