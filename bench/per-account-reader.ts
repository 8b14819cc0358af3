/**
 * The strategy the Terraform provider uses to refresh its state, for comparison with `plan`: one
 * `GET /admin/users/{uuid}` per account it knows of, plus each team's member list, at Terraform's
 * default parallelism of 10. Run as a child process by bench/run.js, over got with keep-alive like
 * the CLI, so wall time and peak RSS compare like with like.
 *
 *   node per-account-reader.js <ids.json>   (env: BENCH_URL, BENCH_TOKEN)
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import process from 'node:process';
import got from 'got';
import { mapLimit } from '../src/util/concurrency.js';
import { TERRAFORM_PARALLELISM } from './scenario.js';

const ids = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { accounts: string[]; teams: string[] };
const agent = new http.Agent({ keepAlive: true, maxSockets: TERRAFORM_PARALLELISM });
const api = got.extend({
  prefixUrl: process.env.BENCH_URL!,
  headers: { authorization: `Bearer ${process.env.BENCH_TOKEN!}`, accept: 'application/hal+json' },
  agent: { http: agent },
  // A keep-alive socket the server closed just as it was reused is retried, as any client would.
  retry: { limit: 2 },
});
const read = async (path: string) => JSON.parse(await api.get(path).text()) as Record<string, unknown>;
try {
  const users = await mapLimit(ids.accounts, TERRAFORM_PARALLELISM, (uuid) => read(`admin/users/${uuid}`));
  const members = await mapLimit(ids.teams, TERRAFORM_PARALLELISM, async (uuid) => {
    const body = (await read(`admin/teams/${uuid}/users`)) as { _embedded?: { users?: unknown[] } };
    return body._embedded?.users?.length ?? 0;
  });
  const memberships = members.reduce((sum, n) => sum + n, 0);
  if (users.some((u) => typeof u.uuid !== 'string') || memberships < users.length)
    throw new Error(`read ${users.length} accounts and ${memberships} memberships`);
} finally {
  agent.destroy();
}
