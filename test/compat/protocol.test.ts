import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCompatWorld, type CompatWorld } from './compat-world.js';

/** 7PACE-API.md §1 and §2.7: api-version, wrong methods and the error body. */
let w: CompatWorld;
beforeEach(async () => { w = await startCompatWorld(); });
afterEach(() => w.api.close());

describe('api-version', () => {
  it.each(['3.0', '3.0-preview', '3.1', '3.2', '3.2-beta', '3.3-beta'])('accepts %s on REST and tracking', async (version) => {
    expect((await w.bob('GET', `/rest/me?api-version=${version}`)).status).toBe(200);
    expect((await w.bob('GET', `/tracking/client/current?api-version=${version}`)).status).toBe(200);
  });

  it('accepts 2.1 on the tracking API only, and no version at all (Timehub\'s UI)', async () => {
    expect((await w.bob('GET', '/tracking/client/current?api-version=2.1')).status).toBe(200);
    expect((await w.bob('GET', '/rest/me?api-version=2.1')).status).toBe(400);
    expect((await w.bob('GET', '/rest/me')).status).toBe(200);
  });

  it('refuses an unknown version with 400 ApiVersionError naming the versions it takes', async () => {
    const res = await w.bob('GET', '/rest/workLogs?api-version=banana');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'request.api_version', statusCode: 400, errorCode: 'ApiVersionError' });
    expect(res.body.error.message).toContain('3.2');
  });
});

describe('a wrong method', () => {
  it('answers 405 with Allow, in the error envelope', async () => {
    const res = await w.bob('DELETE', '/rest/me');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    expect(res.body.error).toMatchObject({ code: 'route.method_not_allowed', statusCode: 405 });
    const put = await w.bob('PUT', '/rest/workLogs/some-id', {});
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, PATCH, DELETE');
  });
});

describe('errors', () => {
  it("carry Timehub's code and message beside 7pace's statusCode, errorCode and errorDescription", async () => {
    const cases = [
      [await w.bob('GET', '/rest/workLogs/nothing-here'), 404, 'EntityNotFound'],
      [await w.bob('GET', '/rest/workLogs/all'), 403, 'AccessDenied'],
      [await w.bob('POST', '/rest/workLogs', '{"length":'), 400, 'DbValidationError'],
    ] as const;
    for (const [res, status, errorCode] of cases) {
      expect(res.status).toBe(status);
      expect(res.body.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String), statusCode: status, errorCode, errorDescription: res.body.error.message }));
    }
    const anonymous = await fetch(`${w.api.url}/api/rest/me`);
    expect(await anonymous.json()).toMatchObject({ error: { statusCode: 401, errorCode: 'UnauthorizedError' } });
  });
});
