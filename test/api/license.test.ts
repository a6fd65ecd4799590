import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateLicenseKeys } from '../../shared/billing/license-file.js';
import { client, startTestApi, type TestApi } from '../support/api-server.js';
import { aLicense } from '../support/billing-builder.js';
import { MutableClock } from '../support/mutable-clock.js';
import { DAY, T0, aWorklog, at } from '../support/worklog-builder.js';

let api: TestApi;
let alice: ReturnType<typeof client>;

beforeEach(async () => {
  api = await startTestApi({ clock: new MutableClock(T0) });
  alice = client(api, await api.signIn('fabrikam', 'alice'));
});
afterEach(() => api.close());

const activate = (file: unknown) => alice('POST', '/subscription/license', file);
const status = async () => (await alice('GET', '/subscription')).body.data;

describe('POST /api/subscription/license', () => {
  it('activates a valid license file: active, with its seats, until its expiry', async () => {
    const res = await activate(aLicense({ seats: 7, expiry: '2025-12-31T23:59:59Z', subscriptionId: 'lic-42' }));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      plan: 'license', status: 'active', source: 'licenseFile', subscriptionId: 'lic-42',
      seats: { licensed: 7, used: 0 }, renewalDate: '2025-12-31T23:59:59Z', readOnly: false,
    });
  });

  it('accepts the file pretty-printed with its keys in another order: the signature covers values, not layout', async () => {
    const { signature, ...terms } = aLicense();
    const text = JSON.stringify({ signature, subscriptionId: terms.subscriptionId, expiry: terms.expiry, seats: terms.seats, org: terms.org }, null, 4);
    expect((await activate(text)).status).toBe(200);
  });

  it.each([
    ['more seats', (f: ReturnType<typeof aLicense>) => ({ ...f, seats: 1000 })],
    ['a later expiry', (f: ReturnType<typeof aLicense>) => ({ ...f, expiry: '2099-01-01T00:00:00Z' })],
    ['another org', (f: ReturnType<typeof aLicense>) => ({ ...f, org: 'contoso' })],
    ['a broken signature', (f: ReturnType<typeof aLicense>) => ({ ...f, signature: f.signature.replace(/^ed25519:./, 'ed25519:A') })],
  ])('answers 400 naming the failed signature when the file was changed (%s)', async (_change, tamper) => {
    const res = await activate(tamper(aLicense()));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'license.signature_invalid', message: expect.stringContaining('signature does not verify') });
    expect(await status()).toMatchObject({ status: 'trial' });
  });

  it('answers 400 to a file signed with another key than the vendor\'s', async () => {
    const res = await activate(aLicense({}, generateLicenseKeys().privateKeyPem));
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('license.signature_invalid');
  });

  it('answers 422 to an expired license and leaves the trial running', async () => {
    const res = await activate(aLicense({ expiry: at(T0, -DAY) }));
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'license.expired', message: expect.stringContaining('expired') });
    expect(await status()).toMatchObject({ status: 'trial' });
  });

  it('answers 422 to a valid license for another org', async () => {
    const res = await activate(aLicense({ org: 'contoso' }));
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'license.other_org', message: 'this license is for the organization contoso, not fabrikam' });
  });

  it('answers 403 to a member and 400 to something that is not a license file', async () => {
    const bob = client(api, await api.signIn('fabrikam', 'bob'));
    expect((await bob('POST', '/subscription/license', aLicense())).status).toBe(403);
    expect((await activate({ hello: 'world' })).status).toBe(400);
  });

  it('makes the org read-only once the license expires', async () => {
    await activate(aLicense({ expiry: at(T0, 40 * DAY) }));
    api.clock.advance(40 * DAY);
    const bob = client(api, await api.signIn('fabrikam', 'bob'));
    expect((await bob('POST', '/rest/workLogs', aWorklog({ timestamp: at(api.clock.now(), -3600_000) }))).status).toBe(402);
    expect((await client(api, await api.signIn('fabrikam', 'alice'))('GET', '/subscription')).body.data.status).toBe('expired');
  });
});

describe('npm run license', () => {
  const run = promisify(execFile);
  const cli = (...args: string[]) => run(join('node_modules', '.bin', 'tsx'), ['scripts/license.ts', ...args]);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'timehub-license-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates a key pair and signs a file the backend accepts with that public key', async () => {
    await cli('--generate-keys', dir);
    expect(statSync(join(dir, 'license-private-key.pem')).mode & 0o777).toBe(0o600);
    const out = join(dir, 'fabrikam.license.json');
    await cli('--org', 'fabrikam', '--seats', '3', '--expires', '2025-06-30', '--key', join(dir, 'license-private-key.pem'), '--out', out);
    const file = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ org: 'fabrikam', seats: 3, expiry: '2025-06-30T23:59:59Z', subscriptionId: 'lic-fabrikam-2025-06-30' });

    const vendorApi = await startTestApi({ clock: new MutableClock(T0), env: { LICENSE_PUBLIC_KEY: readFileSync(join(dir, 'license-public-key.pem'), 'utf8') } });
    try {
      const admin = client(vendorApi, await vendorApi.signIn('fabrikam', 'alice'));
      expect((await admin('POST', '/subscription/license', file)).status).toBe(200);
      expect((await admin('POST', '/subscription/license', aLicense())).status).toBe(400);
    } finally {
      await vendorApi.close();
    }
  });

  it('names a bad argument', async () => {
    await expect(cli('--org', 'fabrikam', '--seats', 'many', '--expires', '2025-06-30', '--key', 'x.pem')).rejects.toThrow(/--seats/);
  });
});
