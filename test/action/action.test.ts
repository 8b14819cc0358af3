import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { startEmulator } from '../../src/emulator/server.js';
import { runJavascriptAction } from '../helpers/action-runner.js';
import { disableInEmulator } from '../helpers/emulator.js';
import { startGithubStub } from '../helpers/github-stub.js';
import { filesOf } from '../helpers/github-stub-git.js';

/**
 * The action as a workflow's `uses:` gets it: the repository's committed files, with no
 * node_modules and no dist/ (nothing is installed or built on the runner).
 */
const ACTION_FILES = ['action.yml', 'package.json', 'bundle', 'schemas', 'examples'];
let actionDir: string;
const GITHUB_TOKEN = 'ghs_stubtoken_0123456789';
const MERGE_SHA = 'c0ffee0000000000000000000000000000000001';

let emulator: RunningEmulator;
let github: Awaited<ReturnType<typeof startGithubStub>>;
let workspace: string;

beforeAll(async () => {
  actionDir = mkdtempSync(path.join(tmpdir(), 'action-checkout-'));
  for (const file of ACTION_FILES) cpSync(file, path.join(actionDir, file), { recursive: true });
  emulator = await startEmulator({ seedFile: 'examples/seed.yaml' });
  github = await startGithubStub({ token: GITHUB_TOKEN, pullsOfCommit: { [MERGE_SHA]: 7 } });
  workspace = mkdtempSync(path.join(tmpdir(), 'action-ws-'));
  copyFileSync('examples/accounts.yaml', path.join(workspace, 'accounts.yaml'));
});
afterAll(async () => {
  await emulator.close();
  await github.close();
});

function event(payload: unknown): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'event-')), 'event.json');
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

async function run(inputs: Record<string, string>, payload: unknown, extra: Record<string, string> = {}) {
  const temp = mkdtempSync(path.join(tmpdir(), 'runner-temp-'));
  const summary = path.join(temp, 'summary.md');
  writeFileSync(summary, '');
  const result = await runJavascriptAction(
    actionDir,
    { 'base-url': emulator.url, token: emulator.adminToken, ...inputs },
    {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? temp,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'acme/accounts',
      GITHUB_API_URL: github.url,
      GITHUB_EVENT_PATH: event(payload),
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: temp,
      ...extra,
    },
    { token: GITHUB_TOKEN, workspace },
  );
  return { ...result, summary: readFileSync(summary, 'utf8') };
}

const PR = { pull_request: { number: 7 } };
const planComments = () =>
  (github.comments.get(7) ?? []).filter((c) => c.body.includes('<!-- pactflow-accounts-plan -->'));
const driftIssues = () => github.issues.filter((i) => i.labels.includes('pactflow-accounts-drift'));

