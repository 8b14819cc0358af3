import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { MARKERS } from '../../src/publish/publish.js';
import { strictNock } from '../helpers/nock.js';
import { cli } from '../helpers/run-cli.js';

strictNock();

const GH = 'https://api.github.com';
const GHE = 'https://ghe.example.com';
const GL = 'https://gitlab.example.com';
const GH_TOKEN = 'ghs_secretvalue123';
const GL_TOKEN = 'glpat-secretvalue456';

const dir = mkdtempSync(path.join(tmpdir(), 'publish-'));
const report = path.join(dir, 'plan.md');
writeFileSync(report, '<!-- pactflow-accounts-plan -->\n### PactFlow system accounts: 1 to create\n');
const event = path.join(dir, 'event.json');
writeFileSync(event, JSON.stringify({ pull_request: { number: 7 } }));

const github = (over: Record<string, string> = {}) => ({
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'acme/accounts',
  GITHUB_TOKEN: GH_TOKEN,
  GITHUB_EVENT_PATH: event,
  ...over,
});
const gitlab = (over: Record<string, string> = {}) => ({
  GITLAB_CI: 'true',
  CI_API_V4_URL: `${GL}/api/v4`,
  CI_PROJECT_ID: '42',
  GITLAB_TOKEN: GL_TOKEN,
  CI_MERGE_REQUEST_IID: '5',
  ...over,
});
const ours = (id: number) => ({ id, body: `${MARKERS.plan}\nold plan` });
const others = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: from + i, body: `a review comment ${i}` }));

