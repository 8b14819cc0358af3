/** Minimal ANSI styling; every renderer takes a Colors so output is plain when colour is off. */
export interface Colors {
  /** Whether these colours write escape codes: ora's spinner is told the same. */
  readonly enabled: boolean;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  magenta(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export const ANSI: Colors = {
  enabled: true,
  red: wrap(31, 39),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
  cyan: wrap(36, 39),
  magenta: wrap(35, 39),
  bold: wrap(1, 22),
  dim: wrap(2, 22),
};

const identity = (s: string) => s;
export const PLAIN: Colors = {
  enabled: false,
  red: identity,
  green: identity,
  yellow: identity,
  cyan: identity,
  magenta: identity,
  bold: identity,
  dim: identity,
};

/** NO_COLOR wins, then FORCE_COLOR, then whether the stream is a terminal. */
export function colorEnabled(options: {
  flag: boolean;
  env: Record<string, string | undefined>;
  isTTY: boolean;
}): boolean {
  if (!options.flag) return false;
  if (options.env.NO_COLOR !== undefined && options.env.NO_COLOR !== '') return false;
  const force = options.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return options.isTTY;
}
