import { describe, expect, it } from 'vitest';
import { ANSI, PLAIN } from '../../src/render/color.js';
import { createProgress, spinnerAllowed } from '../../src/render/progress.js';

function sink(isTTY: boolean, columns: number | undefined) {
  let written = '';
  return {
    stream: {
      isTTY,
      ...(columns === undefined ? {} : { columns }),
      write: (s: string) => ((written += s), true),
      // The cursor calls of a tty.WriteStream, writing the codes a terminal would receive.
      cursorTo: (x: number) => ((written += `\u001b[${x + 1}G`), true),
      clearLine: () => ((written += '\u001b[2K'), true),
      moveCursor: (_dx: number, dy: number) => (
        (written += `\u001b[${Math.abs(dy)}${dy < 0 ? 'A' : 'B'}`),
        true
      ),
    },
    written: () => written,
  };
}
// eslint-disable-next-line no-control-regex
const COLOUR = /\u001b\[(?:3\d|9\d|1|2|22|39)m/;

describe('createProgress', () => {
  it.each([
    ['a terminal with a width', true, true, 80, true],
    ['a pseudo-terminal with 0 columns (as under `script`)', true, true, 0, false],
    ['a terminal that reports no width', true, true, undefined, false],
    ['a pipe', true, false, 80, false],
    ['--no-progress or CI', false, true, 80, false],
  ])('spinner on %s: %s', (_, interactive, isTTY, columns, expected) => {
    expect(spinnerAllowed(sink(isTTY, columns).stream, interactive)).toBe(expected);
  });

  it('on a 0-column pseudo-terminal writes plain lines and no cursor codes', async () => {
    const out = sink(true, 0);
    const progress = await createProgress(out.stream, true, PLAIN);
    progress.start('Reading');
    progress.update('Reading page 2');
    progress.succeed('Read 3 system accounts');
    expect(out.written()).toBe('Read 3 system accounts\n');
  });

  it('without colour, the spinner and its ✔ and ✖ are plain', async () => {
    const out = sink(true, 80);
    const progress = await createProgress(out.stream, true, PLAIN);
    progress.start('Reading');
    progress.succeed('Read 3 system accounts');
    progress.start('Applying');
    progress.fail('Could not apply');
    expect(out.written()).toContain('✔ Read 3 system accounts\n');
    expect(out.written()).toContain('✖ Could not apply\n');
    expect(out.written()).not.toMatch(COLOUR);
  });

  it('with colour, the ✔ is green: the decision made for stderr, not ora’s own', async () => {
    const out = sink(true, 80);
    const progress = await createProgress(out.stream, true, ANSI);
    progress.start('Reading');
    progress.succeed('Read 3 system accounts');
    expect(out.written()).toContain('\u001b[32m✔\u001b[39m Read 3 system accounts\n');
  });

  it('without a spinner, progress is plain lines worth keeping in a log', async () => {
    const out = sink(false, undefined);
    const progress = await createProgress(out.stream, false, PLAIN);
    progress.log('a line');
    progress.fail('Could not read the live state');
    expect(out.written()).toBe('a line\nCould not read the live state\n');
  });
});
