import type { AddressInfo } from 'node:net';
import { createHttpServer } from '@vercel/cosmosdb-server';

/** The emulator's well-known key. cosmosdb-server checks no key, but the SDK wants one. */
export const COSMOS_TEST_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DXNqXpDarbfdFeleqENF+fVs79r6DzSQ//DdCA==';

export interface CosmosTestServer {
  endpoint: string;
  key: string;
  close(): Promise<void>;
}

/**
 * Starts an empty in-process @vercel/cosmosdb-server over plain HTTP on a free port.
 * Clients must turn endpoint discovery off: the server advertises an https address.
 */
export async function startCosmosTestServer(): Promise<CosmosTestServer> {
  const server = createHttpServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    key: COSMOS_TEST_KEY,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
