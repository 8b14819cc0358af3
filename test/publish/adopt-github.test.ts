import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fitBody } from '../../src/publish/adopt.js';
import { MARKERS } from '../../src/publish/publish.js';
import { startGithubStub } from '../helpers/github-stub.js';
import { filesOf } from '../helpers/github-stub-git.js';
import type { StubRepo } from '../helpers/github-stub-git.js';
import { cli } from '../helpers/run-cli.js';

const TOKEN = 'ghs_adopt_secret_0123456789';
const BRANCH = 'pactflow-accounts/adopt-drift';
const ENCODED = 'pactflow-accounts%2Fadopt-drift';

let github: Awaited<ReturnType<typeof startGithubStub>>;
let workspace: string;
beforeEach(async () => {
  github = await startGithubStub({ token: TOKEN, files: { 'accounts.yaml': 'old\n', 'README.md': 'hi\n' } });
  workspace = mkdtempSync(path.join(tmpdir(), 'adopt-gh-'));
  writeFileSync(path.join(workspace, 'adopt.md'), '```diff\n-old\n+new\n```\nadopted 1 account: 1 state\n');
  writeFileSync(path.join(workspace, 'plan.md'), '### PactFlow system accounts: 1 to update\n');
});
afterEach(() => github.close());

const env = () => ({
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'acme/accounts',
  GITHUB_TOKEN: TOKEN,
  GITHUB_API_URL: github.url,
  GITHUB_WORKSPACE: workspace,
});

/** Runs `publish --kind adopt` with the file adopt wrote holding `content`, or --clean. */
async function adopt(content: string | 'clean', extra: string[] = []) {
  const args = ['publish', '--kind', 'adopt', '--file', 'adopt.md', '--file', 'plan.md', ...extra];
  if (content === 'clean') args.push('--clean');
  else {
    writeFileSync(path.join(workspace, 'accounts.yaml'), content);
    args.push('--adopted', 'accounts.yaml');
  }
  return cli(args, { env: env(), cwd: workspace });
}

/** Someone merges a change to main between two drift runs. */
function advanceMain(repo: StubRepo) {
  const head = repo.branches.get('main')!;
  repo.trees.set('t-main', { ...filesOf(repo, 'main'), 'README.md': 'changed\n' });
  repo.commits.set('c-main', { tree: 't-main', parents: [head], message: 'other work' });
  repo.branches.set('main', 'c-main');
}

const outside = path.join(mkdtempSync(path.join(tmpdir(), 'adopt-outside-')), 'accounts.yaml');
writeFileSync(outside, 'elsewhere\n');

const parentOf = (repo: StubRepo, branch: string) => repo.commits.get(repo.branches.get(branch)!)!.parents;

