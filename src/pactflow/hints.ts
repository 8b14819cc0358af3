import type { ApiError } from '../http/errors.js';
import {
  ForbiddenError,
  GoneError,
  NetworkError,
  RateLimitedError,
  ResponseShapeError,
  ServerError,
  UnauthorizedError,
} from '../http/errors.js';

/** What to do about an answer PactFlow gave that does not look like PactFlow's. */
export const SHAPE_HINT = 'Is the base URL a PactFlow instance? Run with --verbose for details.';

/** What to do about an error met talking to PactFlow, in PactFlow's terms; undefined when nothing helps. */
export function pactflowHint(error: ApiError): string | undefined {
  if (error instanceof UnauthorizedError)
    return 'The token was refused. Check PACT_BROKER_TOKEN or --token-file, and that it belongs to this PactFlow (base URL).';
  if (error instanceof ForbiddenError)
    return error.method === 'GET'
      ? `The token's owner lacks ${error.permission ?? 'a read permission'} (the default User role has the read scopes).`
      : `Writes need the "Read/write token (CI)" (a "Read only token (developer)" cannot write) of a user with ${error.permission ?? 'system_account:manage:*'}; nobody can change their own roles.`;
  if (error instanceof GoneError)
    return 'The account was deleted; run plan again to re-create it if the file still lists it.';
  if (error instanceof RateLimitedError)
    return 'PactFlow is rate-limiting this client; try again later or lower --concurrency.';
  if (error instanceof ServerError && error.reference)
    return `Quote reference ${error.reference} if you contact PactFlow support.`;
  if (error instanceof NetworkError) return 'Check the base URL and that PactFlow is reachable from here.';
  if (error instanceof ResponseShapeError) return SHAPE_HINT;
  return undefined;
}