// One scenario, step after step (plan on a pull request, apply on merge, then drift): each test
// starts from the organization and the stub GitHub the one before it left, so they never shuffle.
describe(
  'action.yml, its steps run locally against the emulator and a stub GitHub API',
  { timeout: 120_000, shuffle: false },
  () => {
    it('plan on a pull request: outputs, job summary, and ONE comment after two runs', async () => {
      expect(existsSync(path.join(actionDir, 'node_modules'))).toBe(false);
      const first = await run({ command: 'plan' }, PR);
      expect(first.status, first.log).toBe(0);
      expect(first.outputs['exit-code']).toBe('2');
      expect(first.outputs['has-changes']).toBe('true');
      expect(existsSync(first.outputs['plan-json']!)).toBe(true);
      const hash = (JSON.parse(readFileSync(first.outputs['plan-json']!, 'utf8')) as { hash: string }).hash;
      expect(readFileSync(first.outputs['plan-markdown']!, 'utf8')).toContain(
        `Plan hash <code>${hash}</code>`,
      );
      expect(first.summary).toContain('<!-- pactflow-accounts-plan -->');
      // The token is masked before any other step runs, and never printed otherwise.
      expect(first.log.indexOf(`::add-mask::${emulator.adminToken}`)).toBeGreaterThan(-1);
      expect(first.log.split(emulator.adminToken)).toHaveLength(2);
      expect(first.log).not.toContain(GITHUB_TOKEN);

      const second = await run({ command: 'plan', format: 'markdown' }, PR);
      expect(second.status, second.log).toBe(0);
      expect(second.log).toContain('updated the plan comment on pull request #7');
      expect(planComments()).toHaveLength(1);
      expect(github.comments.get(7)).toHaveLength(1);
      expect(planComments()[0]!.body).toContain('<!-- pactflow-accounts-reviewed:');
    });

    it('drift: opens one issue, then updates it', async () => {
      const first = await run({ command: 'drift' }, { schedule: '17 6 * * *' });
      expect(first.status, first.log).toBe(0);
      expect(first.outputs['exit-code']).toBe('2');
      expect(driftIssues()).toHaveLength(1);
      expect(driftIssues()[0]!.state).toBe('open');
      const second = await run({ command: 'drift' }, { schedule: '17 6 * * *' });
      expect(second.status, second.log).toBe(0);
      expect(second.log).toContain('drift: updated issue #1');
      expect(driftIssues()).toHaveLength(1);
      expect(github.log.filter((l) => l === 'PATCH /repos/acme/accounts/issues/1')).toHaveLength(1);
    });

    it('apply with block-on-difference but publishing off still checks, and refuses an unreviewed plan', async () => {
      const refused = await run(
        { command: 'apply', 'block-on-difference': 'true', publish: 'off' },
        { ref: 'refs/heads/main' },
        { GITHUB_SHA: 'feed000000000000000000000000000000000002' },
      );
      expect(refused.status).toBe(1);
      expect(refused.outputs['exit-code']).toBe('1');
      expect(refused.log).toContain('nothing was applied');
      expect(refused.log).not.toContain('Apply complete');
      expect(refused.summary).toContain('No reviewed plan to compare with');
    });

    it('apply on merge: re-plans, finds the reviewed plan on the merged pull request, applies, reports', async () => {
      const merged = await run(
        { command: 'apply', 'block-on-difference': 'true' },
        { ref: 'refs/heads/main' },
        { GITHUB_SHA: MERGE_SHA },
      );
      expect(merged.status, merged.log).toBe(0);
      expect(merged.outputs['exit-code']).toBe('0');
      expect(merged.log).toContain('Apply complete');
      const applyComment = (github.comments.get(7) ?? []).find((c) =>
        c.body.includes('<!-- pactflow-accounts-apply -->'),
      );
      const hash = (JSON.parse(readFileSync(merged.outputs['plan-json']!, 'utf8')) as { hash: string }).hash;
      expect(applyComment?.body).toContain(`Applied the reviewed plan (hash <code>${hash}</code>)`);
      expect(merged.summary).toContain('The plan to apply is the reviewed plan');
      expect(planComments()).toHaveLength(1);
    });

    it('drift when clean: closes the issue', async () => {
      const clean = await run({ command: 'drift' }, { schedule: '17 6 * * *' });
      expect(clean.status, clean.log).toBe(0);
      expect(clean.outputs['exit-code']).toBe('0');
      expect(clean.outputs['has-changes']).toBe('false');
      expect(driftIssues()).toHaveLength(1);
      expect(driftIssues()[0]!.state).toBe('closed');
    });

    it('drift-action adopt: one pull request with the edit, updated in place, closed once nothing is left', async () => {
      // Someone disables ci-search in PactFlow's settings, on purpose.
      await disableInEmulator(emulator, 'ci-search');
      const before = readFileSync(path.join(workspace, 'accounts.yaml'), 'utf8');
      const writesBefore = emulator.requests().filter((r) => r.method !== 'GET').length;

      const first = await run({ command: 'drift', 'drift-action': 'adopt' }, { schedule: '17 6 * * *' });
      expect(first.status, first.log).toBe(0);
      expect(first.outputs['exit-code']).toBe('2');
      expect(first.log).toMatch(/^\+\s+state: disabled$/m);
      const adoptPulls = () => github.repo.pulls.filter((p) => p.head === 'pactflow-accounts/adopt-drift');
      expect(adoptPulls()).toHaveLength(1);
      expect(adoptPulls()[0]!.body).toContain('state: disabled');
      expect(adoptPulls()[0]!.body).toMatch(/adopted 1 account: 1 state/);
      expect(filesOf(github.repo, 'pactflow-accounts/adopt-drift')?.['accounts.yaml']).toContain(
        'state: disabled',
      );

      // The next morning: the same drift, the same pull request (the workspace is fresh each run).
      writeFileSync(path.join(workspace, 'accounts.yaml'), before);
      const second = await run({ command: 'drift', 'drift-action': 'adopt' }, { schedule: '17 6 * * *' });
      expect(second.status, second.log).toBe(0);
      expect(adoptPulls()).toHaveLength(1);
      expect(adoptPulls()[0]!.state).toBe('open');
      // adopt only reads PactFlow.
      expect(emulator.requests().filter((r) => r.method !== 'GET').length).toBe(writesBefore);

      // The pull request merged (the workspace holds its edit): nothing left, so it is closed.
      const third = await run({ command: 'drift', 'drift-action': 'adopt' }, { schedule: '17 6 * * *' });
      expect(third.status, third.log).toBe(0);
      expect(third.outputs['exit-code']).toBe('0');
      expect(adoptPulls()[0]!.state).toBe('closed');
    });

    it('drift-action adopt with drift adopt does not take (an account policy.unmanaged would disable): warns, claims no match', async () => {
      // The organization matches examples/accounts.yaml here, apart from ci-search (disabled above,
      // written so below) and ci-experimental, which the file does not list: policy disable plans
      // to disable it, and adopt without --include-unmanaged leaves it out of the file.
      const ws = mkdtempSync(path.join(tmpdir(), 'action-ws-'));
      const text = readFileSync('examples/accounts.yaml', 'utf8')
        .replace('unmanaged: ignore', 'unmanaged: disable')
        .replace('  - name: ci-search\n', '  - name: ci-search\n    state: disabled\n');
      writeFileSync(path.join(ws, 'accounts.yaml'), text);
      const temp = mkdtempSync(path.join(tmpdir(), 'runner-temp-'));
      const result = await runJavascriptAction(
        actionDir,
        {
          'base-url': emulator.url,
          token: emulator.adminToken,
          command: 'drift',
          'drift-action': 'adopt',
          publish: 'off',
        },
        { PATH: process.env.PATH ?? '', RUNNER_TEMP: temp, GITHUB_WORKSPACE: ws },
        { token: GITHUB_TOKEN, workspace: ws },
      );
      expect(result.status, result.log).toBe(0);
      expect(result.outputs['exit-code']).toBe('2');
      expect(result.log).toContain('ci-experimental will be disabled');
      expect(result.log).toMatch(/^::warning::PactFlow still differs from accounts\.yaml/m);
      const report = readFileSync(path.join(temp, 'pactflow-accounts', 'adopt.md'), 'utf8');
      expect(report).not.toContain('matches PactFlow');
      expect(report).toContain('still differs');
    });

    it('an invalid file: the step fails, the comment shows the problems, the line is annotated', async () => {
      writeFileSync(
        path.join(workspace, 'broken.yaml'),
        'version: 1\nsystemAccounts:\n  - name: ci-x\n    colour: red\n',
      );
      const broken = await run({ command: 'plan', file: 'broken.yaml' }, PR);
      expect(broken.status).toBe(1);
      expect(broken.outputs['exit-code']).toBe('1');
      expect(broken.outputs['plan-json']).toBe('');
      expect(broken.log).toMatch(/::error file=broken\.yaml,line=4,col=5,/);
      expect(planComments()).toHaveLength(1);
      expect(planComments()[0]!.body).toContain('no plan, <code>broken.yaml</code> has 1 problem');
    });
  },
);

