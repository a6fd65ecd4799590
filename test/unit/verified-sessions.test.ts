import { describe, expect, it } from 'vitest';
import { authSettings } from '../../shared/composition.js';
import { loadSettings } from '../../shared/config/settings.js';
import { issueSessionToken } from '../../shared/identity/session-token.js';
import { VerifiedSessions } from '../../shared/identity/verified-sessions.js';
import { MutableClock } from '../support/mutable-clock.js';

const auth = authSettings(loadSettings({ DATA_DIR: '/nonexistent' }));
const callerOf = (n: number) => ({ orgId: 'org-1', orgName: 'fabrikam', user: { id: `u${n}`, name: `User ${n}`, uniqueName: `u${n}@x` }, roles: [] });

describe('verified session tokens', () => {
  it('lets a verified token through until the moment it expires', async () => {
    const clock = new MutableClock();
    const sessions = new VerifiedSessions();
    const { token, expiresAt } = await issueSessionToken(auth, callerOf(1), clock.now());
    expect((await sessions.verify(auth, token, clock.now())).user.id).toBe('u1');
    clock.set(new Date(new Date(expiresAt).getTime() - 1));
    expect((await sessions.verify(auth, token, clock.now())).user.id).toBe('u1');
    clock.set(expiresAt);
    await expect(sessions.verify(auth, token, clock.now())).rejects.toMatchObject({ code: 'auth.unauthorized' });
  });

  it('refuses a token that differs from a verified one by a single character', async () => {
    const clock = new MutableClock();
    const sessions = new VerifiedSessions();
    const { token } = await issueSessionToken(auth, callerOf(1), clock.now());
    await sessions.verify(auth, token, clock.now());
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    await expect(sessions.verify(auth, tampered, clock.now())).rejects.toMatchObject({ status: 401 });
  });

  it('keeps no more tokens than its bound', async () => {
    const clock = new MutableClock();
    const sessions = new VerifiedSessions(20);
    for (let n = 0; n < 200; n++) await sessions.verify(auth, (await issueSessionToken(auth, callerOf(n), clock.now())).token, clock.now());
    expect(sessions.size).toBe(20);
  });
});
