import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT = path.resolve('.ci/release-check');

const CHANGELOG = [
  '# Changelog',
  '',
  '## 1.0.10 (2027-03-01)',
  '',
  'Ten.',
  '',
  '## 1.0.1 (2027-01-02)',
  '',
  '### Fixed',
  '- One.',
  '',
  '## 1.0.0 (2026-12-20)',
  '',
  'The first.',
  '',
].join('\n');

/** A repository as the release workflow checks it out: package.json, CHANGELOG.md, its tags. */
async function repository(version: string, tags: string[] = []): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'release-'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'p', version }));
  writeFileSync(path.join(dir, 'CHANGELOG.md'), CHANGELOG);
  const git = (...args: string[]) =>
    run('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir });
  await git('init', '-q');
  await git('add', '.');
  await git('commit', '-qm', 'init');
  for (const tag of tags) await git('tag', tag);
  return dir;
}

async function check(dir: string, version: string) {
  try {
    const { stdout } = await run('bash', [SCRIPT, version], { cwd: dir });
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe(".ci/release-check, the release workflow's first step", () => {
  it("prints the version's own section of CHANGELOG.md, not a later version that starts the same", async () => {
    const result = await check(await repository('1.0.1', ['v1.0.0']), '1.0.1');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('### Fixed\n- One.');
  });

  it.each([
    ['1.0', '1.0', [], "version must be X.Y.Z (got '1.0')"],
    ['1.0.2', '1.0.1', [], 'package.json says 1.0.2, not 1.0.1'],
    ['1.0.0', '1.0.0', ['v1.0.0'], 'v1.0.0 is already tagged'],
    ['1.0.2', '1.0.2', [], "CHANGELOG.md has no '## 1.0.2' section"],
  ])('package.json %s, asked for %s, tags %j: %s', async (pkg, version, tags, message) => {
    const result = await check(await repository(pkg, tags), version);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`::error::${message}\n`);
    expect(result.stdout).toBe('');
  });

  it('is what release.yml runs, and its notes are what the release gets', () => {
    const workflow = readFileSync('.github/workflows/release.yml', 'utf8');
    expect(workflow).toContain('run: .ci/release-check "$VERSION" > "$RUNNER_TEMP/notes.md"');
    expect(workflow).toContain('--notes-file "$RUNNER_TEMP/notes.md"');
  });

  it("takes the real CHANGELOG.md's Unreleased section once it is named for package.json's version", async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const changelog = readFileSync('CHANGELOG.md', 'utf8');
    expect(changelog).toMatch(/^## Unreleased$/m);
    // What the person releasing does first: name the section.
    const dir = await repository(version);
    writeFileSync(
      path.join(dir, 'CHANGELOG.md'),
      changelog.replace(/^## Unreleased$/m, `## ${version} (2026-12-20)`),
    );
    const result = await check(dir, version);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('### Added');
    expect(result.stdout).not.toMatch(/^## /m);
  });
});