describe('action.yml, inputs it cannot run with and a cancelled job', { timeout: 60_000 }, () => {
  it('an unknown command, a missing working-directory or a file named as one: a workflow error, exit 1, nothing run', async () => {
    const before = github.log.length;
    const unknown = await run({ command: 'destroy' }, PR);
    expect(unknown.status).toBe(1);
    expect(unknown.log).toContain("::error::command must be plan, apply, drift (got 'destroy')");
    const missing = await run({ command: 'plan', 'working-directory': 'infra' }, PR);
    expect(missing.status).toBe(1);
    expect(missing.log).toContain('::error::working-directory infra is not a folder in the workspace');
    const file = await run({ command: 'plan', 'working-directory': 'accounts.yaml' }, PR);
    expect(file.status).toBe(1);
    expect(file.log).toContain('::error::working-directory accounts.yaml is not a folder in the workspace');
    expect(unknown.log + missing.log + file.log).not.toMatch(/\n\s+at /);
    expect(github.log.length).toBe(before);
  });

  it('a value with %, CR or LF is escaped in its workflow command: the token masked whole, no command injected', async () => {
    const token = 'tok%0Aen\r\n::warning::not a warning';
    const masked = await run({ command: 'plan', token, 'working-directory': 'infra' }, PR);
    expect(masked.status).toBe(1);
    expect(masked.log).toContain('::add-mask::tok%250Aen%0D%0A::warning::not a warning\n');
    const unknown = await run({ command: 'destroy\n::warning::injected' }, PR);
    expect(unknown.status).toBe(1);
    expect(unknown.log).toContain(
      "::error::command must be plan, apply, drift (got 'destroy%0A::warning::injected')\n",
    );
    expect(masked.log + unknown.log).not.toMatch(/^::warning::/m);
  });

  it("publish other than on/off, or a flag other than 'true'/'false': a workflow error, not silently off", async () => {
    const before = github.log.length;
    const publish = await run({ command: 'plan', publish: 'true' }, PR);
    expect(publish.status).toBe(1);
    expect(publish.log).toContain("::error::publish must be on, off (got 'true')");
    const guard = await run({ command: 'apply', 'block-on-difference': 'yes' }, PR);
    expect(guard.status).toBe(1);
    expect(guard.log).toContain("::error::block-on-difference must be 'true' or 'false' (got 'yes')");
    expect(github.log.length).toBe(before);
  });

  it("apply when the pull request cannot be read, block-on-difference off: says so, not 'block-on-difference: true'", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const changed = mkdtempSync(path.join(tmpdir(), 'action-ws-'));
    const file = readFileSync('examples/accounts.yaml', 'utf8');
    writeFileSync(
      path.join(changed, 'accounts.yaml'),
      `${file}\n  - name: ci-review-unread\n    teams: [Payments]\n`,
    );
    const result = await runJavascriptAction(
      actionDir,
      { 'base-url': emulator.url, token: emulator.adminToken, command: 'apply' },
      {
        PATH: process.env.PATH ?? '',
        RUNNER_TEMP: mkdtempSync(path.join(tmpdir(), 'runner-temp-')),
        GITHUB_REPOSITORY: 'acme/accounts',
        GITHUB_API_URL: url,
        GITHUB_EVENT_PATH: event({ ref: 'refs/heads/main' }),
        GITHUB_SHA: MERGE_SHA,
      },
      { token: GITHUB_TOKEN, workspace: changed },
    );
    expect(result.status).toBe(1);
    expect(result.outputs['has-changes']).toBe('true');
    expect(result.log).toContain(
      '::error::the reviewed plan could not be read from the pull request (see above); nothing was applied',
    );
    expect(result.log).not.toContain('block-on-difference: true');
    expect(result.log).not.toContain('Apply complete');
  });

  it('a CLI that ends with a code action.yml does not document (a crash, 130): exit-code 1, the step fails', async () => {
    const crashing = mkdtempSync(path.join(tmpdir(), 'action-checkout-'));
    cpSync(actionDir, crashing, { recursive: true });
    writeFileSync(path.join(crashing, 'bundle/pactflow-accounts.js'), 'process.exit(130);\n');
    const result = await runJavascriptAction(
      crashing,
      { 'base-url': emulator.url, token: emulator.adminToken, command: 'plan', publish: 'off' },
      { PATH: process.env.PATH ?? '', RUNNER_TEMP: mkdtempSync(path.join(tmpdir(), 'runner-temp-')) },
      { token: GITHUB_TOKEN, workspace },
    );
    expect(result.status).toBe(1);
    expect(result.outputs['exit-code']).toBe('1');
  });

  it('drift-action adopt: a guard that would refuse reverting the drift (3) does not fail the step', async () => {
    // Reverting would delete every unlisted account, over maxDeletes: 0, so plan exits 3.
    writeFileSync(
      path.join(workspace, 'guarded.yaml'),
      'version: 1\npolicy:\n  unmanaged: delete\n  limits: { maxDeletes: 0 }\nsystemAccounts:\n  - name: ci-search\n',
    );
    const adopted = await run(
      { command: 'drift', 'drift-action': 'adopt', file: 'guarded.yaml', publish: 'off' },
      { schedule: '17 6 * * *' },
    );
    expect(adopted.log).toMatch(/Refused by safety guards/);
    expect(adopted.status, adopted.log).toBe(0);
    expect(adopted.outputs['exit-code']).toBe('2');
  });

  it('cancelled while planning: the plan stops, no later step starts, the step fails', async () => {
    // A PactFlow that takes requests and never answers them, so the cancel lands mid-plan.
    let arrived!: () => void;
    const firstRequest = new Promise<void>((resolve) => (arrived = resolve));
    const held = http.createServer(() => arrived());
    await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(held.address() as AddressInfo).port}`;
    const before = github.log.length;
    try {
      const temp = mkdtempSync(path.join(tmpdir(), 'runner-temp-'));
      const cancelled = await runJavascriptAction(
        actionDir,
        { 'base-url': url, token: emulator.adminToken, command: 'plan' },
        {
          PATH: process.env.PATH ?? '',
          GITHUB_EVENT_PATH: event(PR),
          RUNNER_TEMP: temp,
          GITHUB_API_URL: github.url,
        },
        { token: GITHUB_TOKEN, workspace },
        (child) => void firstRequest.then(() => child.kill('SIGINT')),
      );
      expect(cancelled.status).toBe(1);
      expect(cancelled.outputs['exit-code']).toBe('1');
      expect(github.log.length).toBe(before);
    } finally {
      held.closeAllConnections();
      await new Promise((resolve) => held.close(resolve));
    }
  });
});
