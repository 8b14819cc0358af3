/**
 * `npm run demo`: the whole job against the bundled emulator, printing each command as a user would
 * type it. The emulator runs in this process on a random loopback port and is gone afterwards.
 */
import process from 'node:process';
import { runCli } from '../src/cli/program.js';
import { startEmulator } from '../src/emulator/server.js';
import { ANSI, PLAIN, colorEnabled } from '../src/render/color.js';

const c = colorEnabled({ flag: true, env: process.env, isTTY: process.stdout.isTTY === true }) ? ANSI : PLAIN;
const emulator = await startEmulator({ seedFile: 'examples/seed.yaml' });
const env = { ...process.env, PACT_BROKER_BASE_URL: emulator.url, PACT_BROKER_TOKEN: emulator.adminToken };
const say = (text: string) => process.stdout.write(text);

say(c.bold('pactflow-accounts demo\n'));
say(`A local PactFlow emulator is running at ${emulator.url}, seeded from examples/seed.yaml:\n`);
say('an organization that has drifted from examples/accounts.yaml. Connection for the commands below:\n\n');
say(
  c.dim(
    `  export PACT_BROKER_BASE_URL=${emulator.url}\n  export PACT_BROKER_TOKEN=… (the emulator's admin token)\n`,
  ),
);

const steps: [string[], string][] = [
  [['validate', '-f', 'examples/accounts.yaml'], 'Check the file: YAML, schema and rules, no network.'],
  [['plan', '-f', 'examples/accounts.yaml'], 'What would change? (reads only)'],
  [['apply', '-f', 'examples/accounts.yaml', '--auto-approve'], 'Make PactFlow match the file.'],
  [['export'], 'Adopting an existing organization: write its accounts as a desired-state file.'],
  [
    ['plan', '-f', 'examples/accounts.yaml', '--detailed-exitcode'],
    'Plan again: nothing left to do, so --detailed-exitcode exits 0.',
  ],
];

let failed = false;
try {
  for (const [args, why] of steps) {
    say(`\n${c.dim(`# ${why}`)}\n${c.bold(c.cyan(`$ pactflow-accounts ${args.join(' ')}`))}\n`);
    const code = await runCli(args, {
      stdout: process.stdout,
      stderr: process.stderr,
      env,
      cwd: process.cwd(),
    });
    if (code !== 0) {
      say(c.red(`(exit code ${code})\n`));
      failed = true;
      break;
    }
  }
} finally {
  await emulator.close();
}
process.exitCode = failed ? 1 : 0;
