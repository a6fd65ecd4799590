import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeedUser } from '../../shared/adapters/devops/local-seed.js';
import { startTestApi, type TestApi } from '../support/api-server.js';
import { csvRecords, download, memberNamed, xlsxRecords } from '../support/export-download.js';
import { buildRoleWorld, type RoleWorld } from '../support/role-world.js';

let api: TestApi;
let world: RoleWorld;

beforeAll(async () => {
  api = await startTestApi();
  world = await buildRoleWorld(api);
});
afterAll(() => api.close());

const ZOE = 'Zoë Ærøskøbing, "ZZ" Jr.';
const COMMENT = 'Fix, "quoted"\nsecond line — café';

describe('GET /api/exports/workLogs: the file a billing admin opens', () => {
  const RESCHEDULE = 'As a customer I can reschedule an appointment online';
  let zoe: Awaited<ReturnType<typeof memberNamed>>;
  beforeAll(async () => {
    zoe = await memberNamed(api, 'fabrikam', 'zoe', ZOE);
    const add = async (body: object) => expect((await zoe.call('POST', '/rest/workLogs', body)).status).toBe(201);
    await add({ timestamp: '2025-01-06T09:00:00Z', length: 5400, billableLength: 3600, workItemId: 7, comment: COMMENT, activityTypeId: 'meeting', timeZone: 'Europe/Berlin' });
    await add({ timestamp: '2025-01-06T23:30:00Z', length: 1800, workItemId: null, comment: '=HYPERLINK("http://x")', timeZone: 'Europe/Berlin' });
  });

  it('writes a CSV with a BOM whose quoting keeps commas, quotes, line breaks and non-ASCII names intact', async () => {
    const res = await download(api, zoe.token, '/exports/workLogs?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="worklogs-fabrikam\.csv"$/);
    expect(res.headers.get('access-control-expose-headers'), "the extension's other origin reads the file name").toBe('Content-Disposition');
    const [first, second] = csvRecords(res.bytes);
    expect(first).toMatchObject({
      Date: '2025-01-06', Start: '2025-01-06 10:00:00', End: '2025-01-06 11:30:00', 'UTC offset': 'UTC+01:00', User: ZOE,
      'Unique name': 'zoe@fabrikam.example', 'Work item': '7', 'Work item title': RESCHEDULE, 'Work item type': 'User Story', 'Activity type': 'Meeting', Comment: COMMENT,
      Hours: '1.5', 'Billable hours': '1', Billable: 'TRUE', Tracked: 'FALSE', Manual: 'TRUE', Edited: 'FALSE',
    });
    // The local day is the user's: 23:30 UTC is 00:30 the next day in Berlin.
    expect(second).toMatchObject({ Date: '2025-01-07', Start: '2025-01-07 00:30:00', 'Work item': '', 'Work item title': '', 'Work item type': '', Hours: '0.5' });
    expect(second!.Comment, 'a comment that a spreadsheet would run as a formula').toBe('\'=HYPERLINK("http://x")');
  });

  it('writes an XLSX whose hours are numbers and whose dates are dates', async () => {
    const res = await download(api, zoe.token, '/exports/workLogs?format=xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain('filename="worklogs-fabrikam.xlsx"');
    const [first, second] = await xlsxRecords(res.bytes);
    expect(first).toMatchObject({ User: ZOE, Comment: COMMENT, 'Work item': 7, 'Work item title': RESCHEDULE, 'Work item type': 'User Story', Hours: 1.5, 'Billable hours': 1, Billable: true, Tracked: false });
    expect(first!.Date).toEqual(new Date('2025-01-06T00:00:00Z'));
    expect(first!.Start).toEqual(new Date('2025-01-06T10:00:00Z'));
    expect(first!.End).toEqual(new Date('2025-01-06T11:30:00Z'));
    expect(second).toMatchObject({ Comment: '=HYPERLINK("http://x")', Hours: 0.5, 'Work item': null, 'Work item title': null, 'Work item type': null });
  });

  it('answers an export with no rows as a header alone', async () => {
    const csv = await download(api, zoe.token, '/exports/workLogs?format=csv&from=2030-01-01T00:00:00Z');
    expect(csv.bytes.toString('utf8')).toBe('\uFEFFDate,Start,End,UTC offset,User,Unique name,Work item,Work item title,Work item type,Target,Activity type,Comment,Hours,Billable hours,Billable,Tracked,Manual,Edited,Worklog id\r\n');
    expect(await xlsxRecords((await download(api, zoe.token, '/exports/workLogs?format=xlsx&from=2030-01-01T00:00:00Z')).bytes)).toEqual([]);
  });

  it('is documented in OpenAPI with its file types', async () => {
    const doc = (await (await fetch(`${api.url}/api/openapi.json`)).json()) as { paths: Record<string, { get: { responses: Record<string, { content: object }> } }> };
    expect(Object.keys(doc.paths['/api/exports/workLogs']!.get.responses['200']!.content)).toEqual([
      'text/csv; charset=utf-8', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
  });
});

describe('GET /api/exports/workLogs: whose time, by role', () => {
  const uniqueNames = async (token: string, path = '/exports/workLogs?format=csv') => {
    const res = await download(api, token, path);
    expect(res.status, res.bytes.toString('utf8').slice(0, 300)).toBe(200);
    return new Set(csvRecords(res.bytes).map((r) => r['Unique name']));
  };
  let tokenOf: (actor: 'member' | 'teamLead' | 'administrator') => string;
  beforeAll(async () => {
    await world.carolsWorklog();
    await world.bob('POST', '/rest/workLogs', { timestamp: world.freshTime(), length: 600, workItemId: 1 });
    const contoso = await api.signIn('contoso', 'bob');
    await fetch(`${api.url}/api/rest/workLogs`, { method: 'POST', headers: { authorization: `Bearer ${contoso}` }, body: JSON.stringify({ timestamp: world.freshTime(), length: 600 }) });
    tokenOf = (actor) => world.tokens[actor];
  });

  it('gives a Member their own time and refuses them anyone else’s', async () => {
    expect(await uniqueNames(tokenOf('member'))).toEqual(new Set(['bob@fabrikam.example']));
    const res = await download(api, tokenOf('member'), `/exports/workLogs?format=csv&userIds=${world.carolId}`);
    expect(res.status).toBe(403);
    expect(res.error?.code).toBe('auth.forbidden');
  });

  it("gives a Team lead their team's time and refuses others", async () => {
    const names = await uniqueNames(tokenOf('teamLead'));
    expect(names.has('carol@fabrikam.example')).toBe(true);
    expect(names.has('bob@fabrikam.example')).toBe(false);
    expect((await download(api, tokenOf('teamLead'), `/exports/workLogs?format=csv&userIds=${world.bobId}`)).status).toBe(403);
  });

  it("gives an Administrator everyone's time in the org and never another org's", async () => {
    const names = await uniqueNames(tokenOf('administrator'));
    expect(names).toContain('bob@fabrikam.example');
    expect(names).toContain('carol@fabrikam.example');
    expect([...names].filter((n) => n?.endsWith('contoso.example'))).toEqual([]);
    const foreign = await download(api, tokenOf('administrator'), `/exports/workLogs?format=xlsx&userIds=${findSeedUser('contoso', 'bob')!.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toContain('application/json');
  });
});

describe('GET /api/exports/workLogs: filters', () => {
  let token: string;
  const comments = async (query: string) => {
    const res = await download(api, token, `/exports/workLogs?format=csv&${query}`);
    expect(res.status, res.bytes.toString('utf8').slice(0, 300)).toBe(200);
    return csvRecords(res.bytes).map((r) => r.Comment);
  };
  beforeAll(async () => {
    const filip = await memberNamed(api, 'fabrikam', 'filip', 'Filip Filter');
    token = filip.token;
    const add = async (body: object) => (await filip.call('POST', '/rest/workLogs', { length: 600, ...body })).body.data.id as string;
    await add({ timestamp: '2025-02-03T09:00:00Z', workItemId: 1, activityTypeId: 'development', comment: 'mon' });
    await add({ timestamp: '2025-02-04T09:00:00Z', workItemId: 2, activityTypeId: 'meeting', billableLength: 0, comment: 'tue' });
    const wed = await add({ timestamp: '2025-02-05T09:00:00Z', workItemId: 1, activityTypeId: 'testing', comment: 'wed' });
    expect((await filip.call('PATCH', `/rest/workLogs/${wed}`, { comment: 'wed, edited' })).status).toBe(200);
    expect((await filip.call('POST', '/tracking/client/startTracking', { workItemId: 3 })).status).toBe(200);
    api.clock.advance(90_000);
    expect((await filip.call('POST', '/tracking/client/stopTracking')).status).toBe(200);
  });

  it('narrows as the Times Explorer does: by time, work items, activity types, billable, tracked or manual, and edited', async () => {
    expect(await comments('from=2025-02-04T00:00:00Z&to=2025-02-05T00:00:00Z')).toEqual(['tue']);
    expect(await comments('from=2025-02-04T00:00:00Z&to=2025-02-06T00:00:00Z')).toEqual(['tue', 'wed, edited']);
    expect(await comments('workItemIds=1')).toEqual(['mon', 'wed, edited']);
    expect(await comments('activityTypeIds=meeting,testing')).toEqual(['tue', 'wed, edited']);
    expect(await comments('billable=false')).toEqual(['tue']);
    expect(await comments('tracked=false&billable=true')).toEqual(['mon', 'wed, edited']);
    expect((await comments('tracked=true')).length).toBe(1);
    expect(await comments('edited=true')).toEqual(['wed, edited']);
  });

  it('refuses a range that ends before it starts, and an unknown format, as JSON', async () => {
    const inverted = await download(api, token, '/exports/workLogs?format=csv&from=2025-02-05T00:00:00Z&to=2025-02-04T00:00:00Z');
    expect(inverted.status).toBe(400);
    expect(inverted.error?.message).toContain('query.to');
    const pdf = await download(api, token, '/exports/workLogs?format=pdf');
    expect(pdf.status).toBe(400);
    expect(pdf.error?.message).toContain('query.format');
  });
});
