import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { strictNock } from '../helpers/nock.js';
import { cli } from '../helpers/run-cli.js';

strictNock();

const GL = 'https://gitlab.example.com';
const dir = mkdtempSync(path.join(tmpdir(), 'publish-hints-'));
const report = path.join(dir, 'plan.md');
writeFileSync(report, '<!-- pactflow-accounts-plan -->\n### PactFlow system accounts: 1 to create\n');

const gitlab = (tokens: Record<string, string>) => ({
  GITLAB_CI: 'true',
  CI_API_V4_URL: `${GL}/api/v4`,
  CI_PROJECT_ID: '42',
  CI_MERGE_REQUEST_IID: '5',
  ...tokens,
});

describe('a GitLab 403 says which token to set', () => {
  it('with only CI_JOB_TOKEN: the job token cannot write notes, GITLAB_TOKEN is needed', async () => {
    nock(GL).get('/api/v4/projects/42/merge_requests/5/notes').query(true).reply(200, []);
    nock(GL).post('/api/v4/projects/42/merge_requests/5/notes').reply(403, { message: '403 Forbidden' });
    const run = await cli(['publish', '--kind', 'plan', '--file', report], {
      env: gitlab({ CI_JOB_TOKEN: 'job-tok-789' }),
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('CI_JOB_TOKEN cannot write merge request notes');
    expect(run.stderr).toContain('set GITLAB_TOKEN');
    expect(run.stderr).not.toContain('job-tok-789');
  });

  it('with GITLAB_TOKEN: a 403 is a token that may only read, not a job-token problem', async () => {
    nock(GL).get('/api/v4/projects/42/merge_requests/5/notes').query(true).reply(200, []);
    nock(GL).post('/api/v4/projects/42/merge_requests/5/notes').reply(403, { message: '403 Forbidden' });
    const run = await cli(['publish', '--kind', 'plan', '--file', report], {
      env: gitlab({ GITLAB_TOKEN: 'glpat-abc', CI_JOB_TOKEN: 'job-tok-789' }),
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('this token may only read');
    expect(run.stderr).not.toContain('CI_JOB_TOKEN');
  });
});
