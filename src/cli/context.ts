import type { Colors } from '../render/color.js';
import { ANSI, PLAIN, colorEnabled } from '../render/color.js';

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** A terminal's width in characters (Node sets it on a TTY). */
  columns?: number;
}

/** Everything a command may touch of the outside world, injected so tests run the CLI in-process. */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Aborted on SIGINT/SIGTERM: apply stops starting new steps. */
  signal?: AbortSignal;
}

export interface GlobalOptions {
  baseUrl?: string;
  tokenFile?: string;
  allowInsecureHttp?: boolean;
  color: boolean;
  progress: boolean;
  verbose: boolean;
}

export interface CommandContext {
  io: CliIo;
  globals: GlobalOptions;
  /** Colours for stdout (the report). */
  colors: Colors;
  /** Colours for stderr (diagnostics, progress). */
  errColors: Colors;
  /** Spinners only on an interactive terminal, outside CI, unless --no-progress. */
  interactive: boolean;
  out(text: string): void;
  err(text: string): void;
}

export function makeContext(io: CliIo, globals: GlobalOptions): CommandContext {
  const pick = (isTTY: boolean) => (colorEnabled({ flag: globals.color, env: io.env, isTTY }) ? ANSI : PLAIN);
  return {
    io,
    globals,
    colors: pick(io.stdout.isTTY === true),
    errColors: pick(io.stderr.isTTY === true),
    interactive: globals.progress && io.stderr.isTTY === true && !io.env.CI,
    out: (text) => void io.stdout.write(text),
    err: (text) => void io.stderr.write(text),
  };
}
