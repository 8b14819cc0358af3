/**
 * The strategy the Terraform provider uses to refresh its state, for comparison with `plan`: one
 * `GET /admin/users/{uuid}` per account it knows of, plus each team's member list, at Terraform's
 * default parallelism of 10. Run as a child process by bench/run.js, with the same HTTP client as
 * the CLI, so wall time and peak RSS compare like with like.
 *
 *   node per-account-reader.js <ids.json>   (env: BENCH_URL, BENCH_TOKEN)
 */
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { PactflowClient } from '../src/index.js';
import { mapLimit } from '../src/util/concurrency.js';
import { TERRAFORM_PARALLELISM } from './scenario.js';

const ids = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { accounts: string[]; teams: string[] };
const client = new PactflowClient({
  baseUrl: process.env.BENCH_URL!,
  token: process.env.BENCH_TOKEN!,
  maxSockets: TERRAFORM_PARALLELISM,
});
try {
  const users = await mapLimit(ids.accounts, TERRAFORM_PARALLELISM, (uuid) => client.getUser(uuid));
  const members = await mapLimit(ids.teams, TERRAFORM_PARALLELISM, (uuid) => client.listTeamMembers(uuid));
  const memberships = members.reduce((sum, list) => sum + list.length, 0);
  if (users.length !== ids.accounts.length || memberships < users.length)
    throw new Error(`read ${users.length} accounts and ${memberships} memberships`);
} finally {
  client.close();
}
