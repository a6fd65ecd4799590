import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { findSeedOrganization } from '../shared/adapters/devops/local-seed.js';
import { SqliteMessageQueue } from '../shared/adapters/local-queue/sqlite-message-queue.js';
import { OutboxMailer } from '../shared/adapters/outbox/outbox-mailer.js';
import { SqliteDocumentStore } from '../shared/adapters/sqlite/sqlite-document-store.js';
import { composeApp } from '../shared/composition.js';
import { loadSettings } from '../shared/config/settings.js';
import { createLocalHost } from '../shared/http/local-host.js';
import { routes } from '../shared/http/routes/index.js';
import { createApiToken } from '../shared/identity/api-tokens.js';
import type { Caller } from '../shared/identity/caller.js';
import { issueSessionToken } from '../shared/identity/session-token.js';
import { loadOrganization } from '../shared/orgs/organization.js';
import { systemClock } from '../shared/ports/clock.js';
import type { Ports } from '../shared/ports/index.js';
import { createBareServer } from './bare-server.js';
import { RollupFreeStore } from './rollup-free-store.js';
import { CountingStore } from './counting-store.js';
import { StepClock } from './step-clock.js';

export type SideKind = 'timehub' | 'bare';

/** One side of a comparison: its own SQLite file, clock, virtual users and server. */
export interface Side {
  kind: SideKind;
  url: string;
  ports: Ports;
  store: CountingStore;
  callers: Caller[];
  /** An API token per caller; the bare server only looks it up. */
  tokens: string[];
  close(): Promise<void>;
}

export interface SideOptions {
  kind: SideKind;
  dir: string;
  scenario: string;
  users: number;
  clockStart: Date;
  realClock?: boolean;
  /** Session tokens, as the extension's pages send, instead of API tokens. */
  sessions?: boolean;
  /** Timehub as before rollups: its store keeps none (rollup-free-store.ts). */
  withoutRollups?: boolean;
}

/** Virtual users in the seeded fabrikam org: a Caller is all the use cases need. */
function virtualUsers(count: number): Caller[] {
  const org = findSeedOrganization('fabrikam');
  if (!org) throw new Error('the local seed has no fabrikam');
  return Array.from({ length: count }, (_, i) => ({
    orgId: org.id,
    orgName: org.name,
    user: { id: `bench-user-${i}`, name: `Bench User ${i}`, uniqueName: `bench${i}@fabrikam.example` },
    roles: [],
  }));
}

export async function openSide(options: SideOptions): Promise<Side> {
  const clock = options.realClock ? systemClock : new StepClock(options.clockStart);
  const file = join(options.dir, `${options.scenario.replace(/\W+/g, '-')}-${options.kind}${options.withoutRollups ? '-without-rollups' : ''}.sqlite`);
  const sqlite = new SqliteDocumentStore(file, clock);
  // Counted as the store sees it: without rollups, their reads and writes never reach it.
  const store = new CountingStore(sqlite);
  // The embedded queue (the trackers' timers) in the same file, as composeApp would; nothing in .data/.
  const queue = new SqliteMessageQueue(file, clock);
  const mailer = new OutboxMailer(join(options.dir, 'outbox'));
  // An empty environment: the embedded defaults, whatever the shell has set.
  const app = await composeApp(loadSettings({ DATA_DIR: options.dir, RATE_LIMIT_PER_MINUTE: '0' /* the bench drives few users far past any per-user limit */ }), { store: options.withoutRollups ? new RollupFreeStore(store, clock) : store, clock, queue, mailer });
  const callers = virtualUsers(options.users);
  await loadOrganization(app.ports, callers[0]!.orgId, callers[0]!.orgName);
  const tokens: string[] = [];
  for (const caller of callers) {
    const issued = options.sessions ? issueSessionToken(app.auth, caller, clock.now()) : createApiToken(app.ports, caller, { name: 'bench', expiresInDays: 365 });
    tokens.push((await issued).token);
  }
  const server: Server = options.kind === 'timehub'
    ? createLocalHost(app, routes, () => {})
    : createBareServer(app.ports, new Map(tokens.map((token, i) => [`Bearer ${token}`, callers[i]!])));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    kind: options.kind,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ports: app.ports,
    store,
    callers,
    tokens,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      await queue.close();
    },
  };
}
