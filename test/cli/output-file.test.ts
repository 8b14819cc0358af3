import { execFileSync } from 'node:child_process';
import {
  closeSync,
  createReadStream,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
  linkSync,
} from 'node:fs';
import { buffer } from 'node:stream/consumers';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkDistinctOutputs,
  checkNotReadByCommand,
  checkOutputPath,
  writeOutputFile,
} from '../../src/cli/output-file.js';
import type { ReadFile } from '../../src/cli/output-file.js';
import { InterruptedError, UsageError } from '../../src/errors.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'pfa-out-'));
const at = (absolute: string) => ({ display: path.basename(absolute), absolute });
const OVERWRITE = { overwrite: true, flag: '--out' };
/** Everything written to a FIFO: opening it waits for the writer, reading ends when it closes. */
const readAll = async (fifo: string) => (await buffer(createReadStream(fifo))).toString();
const fifoIn = (dir: string) => {
  const file = path.join(dir, 'plan.fifo');
  execFileSync('mkfifo', [file]);
  return file;
};

/** More than a pipe holds plus what a reader takes in one wake-up (32 reads of 64 KiB). */
const BIG = 'x'.repeat(16 * 1024 * 1024);

describe('writeOutputFile: where the user asked, and only there', () => {
  it('replaces a regular file atomically and leaves no temp file', async () => {
    const dir = tmp();
    const file = path.join(dir, 'plan.json');
    writeFileSync(file, 'old');
    await writeOutputFile(at(file), 'new', OVERWRITE);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['plan.json']);
  });

  it('follows a chain of relative links through a linked folder; the links stay', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'real', 'deep'), { recursive: true });
    symlinkSync('real/deep', path.join(dir, 'alias'));
    // The link's target is relative to the folder it really is in (real/deep), not to "alias".
    writeFileSync(path.join(dir, 'real', 'plan.json'), 'old');
    symlinkSync('../plan.json', path.join(dir, 'real', 'deep', 'inner'));
    symlinkSync('alias/inner', path.join(dir, 'outer'));
    await writeOutputFile(at(path.join(dir, 'outer')), 'new', OVERWRITE);
    expect(readFileSync(path.join(dir, 'real', 'plan.json'), 'utf8')).toBe('new');
    expect(readlinkSync(path.join(dir, 'outer'))).toBe('alias/inner');
    expect(readlinkSync(path.join(dir, 'real', 'deep', 'inner'))).toBe('../plan.json');
    expect(readdirSync(path.join(dir, 'real')).sort()).toEqual(['deep', 'plan.json']);
  });

  it('creates the missing target of a link to nowhere, and keeps the link', async () => {
    const dir = tmp();
    symlinkSync('made.json', path.join(dir, 'link.json'));
    await writeOutputFile(at(path.join(dir, 'link.json')), 'new', OVERWRITE);
    expect(lstatSync(path.join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'made.json'), 'utf8')).toBe('new');
  });

  it('names a loop of links as a usage error', async () => {
    const dir = tmp();
    symlinkSync('b', path.join(dir, 'a'));
    symlinkSync('a', path.join(dir, 'b'));
    await expect(writeOutputFile(at(path.join(dir, 'a')), 'x', OVERWRITE)).rejects.toThrow(
      /cannot write a \(ELOOP\)/,
    );
  });

  // Through a link in a scratch folder, so that a regression replaces the link, not /dev/null.
  it('writes through /dev/null, which stays a character device', async () => {
    const link = path.join(tmp(), 'null');
    symlinkSync('/dev/null', link);
    await writeOutputFile(at(link), 'x'.repeat(100_000), OVERWRITE);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readlinkSync(link)).toBe('/dev/null');
  });

  it('writes through a FIFO to its reader; the FIFO stays', async () => {
    const fifo = fifoIn(tmp());
    const text = 'x'.repeat(300_000) + '\n';
    const written = writeOutputFile(at(fifo), text, OVERWRITE);
    await Promise.all([written, expect(readAll(fifo)).resolves.toBe(text)]);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('an interrupt ends the wait for a FIFO reader, exit 130', async () => {
    const fifo = fifoIn(tmp());
    const controller = new AbortController();
    const written = writeOutputFile(at(fifo), 'plan', { ...OVERWRITE, signal: controller.signal });
    controller.abort();
    await expect(written).rejects.toBeInstanceOf(InterruptedError);
    await expect(written).rejects.toThrow('stopped before plan.fifo was written.');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('an interrupt ends a write a FIFO reader does not take', async () => {
    const fifo = fifoIn(tmp());
    const controller = new AbortController();
    const written = writeOutputFile(at(fifo), BIG, { ...OVERWRITE, signal: controller.signal });
    // The first bytes have arrived: the writer is under way, and the pipe fills once it stops reading.
    const reader = createReadStream(fifo);
    await new Promise((resolve) => reader.once('data', resolve));
    reader.pause();
    controller.abort();
    await expect(written).rejects.toBeInstanceOf(InterruptedError);
    reader.destroy();
  });

  it('a FIFO whose reader leaves early is a usage error naming it', async () => {
    const fifo = fifoIn(tmp());
    const written = writeOutputFile(at(fifo), BIG, OVERWRITE);
    const reader = createReadStream(fifo);
    await new Promise((resolve) => reader.once('data', resolve));
    reader.destroy();
    await expect(written).rejects.toThrow(/cannot write plan\.fifo \(EPIPE\)/);
  });

  it('without --force, a link to nowhere counts as an existing file', () => {
    const dir = tmp();
    symlinkSync('nowhere', path.join(dir, 'link.yaml'));
    expect(() =>
      checkOutputPath(at(path.join(dir, 'link.yaml')), { overwrite: false, flag: '--out' }),
    ).toThrow('link.yaml already exists');
  });
});

describe('an output is never a file the command reads', () => {
  const setup = () => {
    const dir = tmp();
    const desired = path.join(dir, 'accounts.yaml');
    writeFileSync(desired, 'version: 1\n');
    const reads: ReadFile[] = [{ path: at(desired), flag: '-f', what: 'the desired-state file' }];
    return { dir, desired, reads };
  };

  it.each([
    ['the same path', (_dir: string, desired: string) => desired],
    ['another spelling', (dir: string) => path.join(dir, '.', 'sub', '..', 'accounts.yaml')],
    [
      'a symbolic link to it',
      (dir: string, desired: string) => {
        symlinkSync(desired, path.join(dir, 'link.yaml'));
        return path.join(dir, 'link.yaml');
      },
    ],
    [
      'a hard link to it',
      (dir: string, desired: string) => {
        linkSync(desired, path.join(dir, 'hard.yaml'));
        return path.join(dir, 'hard.yaml');
      },
    ],
  ])('refuses %s, naming both', (_name, outPath) => {
    const { dir, desired, reads } = setup();
    mkdirSync(path.join(dir, 'sub'));
    const out = { display: 'OUT', absolute: outPath(dir, desired) };
    expect(() => checkNotReadByCommand(out, '--out', reads)).toThrow(UsageError);
    expect(() => checkNotReadByCommand(out, '--out', reads)).toThrow(
      '--out OUT is the desired-state file read by -f (accounts.yaml); choose another path',
    );
  });

  it('says it in the words of the issue when both name the file alike', () => {
    const { desired, reads } = setup();
    expect(() => checkNotReadByCommand(at(desired), '--out', reads)).toThrow(
      '--out accounts.yaml is the desired-state file read by -f; choose another path',
    );
  });

  it('accepts a new path, another file, and a device', () => {
    const { dir, reads } = setup();
    writeFileSync(path.join(dir, 'other.yaml'), '');
    for (const file of [path.join(dir, 'new.json'), path.join(dir, 'other.yaml'), '/dev/null'])
      expect(() => checkNotReadByCommand(at(file), '--out', reads)).not.toThrow();
  });

  it('refuses --out and --out-markdown on one file, new or existing; a device may take both', () => {
    const dir = tmp();
    const file = at(path.join(dir, 'plan.out'));
    expect(() => checkDistinctOutputs(file, '--out', file, '--out-markdown')).toThrow(
      '--out-markdown plan.out is also the --out file; choose another path',
    );
    writeFileSync(file.absolute, '');
    expect(() => checkDistinctOutputs(file, '--out', file, '--out-markdown')).toThrow(UsageError);
    const devNull = { display: '/dev/null', absolute: '/dev/null' };
    expect(() => checkDistinctOutputs(devNull, '--out', devNull, '--out-markdown')).not.toThrow();
    closeSync(openSync(path.join(dir, 'other.md'), 'w'));
    expect(() =>
      checkDistinctOutputs(file, '--out', at(path.join(dir, 'other.md')), '--out-markdown'),
    ).not.toThrow();
  });
});
