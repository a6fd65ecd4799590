import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REPORT_VIEWS } from '../../shared/contracts/report-views.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { MutableClock } from '../support/mutable-clock.js';
import { T0 } from '../support/worklog-builder.js';

/** Saved report views: a name and a report query, per user and organization. */
let api: TestApi;
let bob: ReturnType<typeof client>;
let carol: ReturnType<typeof client>;
let contosoBob: ReturnType<typeof client>;

beforeAll(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  bob = client(api, await api.signIn('fabrikam', 'bob'));
  carol = client(api, await api.signIn('fabrikam', 'carol'));
  contosoBob = client(api, await api.signIn('contoso', 'bob'));
});
afterAll(() => api.close());

const november = 'from=2026-11-01&to=2026-11-30&groupBy=user%2Cday&billable=true';

describe('saved report views', () => {
  it('saves a view, lists it for its owner only, and deletes it', async () => {
    const saved = await bob('POST', '/reports/views', { name: ' November by day ', query: november });
    expect(saved.status).toBe(201);
    expect(saved.body.data).toMatchObject({ name: 'November by day', query: november });

    expect((await bob('GET', '/reports/views')).body.data).toEqual([saved.body.data]);
    expect((await carol('GET', '/reports/views')).body.data).toEqual([]);
    expect((await contosoBob('GET', '/reports/views')).body.data).toEqual([]);

    expect((await carol('DELETE', `/reports/views/${saved.body.data.id}`)).status).toBe(404);
    expect((await bob('DELETE', `/reports/views/${saved.body.data.id}`)).status).toBe(200);
    expect((await bob('GET', '/reports/views')).body.data).toEqual([]);
    expect((await bob('DELETE', `/reports/views/${saved.body.data.id}`)).status).toBe(404);
  });

  it('replaces a view saved again under the same name, keeping its id', async () => {
    const first = await carol('POST', '/reports/views', { name: 'Mine', query: 'from=2026-01-01&to=2026-01-31&groupBy=month' });
    const again = await carol('POST', '/reports/views', { name: 'mine', query: 'from=2026-02-01&to=2026-02-28&groupBy=week' });
    expect(again.body.data).toMatchObject({ id: first.body.data.id, name: 'mine', query: 'from=2026-02-01&to=2026-02-28&groupBy=week' });
    expect((await carol('GET', '/reports/views')).body.data).toHaveLength(1);
  });

  it('refuses a query the report itself would refuse, naming the fault', async () => {
    const cases = [
      'from=2026-01-01&to=2026-01-31&groupBy=user,day,month',
      'from=2026-02-01&to=2026-01-01&groupBy=user',
      'from=2026-01-01&to=2026-01-31&groupBy=user&groupBy=day',
      'from=2026-01-01&to=2026-01-31&groupBy=user&colour=red',
    ];
    for (const query of cases) {
      const res = await bob('POST', '/reports/views', { name: 'Broken', query });
      expect(res.status, query).toBe(400);
      expect(JSON.stringify(res.body.error), query).toMatch(/query/);
    }
    expect((await bob('POST', '/reports/views', { name: 'x'.repeat(81), query: november })).status).toBe(400);
    expect((await bob('POST', '/reports/views', { name: '   ', query: november })).status).toBe(400);
    expect((await bob('GET', '/reports/views')).body.data).toEqual([]);
  });

  it(`keeps at most ${MAX_REPORT_VIEWS} views per user, even when saved at once`, async () => {
    const saves = Array.from({ length: MAX_REPORT_VIEWS + 5 }, (_, i) => contosoBob('POST', '/reports/views', { name: `View ${i}`, query: november }));
    const statuses = (await Promise.all(saves)).map((res) => res.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(MAX_REPORT_VIEWS);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);
    expect((await contosoBob('GET', '/reports/views')).body.data).toHaveLength(MAX_REPORT_VIEWS);
    const refused = await contosoBob('POST', '/reports/views', { name: 'One more', query: november });
    expect(refused.body.error?.code).toBe('report_view.limit');
  });
});
