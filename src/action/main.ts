import { statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { InputError, readInputs } from './inputs.js';
import { Cli, runAction } from './run.js';
import { workflowCommand } from './commands.js';

// The Action's entry point (action.yml: runs.using node24, main bundle/action.js). It runs the CLI
// bundled beside it, bundle/pactflow-accounts.js, with the runner's own Node: nothing is installed.
const env = process.env;
try {
  const inputs = readInputs(env);
  // Masked before anything else runs, so no later log line can show it.
  process.stdout.write(workflowCommand('add-mask', inputs.token));
  const workingDirectory = path.resolve(inputs.workingDirectory);
  if (!statSync(workingDirectory, { throwIfNoEntry: false })?.isDirectory())
    throw new InputError(`working-directory ${inputs.workingDirectory} is not a folder in the workspace`);
  process.chdir(workingDirectory);
  const bin = fileURLToPath(new URL('./pactflow-accounts.js', import.meta.url));
  const cli = new Cli(bin, {
    ...env,
    PACT_BROKER_BASE_URL: inputs.baseUrl,
    PACT_BROKER_TOKEN: inputs.token,
    GITHUB_TOKEN: inputs.githubToken,
  });
  runAction(inputs, cli, env).then(
    (code) => (process.exitCode = code),
    (error: Error) => {
      process.stdout.write(workflowCommand('error', error.message));
      process.exitCode = 1;
    },
  );
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  process.stdout.write(workflowCommand('error', error.message));
  process.exitCode = 1;
}
