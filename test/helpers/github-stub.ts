import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gitRoute, newStubRepo } from './github-stub-git.js';

export interface StubComment {
  id: number;
  body: string;
}
export interface StubIssue {
  number: number;
  body: string;
  title: string;
  labels: string[];
  state: 'open' | 'closed';
}

/**
 * A stand-in for the GitHub REST API on 127.0.0.1: issue comments, issues and the pull requests
 * of a commit, held in memory and paged like GitHub (per_page, page, Link rel="next"); and for the
 * adopt job, the repository's branches, commits and pull requests (github-stub-git.ts), starting
 * from one commit on main holding `files`.
 */
export async function startGithubStub(options: {
  token: string;
  pullsOfCommit?: Record<string, number>;
  files?: Record<string, string>;
}) {
  const repo = newStubRepo(options.files ?? { 'accounts.yaml': 'accounts: []\n' });
  const comments = new Map<number, StubComment[]>();
  const issues: StubIssue[] = [];
  const log: string[] = [];
  let nextId = 1000;

  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stub');
      log.push(`${req.method} ${url.pathname}`);
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      if (req.headers.authorization !== `Bearer ${options.token}`)
        return send(401, { message: 'Bad credentials' });
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      const paged = (items: unknown[]) => {
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        const more = page * perPage < items.length;
        const next = new URL(url.href);
        next.searchParams.set('page', String(page + 1));
        send(
          200,
          items.slice((page - 1) * perPage, page * perPage),
          more ? { link: `<${next.href}>; rel="next"` } : {},
        );
      };
      let m: RegExpExecArray | null;
      const path = url.pathname;
      if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(path))) {
        const list = comments.get(Number(m[1])) ?? [];
        comments.set(Number(m[1]), list);
        if (req.method === 'GET') return paged(list);
        const comment = { id: nextId++, body: String(body.body) };
        list.push(comment);
        return send(201, comment);
      }
      if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path)) && req.method === 'PATCH') {
        const comment = [...comments.values()].flat().find((c) => c.id === Number(m![1]));
        if (!comment) return send(404, { message: 'Not Found' });
        comment.body = String(body.body);
        return send(200, comment);
      }
      if (/^\/repos\/[^/]+\/[^/]+\/issues$/.test(path)) {
        if (req.method === 'GET') {
          const label = url.searchParams.get('labels');
          const state = url.searchParams.get('state') ?? 'open';
          return paged(issues.filter((i) => i.state === state && (!label || i.labels.includes(label))));
        }
        const issue: StubIssue = {
          number: issues.length + 1,
          title: String(body.title),
          body: String(body.body),
          labels: (body.labels as string[]) ?? [],
          state: 'open',
        };
        issues.push(issue);
        return send(201, issue);
      }
      if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)$/.exec(path)) && req.method === 'PATCH') {
        const issue = issues.find((i) => i.number === Number(m![1]));
        if (!issue) return send(404, { message: 'Not Found' });
        if (typeof body.body === 'string') issue.body = body.body;
        if (body.state === 'closed') issue.state = 'closed';
        return send(200, issue);
      }
      if ((m = /^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]+)\/pulls$/.exec(path))) {
        const number = options.pullsOfCommit?.[m[1]!];
        return send(200, number ? [{ number, merged_at: '2026-01-01T00:00:00Z' }] : []);
      }
      if (gitRoute(repo, req.method ?? 'GET', path, body, send, paged)) return;
      send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    comments,
    issues,
    repo,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
