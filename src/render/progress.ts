import ora from 'ora';
import type { Ora } from 'ora';

export interface ProgressSink {
  write(chunk: string): unknown;
  isTTY?: boolean;
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

export function createProgress(stream: ProgressSink, interactive: boolean): Progress {
  if (!interactive) {
    return {
      start: () => {},
      update: () => {},
      log: (text) => void stream.write(`${text}\n`),
      succeed: (text) => void stream.write(`${text}\n`),
      fail: (text) => void stream.write(`${text}\n`),
      stop: () => {},
    };
  }
  let spinner: Ora | undefined;
  return {
    start: (text) => {
      spinner = ora({
        text,
        stream: stream as NodeJS.WritableStream,
        isEnabled: true,
        discardStdin: false,
      }).start();
    },
    update: (text) => {
      if (spinner) spinner.text = text;
    },
    log: (text) => {
      if (spinner?.isSpinning) {
        spinner.clear();
        stream.write(`${text}\n`);
        spinner.render();
      } else stream.write(`${text}\n`);
    },
    succeed: (text) => (spinner ? void spinner.succeed(text) : void stream.write(`${text}\n`)),
    fail: (text) => (spinner ? void spinner.fail(text) : void stream.write(`${text}\n`)),
    stop: () => void spinner?.stop(),
  };
}
