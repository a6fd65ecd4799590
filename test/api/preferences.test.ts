import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { APPROVALS_ON } from '../support/approval-world.js';

let api: TestApi;
let alice: ReturnType<typeof client>;
let bob: ReturnType<typeof client>;

beforeEach(async () => {
  api = await startTestApi();
  alice = client(api, await api.signIn('fabrikam', 'alice'));
  bob = client(api, await api.signIn('fabrikam', 'bob'));
});
afterEach(() => api.close());

const bobsSettings = async () => (await bob('GET', '/rest/me/settings')).body.data;

describe('a user\'s preferences (/rest/me/settings)', () => {
  it('starts_with_h_mm_the_browsers_dates_the_organizations_week_and_8_hours_monday_to_friday', async () => {
    expect(await bobsSettings()).toEqual({
      emailNotificationsOnTracking: true, emailNotificationsOnApprovals: true, timeZone: null,
      timeFormat: 'h:mm', dateFormat: 'locale', firstDayOfWeek: null, dailyTargetHours: 8, workdays: [1, 2, 3, 4, 5],
      organizationFirstDayOfWeek: 1,
    });
  });

  it('keeps_each_preference_and_leaves_out_ones_unchanged', async () => {
    await bob('PUT', '/rest/me/settings', { emailNotificationsOnTracking: false, timeZone: 'Europe/Berlin' });
    const saved = await bob('PUT', '/rest/me/settings', { timeFormat: 'decimal', dateFormat: 'de-DE', firstDayOfWeek: 0, dailyTargetHours: 7.5, workdays: [5, 1, 2] });

    expect(saved.status).toBe(200);
    expect(saved.body.data).toMatchObject({ timeFormat: 'decimal', dateFormat: 'de-DE', firstDayOfWeek: 0, dailyTargetHours: 7.5, workdays: [1, 2, 5] });
    expect(await bobsSettings()).toMatchObject({
      emailNotificationsOnTracking: false, timeZone: 'Europe/Berlin', timeFormat: 'decimal', dateFormat: 'de-DE', firstDayOfWeek: 0, dailyTargetHours: 7.5, workdays: [1, 2, 5],
    });
    // Another user's are their own.
    expect((await alice('GET', '/rest/me/settings')).body.data).toMatchObject({ timeFormat: 'h:mm', firstDayOfWeek: null });
  });

  it('goes_back_to_the_organizations_first_day_of_the_week_with_null', async () => {
    await bob('PUT', '/rest/me/settings', { firstDayOfWeek: 3 });
    await bob('PUT', '/rest/me/settings', { firstDayOfWeek: null });
    expect(await bobsSettings()).toMatchObject({ firstDayOfWeek: null, organizationFirstDayOfWeek: 1 });
  });

  it('reports_the_organizations_week_from_the_one_week_setting_approvals_use', async () => {
    expect((await alice('PUT', '/settings/approvals', { ...APPROVALS_ON, enabled: false, firstDayOfWeek: 0 })).status).toBe(200);

    expect(await bobsSettings()).toMatchObject({ organizationFirstDayOfWeek: 0 });
    // The approvals API is unchanged: the same field, read and written there.
    expect((await bob('GET', '/settings/approvals')).body.data).toMatchObject({ firstDayOfWeek: 0 });
    expect((await bob('GET', '/approvals/weeks?from=2025-01-01&to=2025-01-07')).body.data).toMatchObject({ firstDayOfWeek: 0 });
  });

  it.each([
    ['an unknown time format', { timeFormat: 'minutes' }, 'timeFormat'],
    ['an unknown date style', { dateFormat: 'xx-XX' }, 'dateFormat'],
    ['a weekday past Saturday', { firstDayOfWeek: 7 }, 'firstDayOfWeek'],
    ['a target over a day', { dailyTargetHours: 25 }, 'dailyTargetHours'],
    ['a negative target', { dailyTargetHours: -1 }, 'dailyTargetHours'],
    ['a workday twice', { workdays: [1, 1] }, 'workdays'],
    ['the organization\'s week, which only admins set', { organizationFirstDayOfWeek: 0 }, ''],
  ])('refuses %s with 400 naming the field, and changes nothing', async (_name, body, field) => {
    const before = await bobsSettings();
    const res = await bob('PUT', '/rest/me/settings', body);

    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(field);
    expect(await bobsSettings()).toEqual(before);
  });
});
