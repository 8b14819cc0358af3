// @sindresorhus/is, which got loads for its type checks, builds two Intl.ListFormat objects as it
// loads, for the wording of its assertion errors. The first one loads ICU's locale data: some
// 25 ms of every command that talks to PactFlow. In the bundle they are built on first use
// instead. The build fails if the package no longer reads as expected, so this is not silently
// lost. Used by scripts/bundle.mjs; tested in test/install/binary.test.ts.
import { readFile } from 'node:fs/promises';

const EAGER = /\bnew Intl\.ListFormat\(/g;
const HELPER = `
function lazyListFormat(locale, options) {
  let format;
  return { format: (list) => (format ??= new Intl.ListFormat(locale, options)).format(list) };
}
`;

/** The module's source with its list formats built on first use; throws if it does not read as expected. */
export function makeListFormatLazy(source, file) {
  const found = source.match(EAGER)?.length ?? 0;
  const uses = source.match(/\b(?:and|or)Formatter\b[^;]*/g) ?? [];
  const onlyFormat = uses.every((use) => /^(?:and|or)Formatter(?: = new Intl|\.format\()/.test(use));
  if (found !== 2 || !onlyFormat)
    throw new Error(
      `${file}: expected two Intl.ListFormat objects used only for .format(), found ${found}. Review scripts/lazy-list-format.mjs.`,
    );
  return source.replace(EAGER, 'lazyListFormat(') + HELPER;
}

/** The esbuild plugin. */
export const lazyListFormat = {
  name: 'lazy-list-format',
  setup(build) {
    build.onLoad({ filter: /[\\/]@sindresorhus[\\/]is[\\/]distribution[\\/]index\.js$/ }, async (args) => ({
      contents: makeListFormatLazy(await readFile(args.path, 'utf8'), args.path),
      loader: 'js',
    }));
  },
};
