import type { Change, Step } from '../../src/plan/types.js';

/** A bare `update` change for executor tests: just the account, its uuid and the steps to run. */
export const updateChange = (account: string, uuid: string | undefined, steps: Step[]): Change => ({
  account,
  ...(uuid ? { uuid } : {}),
  action: 'update',
  origin: 'file',
  before: null,
  after: null,
  steps,
  risks: [],
  fingerprint: 'sha256:00000000000000000000000000000000',
});
