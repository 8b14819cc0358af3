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

/** Someone disables ci-search in PactFlow's settings, on purpose (after an incident, say). */
async function disableInPactflow(name: string): Promise<void> {
  const user = emulator.snapshot().users.find((u) => u.name === name)!;
  const body = { uuid: user.uuid, name: user.name, type: user.type, active: false };
  await fetch(`${emulator.url}/admin/users/${user.uuid}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${emulator.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  say(`\n${c.dim(`# Meanwhile someone disables ${name} in PactFlow's settings, on purpose.`)}\n`);
}

interface Step {
  args: string[];
  why: string;
  /** The exit code that answers the question (2: there are changes), 0 unless said. */
  expect?: number;
  before?: () => Promise<void>;
}
const steps: Step[] = [
  {
    args: ['validate', '-f', 'examples/accounts.yaml'],
    why: 'Check the file: YAML, schema and rules, no network.',
  },
  { args: ['plan', '-f', 'examples/accounts.yaml'], why: 'What would change? (reads only)' },
  { args: ['apply', '-f', 'examples/accounts.yaml', '--auto-approve'], why: 'Make PactFlow match the file.' },
  { args: ['export'], why: 'Adopting an existing organization: write its accounts as a desired-state file.' },
  {
    args: ['plan', '-f', 'examples/accounts.yaml', '--detailed-exitcode'],
    why: 'Plan again: nothing left to do, so --detailed-exitcode exits 0.',
  },
  {
    before: () => disableInPactflow('ci-search'),
    args: ['adopt', '-f', 'examples/accounts.yaml', '--check'],
    why: 'The change was right: adopt it into the file. --check shows the diff and writes nothing (exit 2).',
    expect: 2,
  },
];

let failed = false;
try {
  for (const { args, why, expect = 0, before } of steps) {
    await before?.();
    say(`\n${c.dim(`# ${why}`)}\n${c.bold(c.cyan(`$ pactflow-accounts ${args.join(' ')}`))}\n`);
    const code = await runCli(args, {
      stdout: process.stdout,
      stderr: process.stderr,
      env,
      cwd: process.cwd(),
    });
    if (code !== expect) {
      say(c.red(`(exit code ${code})\n`));
      failed = true;
      break;
    }
  }
} finally {
  await emulator.close();
}
process.exitCode = failed ? 1 : 0;
