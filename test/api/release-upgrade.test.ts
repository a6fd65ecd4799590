import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteMessageQueue } from '../../shared/adapters/local-queue/sqlite-message-queue.js';
import { SqliteDocumentStore } from '../../shared/adapters/sqlite/sqlite-document-store.js';
import { SQLITE_SCHEMA_VERSION } from '../../shared/adapters/sqlite/sqlite-schema.js';
import { DEFAULT_TRACKING_POLICY } from '../../shared/domain/activity-check.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { RELEASE_0_1_0, fileSummary, storedBody, writeRelease010File } from '../support/release-fixtures.js';
import { HOUR, T0, at } from '../support/worklog-builder.js';

/** What release 0.1.0 left behind, opened by this release: nothing lost, every document upgraded. */
const FABRIKAM = '82aa2fdd-f972-4fff-b708-b781eee236bc';
const CONTOSO = '7117c583-5b6d-41f1-98c6-60a186542c45';

let dataDir: string;
let file: string;
let api: TestApi | undefined;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'timehub-release-'));
  file = join(dataDir, 'timehub.sqlite');
  writeRelease010File(file);
});
afterEach(async () => {
  await api?.close();
  api = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

const open = async () => (api = await startTestApi({ dataDir, clock: new MutableClock(at(T0, HOUR)) }));
const orgOf = (orgId: string) => RELEASE_0_1_0.documents.find((row) => row.doc.type === 'organization' && row.doc.pk === orgId)!.doc;

describe('a data folder from release 0.1.0', () => {
  it('is migrated to the current schema without losing a row, and serves its data through the API', async () => {
    const before = fileSummary(file);
    expect(before.userVersion).toBe(0);
    await open();
    expect(fileSummary(file)).toEqual({ ...before, userVersion: SQLITE_SCHEMA_VERSION });
    expect(await api!.app.ports.queue.deadLetters()).toHaveLength(2);
    const bob = client(api!, await api!.signIn('fabrikam', 'bob'));
    expect((await bob('GET', `/rest/workLogs?$fromTimestamp=${at(T0, -7 * 24 * HOUR)}`)).body.data).toHaveLength(3);
    expect((await bob('GET', '/tracking/client/current')).body.data.tracker).toMatchObject({ workItemId: 2 });
    expect((await bob('GET', '/settings/tracking')).body.data).toMatchObject({ maxTrackLengthHours: 8 });
    expect((await bob('GET', '/subscription')).body.data).toMatchObject({ status: 'active', seats: { licensed: 5 } });
    const contosoBob = client(api!, await api!.signIn('contoso', 'bob'));
    expect((await contosoBob('GET', `/rest/workLogs?$fromTimestamp=${at(T0, -7 * 24 * HOUR)}`)).body.data).toEqual([expect.objectContaining({ length: 1800 })]);
    const types = (await contosoBob('GET', '/rest/activityTypes')).body.data.activityTypes as { isActive: boolean }[];
    expect(types).toHaveLength(7); // "[Not Set]" and the six defaults
    expect(types.every((type) => type.isActive)).toBe(true);
    expect((await contosoBob('GET', '/settings/tracking')).body.data).toEqual(DEFAULT_TRACKING_POLICY);
  });

  it('reads every document back, organizations and worklogs upgraded to version 2 and the rest as stored', async () => {
    const { store } = await open();
    for (const { container, doc } of RELEASE_0_1_0.documents) {
      const read = await store.read(container, doc.pk, doc.id);
      if (doc.type === 'organization') continue;
      const expected = doc.type === 'worklog' ? { ...doc, schemaVersion: 3, stopReason: doc.stopReason ?? null, targetId: null } : doc;
      expect(read, `${container}/${doc.pk}/${doc.id}`).toEqual({ ...expected, _etag: expect.any(String) });
    }
    const contoso = await store.read('orgs', CONTOSO, 'organization');
    expect(contoso).toEqual({
      ...orgOf(CONTOSO), schemaVersion: 2, _etag: expect.any(String),
      activityTypes: (orgOf(CONTOSO).activityTypes as object[]).map((type) => ({ ...type, isActive: true })),
      trackingPolicy: DEFAULT_TRACKING_POLICY, installState: 'installed', uninstalledTimestamp: null,
      trialStartTimestamp: '2025-01-06T09:00:00.000Z', entitlement: null,
    });
    const fabrikam = await store.read('orgs', FABRIKAM, 'organization');
    expect(fabrikam).toEqual({
      ...orgOf(FABRIKAM), schemaVersion: 2, _etag: expect.any(String),
      installState: 'installed', uninstalledTimestamp: null, trialStartTimestamp: '2025-01-06T09:00:00.000Z',
    });
  });

  it('writes the upgraded organization back at its next write', async () => {
    await open();
    expect(storedBody(file, 'orgs', CONTOSO, 'organization')).toMatchObject({ schemaVersion: 1 });
    const alice = client(api!, await api!.signIn('contoso', 'alice'));
    expect((await alice('POST', '/rest/activityTypes', { name: 'Review', color: '#123456' })).status).toBe(201);
    const stored = storedBody(file, 'orgs', CONTOSO, 'organization');
    expect(stored).toMatchObject({ schemaVersion: 2, installState: 'installed', trackingPolicy: DEFAULT_TRACKING_POLICY, entitlement: null });
    expect((stored!.activityTypes as { isActive?: boolean }[]).every((type) => type.isActive !== undefined)).toBe(true);
  });
});

describe('a data folder from a newer release', () => {
  it('is refused with a clear message and left as it was', async () => {
    const newer = await import('better-sqlite3').then(({ default: Database }) => new Database(file));
    newer.pragma('user_version = 99');
    newer.close();
    const before = fileSummary(file);
    const clock = new MutableClock(T0);
    expect(() => new SqliteDocumentStore(file, clock)).toThrow(`schema version 99, newer than this release knows (${SQLITE_SCHEMA_VERSION})`);
    expect(() => new SqliteMessageQueue(file, clock)).toThrow(/written by a newer Timehub/);
    expect(fileSummary(file)).toEqual(before);
  });
});