describe('publish --kind adopt on GitHub (stub GitHub API)', () => {
  it('two runs leave one pull request: the second updates it and force-moves the branch onto main', async () => {
    const first = await adopt('new 1\n');
    expect(first.stderr).toContain(`adopt: opened pull request #1 from branch ${BRANCH}`);
    expect(first.code).toBe(0);
    const [pull] = github.repo.pulls;
    expect(pull).toMatchObject({ head: BRANCH, base: 'main', state: 'open' });
    expect(pull!.title).toBe('Adopt changes made in PactFlow into accounts.yaml');
    expect(pull!.body.startsWith(MARKERS.adopt)).toBe(true);
    expect(pull!.body).toContain('+new');
    expect(pull!.body.indexOf('adopted 1 account')).toBeLessThan(pull!.body.indexOf('1 to update'));
    expect(filesOf(github.repo, BRANCH)).toEqual({ 'accounts.yaml': 'new 1\n', 'README.md': 'hi\n' });
    expect(parentOf(github.repo, BRANCH)).toEqual(['c0']);

    advanceMain(github.repo);
    const second = await adopt('new 2\n');
    expect(second.stderr).toContain(`adopt: updated pull request #1 (branch ${BRANCH})`);
    expect(second.code).toBe(0);
    expect(github.repo.pulls).toHaveLength(1);
    expect(github.repo.pulls[0]).toMatchObject({ state: 'open', merged: false });
    // Rebased: one commit on main's new head, holding main's other change and the adopted file.
    expect(parentOf(github.repo, BRANCH)).toEqual(['c-main']);
    expect(filesOf(github.repo, BRANCH)).toEqual({ 'accounts.yaml': 'new 2\n', 'README.md': 'changed\n' });
    expect(github.log).toContain(`PATCH /repos/acme/accounts/git/refs/heads/${ENCODED}`);
    expect(first.stderr + second.stderr).not.toContain(TOKEN);
  });

  it('a run with nothing to adopt closes the pull request, says why, and deletes the branch', async () => {
    await adopt('new 1\n');
    const clean = await adopt('clean');
    expect(clean.stderr).toContain(`nothing to adopt: closed pull request #1, deleted branch ${BRANCH}`);
    expect(clean.code).toBe(0);
    expect(github.repo.pulls[0]).toMatchObject({ state: 'closed', merged: false });
    expect(github.repo.pulls[0]!.body).toContain('nothing is left to adopt');
    // --clean says only that adopt has nothing to write; drift it does not take may remain.
    expect(github.repo.pulls[0]!.body).not.toContain('matches PactFlow');
    expect(github.repo.branches.has(BRANCH)).toBe(false);

    const again = await adopt('clean');
    expect(again.stderr).toContain('nothing to adopt, and no pull request open');
    expect(github.log.filter((l) => l.startsWith('DELETE'))).toHaveLength(1);
  });

  it('pages through open pull requests to find its own; a fork’s with our branch name and marker is not ours', async () => {
    for (let i = 1; i <= 150; i++)
      github.repo.pulls.push({
        number: i,
        title: `work ${i}`,
        body: '',
        head: `f${i}`,
        base: 'main',
        state: 'open',
        merged: false,
      });
    github.repo.pulls.push({
      number: 151,
      title: 'mimic',
      body: `${MARKERS.adopt}\nfrom a fork`,
      head: BRANCH,
      base: 'main',
      state: 'open',
      merged: false,
      fork: true,
    });
    github.repo.branches.set(BRANCH, 'c0');
    github.repo.pulls.push({
      number: 152,
      title: 'ours',
      body: `${MARKERS.adopt}\nold`,
      head: BRANCH,
      base: 'main',
      state: 'open',
      merged: false,
    });

    const run = await adopt('new 1\n');
    expect(run.stderr).toContain('adopt: updated pull request #152');
    expect(github.log.filter((l) => l === 'GET /repos/acme/accounts/pulls')).toHaveLength(2);
    expect(github.repo.pulls[150]!.body).toBe(`${MARKERS.adopt}\nfrom a fork`);
    expect(github.repo.pulls[151]!.body).toContain('+new');
  });

  it.each([
    ['POST /repos/acme/accounts/git/trees', 'contents: write'],
    ['POST /repos/acme/accounts/pulls', 'pull-requests: write'],
  ])('a token refused at %s: exit 1, names %s, never prints the token', async (route, permission) => {
    github.repo.forbid.add(route);
    const run = await adopt('new 1\n');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`the token needs the permission ${permission}`);
    expect(run.stderr).toContain('permissions: { contents: write, pull-requests: write }');
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('the adopted file’s repository path comes from the checkout, or --path', async () => {
    mkdirSync(path.join(workspace, 'config'));
    writeFileSync(path.join(workspace, 'config', 'accounts.yaml'), 'nested\n');
    const nested = await cli(
      ['publish', '--kind', 'adopt', '--file', 'adopt.md', '--adopted', 'config/accounts.yaml'],
      { env: env(), cwd: workspace },
    );
    expect(nested.code).toBe(0);
    expect(filesOf(github.repo, BRANCH)!['config/accounts.yaml']).toBe('nested\n');

    const given = await adopt('top\n', ['--path', './accounts.yaml']);
    expect(given.code).toBe(0);
    expect(filesOf(github.repo, BRANCH)!['accounts.yaml']).toBe('top\n');
  });

  it('a checkout reached through a symbolic link: the path is still the one in the repository', async () => {
    // A runner whose GITHUB_WORKSPACE goes through a link (a self-hosted runner's work folder, or
    // macOS's /var → /private/var): the job's working directory is the resolved folder.
    const link = path.join(mkdtempSync(path.join(tmpdir(), 'adopt-link-')), 'checkout');
    symlinkSync(workspace, link);
    mkdirSync(path.join(workspace, 'config'));
    writeFileSync(path.join(workspace, 'config', 'accounts.yaml'), 'linked\n');
    const run = await cli(
      ['publish', '--kind', 'adopt', '--file', '../adopt.md', '--adopted', 'accounts.yaml'],
      {
        env: { ...env(), GITHUB_WORKSPACE: link },
        cwd: path.join(workspace, 'config'),
      },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(filesOf(github.repo, BRANCH)!['config/accounts.yaml']).toBe('linked\n');
  });

  it.each([
    [['--kind', 'adopt', '--file', 'adopt.md'], '--kind adopt needs --adopted <file>'],
    [['--kind', 'adopt', '--file', 'adopt.md', '--clean', '--adopted', 'adopt.md'], 'leave out --adopted'],
    [
      ['--kind', 'adopt', '--file', 'adopt.md', '--adopted', 'adopt.md', '--path', '../x'],
      'not a file path inside the repository',
    ],
    [
      ['--kind', 'adopt', '--file', 'adopt.md', '--adopted', 'adopt.md', '--branch', 'main'],
      'is the default branch',
    ],
    [['--kind', 'adopt', '--file', 'adopt.md', '--adopted', outside], 'not inside the checkout'],
    [
      ['--kind', 'drift', '--file', 'adopt.md', '--adopted', 'adopt.md'],
      '--adopted and --path go with --kind adopt',
    ],
  ])('refuses %j: %s', async (args, message) => {
    const run = await cli(['publish', ...args], { env: env(), cwd: workspace });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(github.log.filter((l) => !l.startsWith('GET'))).toEqual([]);
  });
});

describe('fitBody', () => {
  it('keeps a body under the limit as it is', () => {
    expect(fitBody('short\n', 1000)).toBe('short\n');
  });

  it('cuts a long body at a line, closes an open code fence, and says so', () => {
    const body = `head\n\`\`\`diff\n${'+line\n'.repeat(400)}\`\`\`\n`;
    const fitted = fitBody(body, 1000);
    expect(fitted.length).toBeLessThanOrEqual(1000);
    expect(fitted).toMatch(/\+line\n```\n\n… cut to fit/);
  });

  it('closes a longer fence with its own backticks, not at a shorter fence inside it', () => {
    const [three, four] = ['`'.repeat(3), '`'.repeat(4)];
    const body = `${four}diff\n ${three}\n${'+line\n'.repeat(400)}${four}\n`;
    expect(fitBody(body, 1000)).toContain(`+line\n${four}\n\n… cut to fit`);
    // A block already closed gets nothing added.
    const closed = `${three}\na\n${three}\n${'x\n'.repeat(600)}`;
    expect(fitBody(closed, 1000)).toContain('x\n\n… cut to fit');
  });
});
