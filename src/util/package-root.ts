import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NAME = 'pactflow-accounts';

function namesThisPackage(dir: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
    return pkg.name === NAME;
  } catch {
    return false;
  }
}

/**
 * The folder this package is installed in (or checked out at): the one holding examples/, schemas/
 * and the package.json named pactflow-accounts. Code runs from <root>/src/… (tests), from
 * <root>/dist/src/… (compiled modules) or from the bundle <root>/bundle/pactflow-accounts.js, so
 * the root is found by walking up from the running module, never from the working directory. The
 * walk passes over dist/: TypeScript writes a copy of package.json there, for the modules that
 * import it, and that folder has no examples/.
 */
export function packageRoot(from: string = import.meta.url): string {
  let dir = path.dirname(fileURLToPath(from));
  for (;;) {
    if (path.basename(dir) !== 'dist' && namesThisPackage(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no ${NAME} package.json above ${fileURLToPath(from)}`);
    dir = parent;
  }
}
