import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/helpers/scratch-dir.ts', 'test/helpers/cli-bundle.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Pact's verifier would otherwise send anonymous usage events over the internet.
    env: { PACT_DO_NOT_TRACK: 'true' },
  },
});
