import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Matchers, PactV4 } from '@pact-foundation/pact';
import { PactflowClient } from '../../src/pactflow/client.js';

const { like, eachLike, regex, integer } = Matchers;

export const CONSUMER = 'pactflow-accounts';
export const PROVIDER = 'pactflow';
export const COMMITTED_PACT = path.resolve('pacts', `${CONSUMER}-${PROVIDER}.json`);

/** The pact is written to a fresh directory, then compared with (or copied to) the committed one. */
export const PACT_DIR = mkdtempSync(path.join(tmpdir(), 'pfa-pact-'));
export const GENERATED_PACT = path.join(PACT_DIR, `${CONSUMER}-${PROVIDER}.json`);

export const provider = new PactV4({
  consumer: CONSUMER,
  provider: PROVIDER,
  dir: PACT_DIR,
  logLevel: 'error',
});

/** The verified sources an interaction follows; its comment names one (repo and file). */
export const TERRAFORM = 'pactflow/terraform-provider-pact client/client_pact_test.go';
/** Checked only against PactFlow's API description (bi-directional): the MCP's earlier contract. */
export const MCP = 'SmartBear/smartbear-mcp src/pactflow/client/admin-api.pact.test.ts';
/** Verified by PactFlow's own application (consumer-driven): the strongest source. */
export const MCP_VERIFIED =
  "SmartBear/smartbear-mcp src/pactflow/pactflow.pact.test.ts (verified by PactFlow's application)";

export const ACCOUNT = '4f3c9a52-7c1e-4e0b-9d8a-1a2b3c4d5e6f';
export const DISABLED_ACCOUNT = '6a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
export const TEAM = '2d7b9e10-3c4f-4a5b-8c6d-7e8f9a0b1c2d';
export const ROLE = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f';
export const CUSTOM_ROLE = '7b3e1f2a-9c4d-4e5f-8a6b-1c2d3e4f5a6b';
export const MISSING = '9e8d7c6b-5a49-4382-a716-f5e4d3c2b1a0';

/** Any bearer token: the verifier substitutes its own. */
export const auth = { Authorization: regex('^Bearer \\S+$', 'Bearer pact-token') };
export const jsonRequest = {
  ...auth,
  'Content-Type': regex('^application/json(;.*)?$', 'application/json'),
};
export const jsonPatchRequest = {
  ...auth,
  'Content-Type': regex('^application/json-patch\\+json(;.*)?$', 'application/json-patch+json'),
};
export const halResponse = {
  'Content-Type': regex('^application/(hal\\+json|json)(;.*)?$', 'application/hal+json;charset=utf-8'),
};
export const problemResponse = {
  'Content-Type': regex('^application/problem\\+json(;.*)?$', 'application/problem+json'),
};

const link = (href: string) => like({ href: `https://acme.pactflow.io${href}`, title: 'User' });

/** A User as PactFlow renders it: HAL, roles and teams embedded; email only when it has one. */
export function userBody(
  u: { uuid: string; name: string; active: boolean; email?: string },
  teams: { uuid: string; name: string }[] = [],
) {
  return {
    uuid: u.uuid,
    name: like(u.name),
    ...(u.email === undefined ? {} : { email: like(u.email) }),
    active: u.active,
    type: 1,
    typeDescription: 'System Account',
    createdAt: like('2024-01-01T00:00:00+00:00'),
    _embedded: {
      roles: eachLike({ uuid: like(ROLE), name: like('CI/CD') }, 0),
      teams: teams.length ? eachLike({ uuid: teams[0]!.uuid, name: like(teams[0]!.name) }) : like([]),
    },
    _links: { self: link(`/admin/users/${u.uuid}`) },
  };
}

/** A one-page list as PactFlow pages it. */
export function pageOf(items: number) {
  return like({
    number: integer(1),
    size: integer(100),
    totalElements: integer(items),
    totalPages: integer(1),
  });
}

/** A problem document (RFC 9457) with one field error, as PactFlow now answers a refused request. */
export function problemBody(status: number, title: string, detail: string, pointer: string) {
  return {
    title: like(title),
    status,
    detail: like(detail),
    errors: eachLike({ detail: like(detail), pointer: like(pointer) }),
  };
}

export function clientFor(url: string): PactflowClient {
  // No retries: each interaction is one exchange.
  return new PactflowClient({ baseUrl: url, token: 'pact-token', retry: { attempts: 1 } });
}

interface PactFile {
  interactions: Record<string, unknown>[];
}

/** The parts of a pact that matter to the provider, in a stable order: metadata and keys left out. */
export function comparable(file: PactFile): unknown[] {
  return file.interactions
    .map(({ key: _key, ...rest }) => rest)
    .sort((a, b) => String(a.description).localeCompare(String(b.description)));
}

/**
 * Compares the generated pact with the committed one, like the golden files: UPDATE_PACT=1
 * rewrites the committed file instead. The verifier reads the committed file, so a run of this
 * test never leaves it half-written.
 */
export function checkAgainstCommitted(): { same: boolean; generated: unknown[]; committed: unknown[] } {
  const generatedText = readFileSync(GENERATED_PACT, 'utf8');
  const generated = comparable(JSON.parse(generatedText) as PactFile);
  if (process.env.UPDATE_PACT === '1') {
    const tidy = JSON.parse(generatedText) as PactFile & Record<string, unknown>;
    tidy.interactions = [...tidy.interactions].sort((a, b) =>
      String(a.description).localeCompare(String(b.description)),
    );
    writeFileSync(COMMITTED_PACT, JSON.stringify(tidy, null, 2) + '\n');
  }
  let committedText: string;
  try {
    committedText = readFileSync(COMMITTED_PACT, 'utf8');
  } catch {
    return { same: false, generated, committed: [] };
  }
  const committed = comparable(JSON.parse(committedText) as PactFile);
  return { same: JSON.stringify(generated) === JSON.stringify(committed), generated, committed };
}
