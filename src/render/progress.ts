import type { Ora } from 'ora';
import type { Colors } from './color.js';
import { PLAIN } from './color.js';

export interface ProgressSink {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** A terminal's width; 0 or absent on a pseudo-terminal without a size. */
  columns?: number;
}

/**
 * Progress on stderr: an ora spinner on an interactive terminal; otherwise (CI, pipes,
 * --no-progress) plain lines, and only those worth keeping in a log.
 */
export interface Progress {
  start(text: string): void;
  update(text: string): void;
  /** A line that stays: printed above the spinner, or as is when there is none. */
  log(text: string): void;
  succeed(text: string): void;
  fail(text: string): void;
  stop(): void;
}

/**
 * A spinner redraws by counting the lines its text wraps to on a terminal of `columns` width; with
 * 0 columns (a pseudo-terminal without a size, as under `script`) that count is infinite and the
 * redraw never ends. So the spinner runs only on a terminal with a width.
 */
export function spinnerAllowed(stream: ProgressSink, interactive: boolean): boolean {
  return interactive && stream.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0;
}

/**
 * `colors` is the decision made for stderr (NO_COLOR, --no-color, FORCE_COLOR, TTY): the spinner's
 * frames and its ✔ / ✖ follow it too, never ora's own guess from the environment. ora and what it
 * pulls in are loaded only when a spinner will run: in CI and pipes they would only cost start-up.
 */
export async function createProgress(
  stream: ProgressSink,
  interactive: boolean,
  colors: Colors = PLAIN,
): Promise<Progress> {
  const line = (text: string) => void stream.write(`${text}\n`);
  if (!spinnerAllowed(stream, interactive)) {
    return {
      start: () => {},
      update: () => {},
      log: line,
      succeed: line,
      fail: line,
      stop: () => {},
    };
  }
  const { default: ora } = await import('ora');
  let spinner: Ora | undefined;
  return {
    start: (text) => {
      spinner = ora({
        text,
        stream: stream as NodeJS.WritableStream,
        isEnabled: true,
        color: colors.enabled ? 'cyan' : false,
        discardStdin: false,
      }).start();
    },
    update: (text) => {
      if (spinner) spinner.text = text;
    },
    log: (text) => {
      if (spinner?.isSpinning) {
        spinner.clear();
        line(text);
        spinner.render();
      } else line(text);
    },
    succeed: (text) =>
      spinner ? void spinner.stopAndPersist({ symbol: colors.green('✔'), text }) : line(text),
    fail: (text) => (spinner ? void spinner.stopAndPersist({ symbol: colors.red('✖'), text }) : line(text)),
    stop: () => void spinner?.stop(),
  };
}
