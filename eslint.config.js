import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
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
    // Only src/pactflow talks HTTP through got.
    files: ['src/**/*.ts'],
    ignores: ['src/pactflow/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'got', message: 'Only src/pactflow/ may import got.' }] },
      ],
    },
  },
  {
    files: ['src/plan/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['got', 'ora', 'node:fs', 'node:fs/promises', 'node:process', 'node:http'].map((name) => ({
            name,
            message: 'The planner is pure: no I/O.',
          })),
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Date'],
    },
  },
);
