import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const PURE = 'src/plan, src/render and src/adopt are pure: no I/O, clock, randomness or process state.';
const IO_MODULES = [
  'fs',
  'fs/promises',
  'process',
  'http',
  'https',
  'http2',
  'net',
  'tls',
  'dns',
  'os',
  'child_process',
  'worker_threads',
  'perf_hooks',
  'timers',
  'timers/promises',
  'readline',
  // Ways around the list above: loading modules at run time, raw sockets, the engine and its hooks.
  'module',
  'vm',
  'dgram',
  'cluster',
  'v8',
  'inspector',
  'async_hooks',
  'diagnostics_channel',
  'repl',
  'tty',
];
/** Bare and `node:` names alike; from crypto only the deterministic parts (hashes) are allowed. */
export const PURITY_BANNED_IMPORTS = [
  ...IO_MODULES.flatMap((name) => [name, `node:${name}`]).map((name) => ({ name, message: PURE })),
  ...['crypto', 'node:crypto'].map((name) => ({
    name,
    // Only named imports of the hashes: a default or namespace import would reach randomBytes too.
    allowImportNames: ['createHash', 'hash'],
    message: PURE,
  })),
  { name: 'got', message: PURE },
  { name: 'undici', message: PURE },
  { name: 'ora', message: PURE },
];

export default tseslint.config(
  { ignores: ['dist/', 'bundle/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Only the CLI and the renderers' callers write to the terminal.
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Tests read JSON bodies loosely and assert on their shape.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Only src/http/client.ts talks HTTP through got.
    files: ['src/**/*.ts'],
    ignores: ['src/http/client.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'got',
              message: 'Only src/http/client.ts may import got (PactFlow and the code hosts share it).',
            },
          ],
        },
      ],
    },
  },
  {
    // The planner and the renderers are pure: same inputs, same bytes. No I/O, clock, randomness or
    // process state, whether reached by a bare module name, a `node:` one or a global.
    files: ['src/plan/**/*.ts', 'src/render/**/*.ts', 'src/adopt/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: PURITY_BANNED_IMPORTS }],
      'no-restricted-globals': [
        'error',
        ...[
          'process',
          'Date',
          'performance',
          // Network I/O, timers and the other names of the global object.
          'fetch',
          'XMLHttpRequest',
          'WebSocket',
          'EventSource',
          'setTimeout',
          'setInterval',
          'setImmediate',
          'global',
          'require',
        ].map((name) => ({ name, message: PURE })),
      ],
      // A dynamic import() would load any module the list above bans.
      'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: PURE }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: PURE },
        { object: 'crypto', property: 'randomUUID', message: PURE },
        { object: 'crypto', property: 'getRandomValues', message: PURE },
        { object: 'globalThis', property: 'process', message: PURE },
        { object: 'globalThis', property: 'Date', message: PURE },
        { object: 'globalThis', property: 'performance', message: PURE },
        { object: 'globalThis', property: 'crypto', message: PURE },
      ],
    },
  },
  {
    // The one place that draws progress on the terminal, loading ora only when a spinner runs.
    files: ['src/render/progress.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: PURITY_BANNED_IMPORTS.filter((p) => p.name !== 'ora') }],
      'no-restricted-syntax': [
        'error',
        { selector: "ImportExpression:not([source.value='ora'])", message: PURE },
      ],
    },
  },
);
