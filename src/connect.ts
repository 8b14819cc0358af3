import type { ApplyPort } from './apply/types.js';
import { UsageError } from './errors.js';
import { checkTokenCharacters, normalizeBaseUrl } from './pactflow/connection.js';
import type { PactflowOptions } from './pactflow/http.js';
import type { ExtraReader, LiveReader } from './pactflow/types.js';

/**
 * One PactFlow, for a program: reads (a LiveReader for fetchLiveState, the people for
 * countHumanRoleHolders) and writes (an ApplyPort for executePlan). Close it when done.
 */
export interface PactflowConnection extends LiveReader, ExtraReader, ApplyPort {
  close(): void;
}

export type ConnectOptions = Omit<PactflowOptions, 'tokenHeader' | 'accept' | 'hint' | 'onBody'> & {
  /** Plain http to a host other than loopback (the emulator runs on 127.0.0.1); https otherwise. */
  allowInsecureHttp?: boolean;
};

/**
 * A connection to the PactFlow at `baseUrl`, with an API token. Nothing is sent until the first
 * read or write. The HTTP client (got) is loaded here, not when the library is imported: it takes
 * longer to load than the rest of the library together, and a program that only validates or
 * renders never needs it.
 */
export async function connectToPactflow(options: ConnectOptions): Promise<PactflowConnection> {
  const { allowInsecureHttp, ...http } = options;
  const baseUrl = normalizeBaseUrl(options.baseUrl, 'baseUrl', {
    allowInsecureHttp: allowInsecureHttp === true,
  });
  if (options.token.trim() === '')
    throw new UsageError(
      'no PactFlow API token',
      'Give connectToPactflow the token, e.g. from PACT_BROKER_TOKEN.',
    );
  checkTokenCharacters(options.token, 'connectToPactflow');
  const { PactflowClient } = await import('./pactflow/client.js');
  return new PactflowClient({ ...http, baseUrl });
}