describe('publish on GitHub', () => {
  it('creates the comment on the first run and updates it on the second: never a second comment', async () => {
    const api = nock(GH, { reqheaders: { authorization: `Bearer ${GH_TOKEN}` } });
    api
      .get('/repos/acme/accounts/issues/7/comments')
      .query({ per_page: 100, page: 1 })
      .reply(200, others(1, 2));
    let created = '';
    api
      .post('/repos/acme/accounts/issues/7/comments', (b: { body: string }) => ((created = b.body), true))
      .reply(201, { id: 99 });
    const first = await cli(['publish', '--kind', 'plan', '--file', report], { env: github() });
    expect(first.stderr).toContain('commented the plan on pull request #7');
    expect(first.code).toBe(0);
    expect(created.startsWith(MARKERS.plan)).toBe(true);

    api
      .get('/repos/acme/accounts/issues/7/comments')
      .query({ per_page: 100, page: 1 })
      .reply(200, [...others(1, 2), { id: 99, body: created }]);
    api
      .patch('/repos/acme/accounts/issues/comments/99', (b: { body: string }) =>
        b.body.includes('1 to create'),
      )
      .reply(200, {});
    const second = await cli(['publish', '--kind', 'plan', '--file', report], { env: github() });
    expect(second.stderr).toContain('updated the plan comment on pull request #7');
    expect(second.code).toBe(0);
  });

  it('a comment that only quotes or mentions the marker is not ours: it is left alone', async () => {
    const api = nock(GH);
    api
      .get('/repos/acme/accounts/issues/7/comments')
      .query({ per_page: 100, page: 1 })
      .reply(200, [
        { id: 3, body: `> ${MARKERS.plan}\n> old plan\n\nWhy does this delete ci-bot?` },
        { id: 4, body: `The bot's comment starts with ${MARKERS.plan}, see above` },
        ours(8),
      ]);
    api.patch('/repos/acme/accounts/issues/comments/8').reply(200, {});
    const run = await cli(['publish', '--kind', 'plan', '--file', report], { env: github() });
    expect(run.stderr).toContain('updated the plan comment on pull request #7');
    expect(run.code).toBe(0);
  });

  it('follows the Link header to find the comment on a later page (GitHub Enterprise URL)', async () => {
    const api = nock(GHE);
    api
      .get('/api/v3/repos/acme/accounts/issues/7/comments')
      .query({ per_page: 100, page: 1 })
      .reply(200, others(1, 100), {
        link: `<${GHE}/api/v3/repos/acme/accounts/issues/7/comments?page=2>; rel="next"`,
      });
    api
      .get('/api/v3/repos/acme/accounts/issues/7/comments')
      .query({ per_page: 100, page: 2 })
      .reply(200, [ours(555)]);
    api.patch('/api/v3/repos/acme/accounts/issues/comments/555').reply(200, {});
    const run = await cli(['publish', '--kind', 'plan', '--file', report], {
      env: github({ GITHUB_API_URL: `${GHE}/api/v3` }),
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('updated the plan comment');
  });

  it('a read-only token (403, a pull request from a fork) is a warning, and the token never prints', async () => {
    nock(GH).get('/repos/acme/accounts/issues/7/comments').query(true).reply(200, []);
    nock(GH)
      .post('/repos/acme/accounts/issues/7/comments')
      .reply(403, { message: `Resource not accessible by integration ${GH_TOKEN}` });
    const run = await cli(['publish', '--kind', 'plan', '--file', report], { env: github() });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('GitHub refused to publish (403 Forbidden)');
    expect(run.stderr).toContain('from a fork');
    expect(run.stdout + run.stderr).not.toContain(GH_TOKEN);
  });

  it('a 401 is an error that names the request, not the token', async () => {
    nock(GH)
      .get('/repos/acme/accounts/issues/7/comments')
      .query(true)
      .reply(401, { message: 'Bad credentials' });
    const run = await cli(['publish', '--kind', 'plan', '--file', report], { env: github() });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('401 Unauthorized');
    expect(run.stdout + run.stderr).not.toContain(GH_TOKEN);
  });

  it('on a push, finds the pull request that merged the commit', async () => {
    nock(GH)
      .get('/repos/acme/accounts/commits/abc123/pulls')
      .reply(200, [{ number: 12, merged_at: '2026-01-01T00:00:00Z' }]);
    nock(GH).get('/repos/acme/accounts/issues/12/comments').query(true).reply(200, []);
    nock(GH).post('/repos/acme/accounts/issues/12/comments').reply(201, {});
    const push = path.join(dir, 'push.json');
    writeFileSync(push, JSON.stringify({ ref: 'refs/heads/main' }));
    const run = await cli(['publish', '--kind', 'apply', '--file', report], {
      env: github({ GITHUB_EVENT_PATH: push, GITHUB_SHA: 'abc123' }),
    });
    expect(run.stderr).toContain('commented the apply on pull request #12');
  });

  it('drift: opens one issue, updates it while drift lasts, closes it when clean', async () => {
    const list = () =>
      nock(GH)
        .get('/repos/acme/accounts/issues')
        .query({ labels: 'pactflow-accounts-drift', state: 'open', per_page: 100, page: 1 });
    list().reply(200, [
      { number: 3, body: 'an unrelated issue with the label' },
      { number: 4, pull_request: {}, body: MARKERS.drift },
    ]);
    nock(GH)
      .post(
        '/repos/acme/accounts/issues',
        (b: { labels: string[]; body: string }) =>
          b.labels[0] === 'pactflow-accounts-drift' && b.body.startsWith(MARKERS.drift),
      )
      .reply(201, { number: 8 });
    expect((await cli(['publish', '--kind', 'drift', '--file', report], { env: github() })).stderr).toContain(
      'drift: opened an issue',
    );

    list().reply(200, [{ number: 8, body: `${MARKERS.drift}\nold` }]);
    nock(GH)
      .patch('/repos/acme/accounts/issues/8', (b: { state?: string }) => b.state === undefined)
      .reply(200, {});
    expect((await cli(['publish', '--kind', 'drift', '--file', report], { env: github() })).stderr).toContain(
      'drift: updated issue #8',
    );

    list().reply(200, [{ number: 8, body: `${MARKERS.drift}\nold` }]);
    nock(GH)
      .patch('/repos/acme/accounts/issues/8', {
        body: /pactflow-accounts-drift/,
        state: 'closed',
        state_reason: 'completed',
      })
      .reply(200, {});
    expect(
      (await cli(['publish', '--kind', 'drift', '--file', report, '--clean'], { env: github() })).stderr,
    ).toContain('no drift: closed issue #8');
  });
});

describe('publish on GitLab', () => {
  it('creates the merge-request note, then updates it; pages follow x-next-page', async () => {
    const api = nock(GL, { reqheaders: { 'private-token': GL_TOKEN } });
    api
      .get('/api/v4/projects/42/merge_requests/5/notes')
      .query({ per_page: 100, page: 1 })
      .reply(200, others(1, 3), { 'x-next-page': '' });
    api
      .post('/api/v4/projects/42/merge_requests/5/notes', (b: { body: string }) =>
        b.body.startsWith(MARKERS.plan),
      )
      .reply(201, {});
    expect((await cli(['publish', '--kind', 'plan', '--file', report], { env: gitlab() })).stderr).toContain(
      'commented the plan on merge request !5'.replace('!', '#'),
    );

    api
      .get('/api/v4/projects/42/merge_requests/5/notes')
      .query({ per_page: 100, page: 1 })
      .reply(200, others(1, 100), { 'x-next-page': '2' });
    api
      .get('/api/v4/projects/42/merge_requests/5/notes')
      .query({ per_page: 100, page: 2 })
      .reply(200, [ours(77)], { 'x-next-page': '' });
    api.put('/api/v4/projects/42/merge_requests/5/notes/77').reply(200, {});
    const second = await cli(['publish', '--kind', 'plan', '--file', report], { env: gitlab() });
    expect(second.stderr).toContain('updated the plan comment on merge request #5');
  });

  it('drift with CI_JOB_TOKEN: opens, then closes when clean', async () => {
    const env = gitlab({ GITLAB_TOKEN: '', CI_JOB_TOKEN: 'job-tok-789' });
    const api = nock(GL, { reqheaders: { 'job-token': 'job-tok-789' } });
    api
      .get('/api/v4/projects/42/issues')
      .query({ labels: 'pactflow-accounts-drift', state: 'opened', per_page: 100, page: 1 })
      .reply(200, []);
    api
      .post('/api/v4/projects/42/issues', {
        title: /drifted/,
        description: /pactflow-accounts-drift/,
        labels: 'pactflow-accounts-drift',
      })
      .reply(201, {});
    expect((await cli(['publish', '--kind', 'drift', '--file', report], { env })).stderr).toContain(
      'opened an issue',
    );

    api
      .get('/api/v4/projects/42/issues')
      .query(true)
      .reply(200, [{ iid: 9, description: `${MARKERS.drift}\nold` }]);
    api.put('/api/v4/projects/42/issues/9', { description: /./, state_event: 'close' }).reply(200, {});
    expect(
      (await cli(['publish', '--kind', 'drift', '--file', report, '--clean'], { env })).stderr,
    ).toContain('closed issue #9');
  });

  it('a job token that may not write notes is a warning', async () => {
    const env = gitlab({ GITLAB_TOKEN: '', CI_JOB_TOKEN: 'job-tok-789' });
    nock(GL)
      .get('/api/v4/projects/42/merge_requests/5/notes')
      .query(true)
      .reply(403, { message: '403 Forbidden' });
    const run = await cli(['publish', '--kind', 'plan', '--file', report], { env });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('GitLab refused to publish (403 Forbidden)');
    expect(run.stderr).not.toContain('job-tok-789');
  });
});

describe('publish and reviewed: where they run, and what they need there', () => {
  const savedPlan = path.resolve('test/fixtures/plans/mixed/plan.json');

  it('says where it runs and changes nothing', async () => {
    const run = await cli(['publish', '--kind', 'plan', '--file', report], { env: {} });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('neither GITHUB_ACTIONS nor GITLAB_CI');
  });

  it('reviewed in GitHub Actions without a token asks for one to read with, and for no -f', async () => {
    const run = await cli(['reviewed', '--plan', savedPlan], { env: github({ GITHUB_TOKEN: '' }) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: no GITHUB_TOKEN to read the pull request with');
    expect(run.stderr).toContain('with permissions contents: read and pull-requests: read');
    const missing = await cli(['reviewed', '--plan', path.join(dir, 'nowhere.json')], { env: github() });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      'Save one with `pactflow-accounts plan -f accounts.yaml --out plan.json`.',
    );
    expect(missing.stderr).not.toContain('-f FILE');
  });

  it('reviewed on GitLab without a token asks for one that may read', async () => {
    const run = await cli(['reviewed', '--plan', savedPlan], { env: gitlab({ GITLAB_TOKEN: '' }) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: no GITLAB_TOKEN or CI_JOB_TOKEN to read the merge request with');
    expect(run.stderr).toContain('a project access token with the read_api scope');
    const publish = await cli(['publish', '--kind', 'plan', '--file', report], {
      env: gitlab({ GITLAB_TOKEN: '' }),
    });
    expect(publish.stderr).toContain('a project access token with the api scope');
  });

  it('reviewed names itself, not publish', async () => {
    const run = await cli(['reviewed', '--plan', savedPlan, '--require-match'], { env: {} });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: reviewed runs in GitHub Actions or GitLab CI');
    expect(run.stderr).toContain('Run it in the CI job that applies the saved plan');
    expect(run.stderr).not.toContain('publish');
  });
});
