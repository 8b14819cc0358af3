import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as library from '../../src/index.js';

const INDEX = path.resolve('src/index.ts');
/** An entry point that exports computePlan but none of the types it takes or returns. */
const PARTIAL = path.resolve('test/library/fixtures/partial-index.ts');
/** An entry point that exports the PactFlow client itself. */
const HEAVY = path.resolve('test/library/fixtures/heavy-index.ts');

/** One program for both entry points: building it is what takes the time. */
const program = ts.createProgram([INDEX, PARTIAL], {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2023,
  strict: true,
  resolveJsonModule: true,
  skipLibCheck: true,
  noEmit: true,
});

/** An entry point's exported symbols, each resolved to where it is declared. */
function exportedSymbols(entry: string): { checker: ts.TypeChecker; exports: Map<ts.Symbol, string> } {
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  const exports = new Map<ts.Symbol, string>();
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    exports.set(target, symbol.name);
  }
  return { checker, exports };
}

const isPrivate = (node: ts.Node) =>
  ts.canHaveModifiers(node) &&
  (ts.getModifiers(node) ?? []).some(
    (m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword,
  );

/** The parts of a declaration a program sees: signatures and types, never bodies or private members. */
function visibleParts(node: ts.Node): ts.Node[] {
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node))
    return [...(node.typeParameters ?? []), ...node.parameters, ...(node.type ? [node.type] : [])];
  if (ts.isConstructorDeclaration(node)) return [...node.parameters];
  if (ts.isPropertyDeclaration(node)) return node.type ? [node.type] : [];
  if (ts.isVariableDeclaration(node)) {
    if (node.type) return [node.type];
    if (node.initializer && ts.isAsExpression(node.initializer)) return [node.initializer.type];
    if (node.initializer && ts.isArrowFunction(node.initializer)) return visibleParts(node.initializer);
    return [];
  }
  if (ts.isClassDeclaration(node))
    return [...(node.heritageClauses ?? []), ...node.members.filter((m) => !isPrivate(m))].flatMap((m) =>
      ts.isClassElement(m) ? visibleParts(m) : [m],
    );
  return [node];
}

/** Types declared in this project that an export's visible parts name, but that are not exported. */
function unnamedTypes(entry: string): string[] {
  const { checker, exports } = exportedSymbols(entry);
  const missing = new Set<string>();
  for (const [symbol, name] of exports) {
    const visit = (node: ts.Node): void => {
      const reference = ts.isTypeReferenceNode(node)
        ? node.typeName
        : ts.isExpressionWithTypeArguments(node)
          ? node.expression
          : undefined;
      if (reference) {
        let used = checker.getSymbolAtLocation(reference);
        if (used && used.flags & ts.SymbolFlags.Alias) used = checker.getAliasedSymbol(used);
        const declaredIn = used?.declarations?.[0]?.getSourceFile().fileName ?? '';
        const ours = declaredIn.includes('/src/') && !declaredIn.includes('/node_modules/');
        if (used && ours && !(used.flags & ts.SymbolFlags.TypeParameter) && !exports.has(used))
          missing.add(`${name} uses ${used.name} (${path.relative('.', declaredIn)})`);
      }
      ts.forEachChild(node, visit);
    };
    for (const declaration of symbol.declarations ?? [])
      for (const part of visibleParts(declaration)) visit(part);
  }
  return [...missing].sort();
}

/** The packages an entry point imports when it loads (not those it loads later with import()). */
async function packagesLoadedBy(entry: string): Promise<string[]> {
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const reached = new Set<string>();
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of metafile.inputs[file]?.imports ?? []) {
      if (i.kind !== 'import-statement') continue;
      if (i.external) reached.add(i.path);
      else walk(i.path);
    }
  };
  walk(path.relative('.', entry));
  const builtIn = (p: string) => p.startsWith('node:') || builtinModules.includes(p);
  return [...reached].filter((p) => !builtIn(p) && !p.startsWith('<')).sort();
}

describe('the library entry point', () => {
  it('exports these functions and classes, and nothing else', () => {
    expect(Object.keys(library).sort()).toEqual([
      'ActiveIgnoredError',
      'ApiError',
      'ConfigError',
      'ForbiddenError',
      'GoneError',
      'IncompleteListError',
      'InterruptedError',
      'LostMembersError',
      'NetworkError',
      'NotFoundError',
      'RateLimitedError',
      'ReplaceStoppedError',
      'ResponseShapeError',
      'ServerError',
      'ToolError',
      'UnauthorizedError',
      'UsageError',
      'ValidationError',
      'checkGuards',
      'computePlan',
      'connectToPactflow',
      'countHumanRoleHolders',
      'desiredStateFromObject',
      'executePlan',
      'fetchLiveState',
      'guardContext',
      'hasChanges',
      'loadConfig',
      'renderPlanJson',
      'renderPlanMarkdown',
      'renderPlanText',
      'rolesNeedingPeopleCount',
      'startEmulator',
    ]);
  });

  it('names every type its functions take and return', () => {
    expect(unnamedTypes(INDEX)).toEqual([]);
  });

  it('would notice a type a function takes or returns that is not exported', () => {
    expect(unnamedTypes(PARTIAL)).toEqual([
      'computePlan uses DesiredState (src/config/types.ts)',
      'computePlan uses LiveState (src/state/types.ts)',
      'computePlan uses PlanOptions (src/plan/compute.ts)',
      'computePlan uses PlanResult (src/plan/compute.ts)',
    ]);
  });

  it('loads no HTTP client, positioned YAML parser, ajv compiler or CLI framework when imported', async () => {
    // connectToPactflow and startEmulator load theirs with import() when called.
    expect(await packagesLoadedBy(INDEX)).toEqual(['js-yaml']);
    // What exporting the client itself would load:
    expect(await packagesLoadedBy(HEAVY)).toContain('got');
  });
});
