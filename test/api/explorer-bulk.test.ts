import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { buildRoleWorld, type RoleWorld } from '../support/role-world.js';
import { DAY, MINUTE, T0, at, consecutiveWorklogs } from '../support/worklog-builder.js';

type Call = ReturnType<typeof client>;
interface Row { id: string; userId: string; workItemId: number | null; billableLength: number; length: number; comment: string | null; activityType: { id: string } | null; editedByUser: { name: string } | null; flags: Record<string, boolean> }

let api: TestApi;
let world: RoleWorld;
beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  world = await buildRoleWorld(api);
});
afterEach(() => api.close());

const FROM = at(T0, -DAY);
const filterOf = (extra: object = {}) => ({ from: FROM, to: T0, ...extra });

async function rows(as: Call = world.alice, query = ''): Promise<Row[]> {
  const res = await as('GET', `/explorer/workLogs?from=${FROM}&to=${T0}&$count=500${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data.items;
}

/** Six worklogs of bob's (meeting, work item 1) and four of carol's (work item 2), all billable. */
async function someTime() {
  const { bob, alice, carolId } = world;
  expect((await bob('POST', '/rest/workLogs/batch', consecutiveWorklogs(6, FROM, 1800, { activityTypeId: 'meeting' }))).status).toBe(201);
  expect((await alice('POST', `/rest/workLogs/batch?userId=${carolId}`, consecutiveWorklogs(4, at(FROM, 10 * MINUTE), 1800, { workItemId: 2 }))).status).toBe(201);
  api.clock.advance(MINUTE);
  return rows();
}

const refs = (list: Row[]) => list.map((r) => ({ id: r.id, userId: r.userId }));

describe('bulk actions on a selection', () => {
  it('previews, then changes the activity type of the selected worklogs of two users, recording who edited them', async () => {
    const all = await someTime();
    const chosen = [...all.filter((r) => r.userId === world.bobId).slice(0, 2), ...all.filter((r) => r.userId === world.carolId).slice(0, 3)];
    const body = { change: { kind: 'activityType', activityTypeId: 'testing' }, worklogs: refs(chosen) };
    const preview = await world.alice('POST', '/explorer/bulkActions/preview', body);
    expect(preview.status).toBe(200);
    expect(preview.body.data).toMatchObject({ count: 5, userCount: 2 });
    expect((await rows()).filter((r) => r.activityType?.id === 'testing')).toHaveLength(0);

    const run = await world.alice('POST', '/explorer/bulkActions', { ...body, expectedCount: 5 });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(run.body.data).toMatchObject({ status: 'done', count: 5, applied: 5, missing: 0, skipped: 0, editedByUser: { name: 'Alice Anders' } });
    const after = await rows();
    const changed = after.filter((r) => chosen.some((c) => c.id === r.id));
    expect(changed.map((r) => [r.activityType?.id, r.editedByUser?.name, r.flags.isChanged])).toEqual(Array(5).fill(['testing', 'Alice Anders', true]));
    expect(after.filter((r) => !chosen.some((c) => c.id === r.id)).every((r) => r.activityType?.id !== 'testing' && !r.flags.isChanged)).toBe(true);
    expect((await world.alice('GET', `/explorer/bulkActions/${run.body.data.id}`)).body.data).toEqual(run.body.data);
  });

  it('deletes a selection all at once', async () => {
    const all = await someTime();
    const run = await world.alice('POST', '/explorer/bulkActions', { change: { kind: 'delete' }, worklogs: refs(all.slice(0, 7)) });
    expect(run.body.data).toMatchObject({ status: 'done', applied: 7 });
    expect((await rows()).map((r) => r.id)).toEqual(all.slice(7).map((r) => r.id));
  });
});

describe('bulk actions on everything matching a filter', () => {
  it('makes the matches non-billable and moves them to another work item, the rest untouched', async () => {
    await someTime();
    const billable = { change: { kind: 'billable', billable: false }, filter: filterOf({ userIds: [world.bobId] }) };
    expect((await world.alice('POST', '/explorer/bulkActions/preview', billable)).body.data).toMatchObject({ count: 6, userCount: 1 });
    expect((await world.alice('POST', '/explorer/bulkActions', { ...billable, expectedCount: 6 })).body.data).toMatchObject({ applied: 6 });
    expect((await rows(world.alice, '&billable=false')).map((r) => r.userId)).toEqual(Array(6).fill(world.bobId));
    expect((await rows(world.alice, '&billable=false')).every((r) => r.billableLength === 0 && r.length === 1800)).toBe(true);

    const move = { change: { kind: 'workItem', workItemId: 5 }, filter: filterOf({ workItemIds: [2] }) };
    expect((await world.alice('POST', '/explorer/bulkActions', move)).body.data).toMatchObject({ count: 4, applied: 4 });
    expect((await rows(world.alice, '&workItemIds=5')).map((r) => r.userId)).toEqual(Array(4).fill(world.carolId));
    expect(await rows(world.alice, '&workItemIds=1')).toHaveLength(6);
  });

  it('deletes everything matching', async () => {
    await someTime();
    const run = await world.alice('POST', '/explorer/bulkActions', { change: { kind: 'delete' }, filter: filterOf({ activityTypeIds: ['meeting'] }) });
    expect(run.body.data).toMatchObject({ count: 6, applied: 6 });
    expect((await rows()).map((r) => r.userId)).toEqual(Array(4).fill(world.carolId));
  });
});

describe('a bulk action is refused as a whole', () => {
  async function expectNothingChanged(before: Row[], res: { status: number; body: { error?: { code: string } } }, status: number, code: string) {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error?.code).toBe(code);
    expect(await rows()).toEqual(before);
  }

  it('for an inactive or unknown activity type, or an unknown work item', async () => {
    const all = await someTime();
    expect((await world.alice('DELETE', '/rest/activityTypes/support')).status).toBe(200);
    const on = { worklogs: refs(all) };
    await expectNothingChanged(all, await world.alice('POST', '/explorer/bulkActions', { ...on, change: { kind: 'activityType', activityTypeId: 'support' } }), 422, 'worklog.inactive_activity_type');
    await expectNothingChanged(all, await world.alice('POST', '/explorer/bulkActions', { ...on, change: { kind: 'activityType', activityTypeId: 'nope' } }), 422, 'worklog.unknown_activity_type');
    await expectNothingChanged(all, await world.alice('POST', '/explorer/bulkActions/preview', { ...on, change: { kind: 'workItem', workItemId: 9999 } }), 422, 'worklog.unknown_work_item');
  });

  it("when one target is another org's worklog or unknown, listing each", async () => {
    const all = await someTime();
    const contoso = client(api, await api.signIn('contoso', 'bob'));
    const theirs = (await contoso('POST', '/rest/workLogs', { timestamp: FROM, length: 600, workItemId: 1 })).body.data;
    const targets = [...refs(all), { id: theirs.id, userId: theirs.user.id }, { id: 'no-such-worklog', userId: world.bobId }];
    const res = await world.alice('POST', '/explorer/bulkActions', { change: { kind: 'delete' }, worklogs: targets });
    await expectNothingChanged(all, res, 422, 'bulk.invalid');
    expect(res.body.error?.details?.map((d: { index: number; code: string }) => [d.index, d.code])).toEqual([[10, 'bulk.worklog_not_found'], [11, 'bulk.worklog_not_found']]);
    expect((await contoso('GET', `/rest/workLogs/${theirs.id}`)).status).toBe(200);
  });

  it('for a role that may not change other people\'s time, preview included', async () => {
    const all = await someTime();
    const body = { change: { kind: 'billable', billable: false }, worklogs: refs(all) };
    for (const actor of ['member', 'teamLead', 'productManager', 'budgetManager'] as const) {
      for (const path of ['/explorer/bulkActions', '/explorer/bulkActions/preview']) {
        const res = await world.actors[actor]('POST', path, body);
        expect(res.status, `${actor} ${path}`).toBe(403);
        expect(res.body.error?.message).toContain('Administrator');
      }
    }
    expect(await rows()).toEqual(all);
  });

  it('when the targets changed since the preview: another worklog now matches the filter', async () => {
    await someTime();
    const body = { change: { kind: 'delete' }, filter: filterOf({ userIds: [world.bobId] }) };
    const { count } = (await world.alice('POST', '/explorer/bulkActions/preview', body)).body.data;
    expect((await world.bob('POST', '/rest/workLogs', { timestamp: at(T0, -2 * 3600_000), length: 600, workItemId: 1 })).status).toBe(201);
    const before = await rows();
    const res = await world.alice('POST', '/explorer/bulkActions', { ...body, expectedCount: count });
    await expectNothingChanged(before, res, 409, 'bulk.targets_changed');
    expect(res.body.error?.details?.[0]?.message).toBe('7');
  });

  it('when the trial has ended: the org is read-only, preview included', async () => {
    const all = await someTime();
    api.clock.set(at(T0, 30 * DAY + 3600_000));
    const alice = client(api, await api.signIn('fabrikam', 'alice'));
    for (const path of ['/explorer/bulkActions', '/explorer/bulkActions/preview']) {
      const res = await alice('POST', path, { change: { kind: 'delete' }, worklogs: refs(all) });
      expect(res.status, path).toBe(402);
      expect(res.body.error?.code).toBe('billing.read_only');
    }
    expect(await rows(alice)).toEqual(all);
  });

  it('when it would touch more than 10,000 worklogs', async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => ({ id: `w${i}`, userId: world.bobId }));
    const res = await world.alice('POST', '/explorer/bulkActions/preview', { change: { kind: 'delete' }, worklogs: many });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain('at most 10,000 worklogs');
  });
});

describe('the size of one bulk action', () => {
  it('is at most 10,000 worklogs: a filter matching 10,001 is refused, one matching 10,000 runs', async () => {
    const start = at(T0, -10 * DAY);
    const all = consecutiveWorklogs(10_001, start, 60);
    for (let i = 0; i < all.length; i += 500) expect((await world.bob('POST', '/rest/workLogs/batch', all.slice(i, i + 500))).status).toBe(201);
    const body = (to: string) => ({ change: { kind: 'billable', billable: false }, filter: { from: start, to } });
    const refused = await world.alice('POST', '/explorer/bulkActions/preview', body(T0));
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'bulk.too_many', message: expect.stringContaining('at most 10,000 worklogs') });
    const last = all.at(-1)!.timestamp;
    expect((await world.alice('POST', '/explorer/bulkActions/preview', body(last))).body.data.count).toBe(10_000);
    const run = await world.alice('POST', '/explorer/bulkActions', { ...body(last), expectedCount: 10_000 });
    expect(run.body.data).toMatchObject({ status: 'done', applied: 10_000 });
    const tail = await world.alice('GET', `/explorer/workLogs?from=${at(last, -60_000)}&to=${T0}`);
    expect(tail.body.data.items.map((r: Row) => r.billableLength)).toEqual([0, 60]);
  }, 60_000);
});

describe('edits by the owner around a bulk action', () => {
  it('an edit between preview and run stands, and the action changes only its own field on top of it', async () => {
    const all = await someTime();
    const mine = all.filter((r) => r.userId === world.bobId);
    const body = { change: { kind: 'workItem', workItemId: 3 }, worklogs: refs(mine) };
    expect((await world.alice('POST', '/explorer/bulkActions/preview', body)).body.data.count).toBe(6);
    expect((await world.bob('PATCH', `/rest/workLogs/${mine[0]!.id}`, { comment: 'mine', billableLength: 60 })).status).toBe(200);
    expect((await world.alice('POST', '/explorer/bulkActions', { ...body, expectedCount: 6 })).body.data).toMatchObject({ applied: 6 });
    const [first] = await rows(world.bob, `&userIds=${world.bobId}`);
    expect(first).toMatchObject({ id: mine[0]!.id, comment: 'mine', billableLength: 60, workItemId: 3, editedByUser: { name: 'Alice Anders' } });
  });

  it('edits racing a run lose nothing: the owner\'s comments and the action\'s activity type both stay', async () => {
    const all = await someTime();
    const mine = all.filter((r) => r.userId === world.bobId);
    const [run, ...patches] = await Promise.all([
      world.alice('POST', '/explorer/bulkActions', { change: { kind: 'activityType', activityTypeId: 'testing' }, worklogs: refs(all) }),
      ...mine.map((r, i) => world.bob('PATCH', `/rest/workLogs/${r.id}`, { comment: `race ${i}` })),
    ]);
    expect(run!.status).toBe(200);
    expect(patches.map((p) => p.status)).toEqual(Array(6).fill(200));
    const after = await rows(world.bob, `&userIds=${world.bobId}`);
    expect(after.map((r) => [r.comment, r.activityType?.id])).toEqual(mine.map((_, i) => [`race ${i}`, 'testing']));
  });

  it('a worklog its owner deleted after the preview refuses the selection, naming it', async () => {
    const all = await someTime();
    const mine = all.filter((r) => r.userId === world.bobId);
    expect((await world.bob('DELETE', `/rest/workLogs/${mine[2]!.id}`)).status).toBe(200);
    const res = await world.alice('POST', '/explorer/bulkActions', { change: { kind: 'delete' }, worklogs: refs(mine) });
    expect(res.status).toBe(422);
    expect(res.body.error?.message).toContain(mine[2]!.id);
    expect(await rows(world.bob, `&userIds=${world.bobId}`)).toHaveLength(5);
  });
});
