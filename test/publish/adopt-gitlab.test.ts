import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { MARKERS } from '../../src/publish/publish.js';
import { strictNock } from '../helpers/nock.js';
import { cli } from '../helpers/run-cli.js';

strictNock();

const GL = 'https://gitlab.example.com';
const TOKEN = 'glpat-adopt-secret-456';
const ENCODED = 'pactflow-accounts%2Fadopt-drift';

const workspace = mkdtempSync(path.join(tmpdir(), 'adopt-gl-'));
writeFileSync(path.join(workspace, 'adopt.md'), '```diff\n-old\n+new\n```\n');
writeFileSync(path.join(workspace, 'accounts.yaml'), 'new\n');

const env = (over: Record<string, string> = {}) => ({
  GITLAB_CI: 'true',
  CI_API_V4_URL: `${GL}/api/v4`,
  CI_PROJECT_ID: '42',
  CI_PROJECT_DIR: workspace,
  GITLAB_TOKEN: TOKEN,
  ...over,
});
const run = (extra: string[], over: Record<string, string> = {}) =>
  cli(['publish', '--kind', 'adopt', '--file', 'adopt.md', ...extra], { env: env(over), cwd: workspace });
const adopted = ['--adopted', 'accounts.yaml'];

const P = '/api/v4/projects/42';
const api = () => nock(GL, { reqheaders: { 'private-token': TOKEN } });
const project = () => api().get(P).reply(200, { id: 42, default_branch: 'main' });
const listPage = (page: number) =>
  api().get(`${P}/merge_requests`).query({ state: 'opened', per_page: 100, page });
const mr = (iid: number, over: Record<string, unknown> = {}) => ({
  iid,
  description: '',
  source_branch: `feature-${iid}`,
  source_project_id: 42,
  target_project_id: 42,
  ...over,
});
const ours = (iid: number) =>
  mr(iid, { description: `${MARKERS.adopt}\nold`, source_branch: 'pactflow-accounts/adopt-drift' });
const commit = () =>
  api()
    .post(`${P}/repository/commits`, {
      branch: 'pactflow-accounts/adopt-drift',
      start_branch: 'main',
      force: true,
      commit_message: /^Adopt changes made in PactFlow into accounts\.yaml\n/,
      actions: [{ action: 'update', file_path: 'accounts.yaml', content: 'new\n' }],
    })
    .reply(201, { id: 'abc' });

describe('publish --kind adopt on GitLab', () => {
  it('two runs leave one merge request: opened, then updated (found on the second page)', async () => {
    project();
    listPage(1).reply(200, [mr(1)], { 'x-next-page': '' });
    commit();
    api()
      .post(
        `${P}/merge_requests`,
        (b: Record<string, unknown>) =>
          b.source_branch === 'pactflow-accounts/adopt-drift' &&
          b.target_branch === 'main' &&
          b.remove_source_branch === true &&
          String(b.description).startsWith(MARKERS.adopt) &&
          String(b.description).includes('+new'),
      )
      .reply(201, { iid: 7 });
    const first = await run(adopted);
    expect(first.stderr).toContain(
      'adopt: opened merge request #7 from branch pactflow-accounts/adopt-drift',
    );
    expect(first.code).toBe(0);

    project();
    const others = Array.from({ length: 100 }, (_, i) => mr(i + 1));
    listPage(1).reply(200, others, { 'x-next-page': '2' });
    // A fork's merge request from a branch of the same name is not ours.
    listPage(2).reply(200, [mr(6, { ...ours(6), source_project_id: 99 }), ours(7)], { 'x-next-page': '' });
    commit();
    api()
      .put(
        `${P}/merge_requests/7`,
        (b: Record<string, unknown>) =>
          String(b.description).startsWith(MARKERS.adopt) && !('state_event' in b),
      )
      .reply(200, {});
    const second = await run(adopted);
    expect(second.stderr).toContain('adopt: updated merge request #7');
    expect(second.code).toBe(0);
  });

  it('a run with nothing to adopt closes the merge request and deletes the branch', async () => {
    project();
    listPage(1).reply(200, [ours(7)], { 'x-next-page': '' });
    api()
      .put(`${P}/merge_requests/7`, { description: /nothing is left to adopt/, state_event: 'close' })
      .reply(200, {});
    api().delete(`${P}/repository/branches/${ENCODED}`).reply(204);
    const clean = await run(['--clean']);
    expect(clean.stderr).toContain(
      'nothing to adopt: closed merge request #7, deleted branch pactflow-accounts/adopt-drift',
    );
    expect(clean.code).toBe(0);

    project();
    listPage(1).reply(200, [], { 'x-next-page': '' });
    api().delete(`${P}/repository/branches/${ENCODED}`).reply(404, { message: '404 Branch Not Found' });
    const again = await run(['--clean']);
    expect(again.stderr).toContain('nothing to adopt, and no merge request open');
    expect(again.code).toBe(0);
  });

  it('CI_JOB_TOKEN alone is refused before any request: it cannot push or open a merge request', async () => {
    const refused = await run(adopted, { GITLAB_TOKEN: '', CI_JOB_TOKEN: 'job-tok-789' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('CI_JOB_TOKEN alone cannot push a branch or open a merge request');
    expect(refused.stderr).toContain('GITLAB_TOKEN');
    expect(refused.stderr).not.toContain('job-tok-789');
  });

  it('a token without the api scope (403): exit 1, names the scope, never prints the token', async () => {
    project();
    listPage(1).reply(200, [], { 'x-next-page': '' });
    api()
      .post(`${P}/repository/commits`)
      .reply(403, { message: `403 Forbidden - ${TOKEN}` });
    const refused = await run(adopted);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the token needs the api scope');
    expect(refused.stdout + refused.stderr).not.toContain(TOKEN);
  });
});
